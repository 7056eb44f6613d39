"""Who must consent to a disclosure, and which route a registration for statistics takes, free of
Django (docs/legal-basis.md §2).

Who consents is the law's rule, the same for every organisation (BW 7:450 and 7:465, Jeugdwet
7.3.4 and 7.3.5): under 12 the holders of parental authority or the guardian; 12 to 15 the youth
and the holders of parental authority or the guardian; 16 and older the youth alone. A youth of
12 or more who cannot reasonably assess his or her interests in the matter is represented by the
holders of authority (a documented exception). Age is taken on the day consent is asked."""

from dataclasses import dataclass
from datetime import date

YOUTH, GUARDIAN = "youth", "guardian"
BOTH_FROM, YOUTH_ALONE_FROM = 12, 16


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def who_consents(age: int) -> frozenset[str]:
    """The one rule on who consents at which age."""
    if age < 0:
        raise ValueError("age cannot be negative")
    if age >= YOUTH_ALONE_FROM:
        return frozenset({YOUTH})
    if age >= BOTH_FROM:
        return frozenset({YOUTH, GUARDIAN})
    return frozenset({GUARDIAN})


def who_must_consent(age: int, *, youth_cannot_assess: bool = False) -> frozenset[str]:
    """The rule, with its one documented exception: a youth who cannot reasonably assess his or
    her interests is represented by the holders of authority."""
    if youth_cannot_assess and age >= BOTH_FROM:
        return frozenset({GUARDIAN})
    return who_consents(age)


# The routes of a registration for statistics.
CONSENT = "consent"
STATISTICS_EXCEPTION = "statistics_exception"
COUNT_ONLY = "count_only"
NOTHING = "nothing"


def statistical_route(
    *,
    objection: bool,
    refused: bool,
    consent_given: bool,
    exception_confirmed: bool,
    send_count: bool,
) -> str:
    """(a) consent of every party the law asks; (b) without consent, the statistics exception
    confirmed by the designated officer, never after an objection (BW 7:458 lid 2(c)); (c) after a
    refusal or an objection only an untraceable count, or nothing where the organisation's data
    protection officer decided so. Nobody can override an objection or a refusal."""
    if objection or refused:
        return COUNT_ONLY if send_count else NOTHING
    if consent_given:
        return CONSENT
    if exception_confirmed:
        return STATISTICS_EXCEPTION
    raise ValueError("no route: consent neither given nor refused, and no confirmed exception")


@dataclass(frozen=True)
class Bases:
    art6: str  # GDPR art. 6(1)
    art9: str  # GDPR art. 9(2)
    secrecy: str  # what lifts professional secrecy


def bases_for(route: str, *, art6_without_consent: str = "6(1)(f)") -> Bases:
    """The bases each route rests on, by their real names. An untraceable count is no personal
    data (GDPR recital 26) and no information about the person (BW 7:457): it needs none."""
    if route == CONSENT:
        return Bases("6(1)(a)", "9(2)(a)", "consent")
    if route == STATISTICS_EXCEPTION:
        if art6_without_consent not in ("6(1)(f)", "6(1)(e)"):
            raise ValueError("without consent the basis is 6(1)(f), or 6(1)(e) for a public task")
        return Bases(art6_without_consent, "9(2)(j)+89(1)+UAVG 24", "BW 7:458")
    return Bases("", "", "")
