"""Who must consent to a registration, by age at the time, free of Django.

Default (DOMAIN.md §6, partly open, so configurable per organisation): under 12 the parent or
guardian; 12 to 15 the youth and the parent or guardian; 16 and older the youth alone."""

from dataclasses import dataclass
from datetime import date

YOUTH, GUARDIAN = "youth", "guardian"


@dataclass(frozen=True)
class ConsentAges:
    both_from: int = 12  # from this age the youth consents too
    youth_alone_from: int = 16  # from this age the youth alone

    def __post_init__(self) -> None:
        if not 0 <= self.both_from <= self.youth_alone_from <= 18:
            raise ValueError("need 0 <= both_from <= youth_alone_from <= 18")


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def who_consents(age: int, ages: ConsentAges = ConsentAges()) -> frozenset[str]:
    if age < 0:
        raise ValueError("age cannot be negative")
    if age >= ages.youth_alone_from:
        return frozenset({YOUTH})
    if age >= ages.both_from:
        return frozenset({YOUTH, GUARDIAN})
    return frozenset({GUARDIAN})


# What the institution may send, given what happened with consent (DOMAIN.md §6).
STATISTICAL, SHELTER, ADVICE = "statistical", "shelter", "advice"
GIVEN, REFUSED, NOT_ASKED = "given", "refused", "not_asked"


def allowed_dossier_types(
    *, consent: str, objection: bool, statistical_after_objection: bool
) -> frozenset[str]:
    """A request for shelter or advice needs consent. Without consent only the pseudonymised
    statistical registration remains; after an objection not even that, unless the privacy officer
    enabled it for the organisation."""
    if objection:
        return frozenset({STATISTICAL}) if statistical_after_objection else frozenset()
    if consent == GIVEN:
        return frozenset({STATISTICAL, SHELTER, ADVICE})
    return frozenset({STATISTICAL})
