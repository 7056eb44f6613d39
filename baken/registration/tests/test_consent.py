"""The rule on who consents, and the routes a registration for statistics takes, free of Django."""

from datetime import date

import pytest

from baken.registration.consent import (
    CONSENT,
    COUNT_ONLY,
    GUARDIAN,
    NOTHING,
    STATISTICS_EXCEPTION,
    YOUTH,
    age_on,
    bases_for,
    statistical_route,
    who_consents,
    who_must_consent,
)


@pytest.mark.parametrize(
    ("age", "who"),
    [
        (0, {GUARDIAN}),
        (11, {GUARDIAN}),
        (12, {YOUTH, GUARDIAN}),
        (15, {YOUTH, GUARDIAN}),
        (16, {YOUTH}),
        (17, {YOUTH}),
    ],
)
def test_consent_by_age(age: int, who: set[str]) -> None:
    assert who_consents(age) == who


@pytest.mark.parametrize(("age", "who"), [(9, {GUARDIAN}), (13, {GUARDIAN}), (16, {GUARDIAN})])
def test_a_youth_who_cannot_assess_his_interests_is_represented(age: int, who: set[str]) -> None:
    assert who_must_consent(age, youth_cannot_assess=True) == who


def test_age_is_taken_on_the_day() -> None:
    assert age_on(date(2010, 5, 17), date(2026, 5, 16)) == 15
    assert age_on(date(2010, 5, 17), date(2026, 5, 17)) == 16


def route(**changes: bool) -> str:
    answers = {
        "objection": False,
        "refused": False,
        "consent_given": False,
        "exception_confirmed": False,
        "send_count": True,
    }
    return statistical_route(**{**answers, **changes})


def test_the_routes_of_a_registration_for_statistics() -> None:
    assert route(consent_given=True) == CONSENT
    assert route(exception_confirmed=True) == STATISTICS_EXCEPTION
    assert route(refused=True) == COUNT_ONLY
    assert route(refused=True, send_count=False) == NOTHING
    with pytest.raises(ValueError):
        route()


def test_an_objection_is_final_whatever_else_is_true() -> None:
    everything = {"consent_given": True, "exception_confirmed": True}
    assert route(objection=True, **everything) == COUNT_ONLY
    assert route(objection=True, send_count=False, **everything) == NOTHING


def test_each_route_records_its_bases_by_their_real_names() -> None:
    consent = bases_for(CONSENT)
    assert (consent.art6, consent.art9, consent.secrecy) == ("6(1)(a)", "9(2)(a)", "consent")
    exception = bases_for(STATISTICS_EXCEPTION)
    assert (exception.art6, exception.art9, exception.secrecy) == (
        "6(1)(f)",
        "9(2)(j)+89(1)+UAVG 24",
        "BW 7:458",
    )
    assert bases_for(STATISTICS_EXCEPTION, art6_without_consent="6(1)(e)").art6 == "6(1)(e)"
    with pytest.raises(ValueError):
        bases_for(STATISTICS_EXCEPTION, art6_without_consent="pseudonymised_statistics")
    count = bases_for(COUNT_ONLY)  # no personal data: no basis needed
    assert (count.art6, count.art9, count.secrecy) == ("", "", "")
