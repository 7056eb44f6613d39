"""Working days, free of Django (public holidays are not taken into account)."""

from datetime import date, timedelta


def add_working_days(start: date, days: int) -> date:
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current
