"""Working days and working time, free of Django (public holidays are not taken into account)."""

from datetime import date, datetime, time, timedelta

WORKING_DAY = timedelta(days=1)


def add_working_days(start: date, days: int) -> date:
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current


def working_time_between(start: datetime, end: datetime) -> timedelta:
    """How much of the time from `start` to `end` falls on Monday to Friday, counted in the
    calendar days of `start`'s time zone (pass local times)."""
    total = timedelta()
    current = start
    while current < end:
        midnight = datetime.combine(current.date() + timedelta(days=1), time.min, current.tzinfo)
        piece_end = min(midnight, end)
        if current.weekday() < 5:
            total += piece_end - current
        current = piece_end
    return total


def waited_longer_than_a_working_day(since: datetime, now: datetime) -> bool:
    """More than 24 hours of Monday-to-Friday time between `since` and `now`: a registration
    queued on Friday afternoon is late on Monday afternoon, not on Saturday."""
    return working_time_between(since, now) > WORKING_DAY
