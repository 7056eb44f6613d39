"""Whether a birth date is plausible for a youth in care. Age decides who must consent to a
registration (12, 16), so a mistyped year is a wrong legal outcome: an age outside youth care
(0 to 23: youth care may last until 23) is asked to be confirmed, a future date is refused."""

from datetime import date
from enum import Enum

YOUNGEST = 0
OLDEST = 23  # verlengde jeugdhulp ends at 23


class BirthDateCheck(Enum):
    PLAUSIBLE = "plausible"
    IN_THE_FUTURE = "in_the_future"
    UNUSUAL_AGE = "unusual_age"


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def check_birth_date(born: date, *, today: date) -> BirthDateCheck:
    if born > today:
        return BirthDateCheck.IN_THE_FUTURE
    if not YOUNGEST <= age_on(born, today) <= OLDEST:
        return BirthDateCheck.UNUSUAL_AGE
    return BirthDateCheck.PLAUSIBLE
