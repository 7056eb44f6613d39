from datetime import date

import pytest

from baken.registration.consent import GUARDIAN, YOUTH, ConsentAges, age_on, who_consents


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
def test_consent_by_age_by_default(age: int, who: set[str]) -> None:
    assert who_consents(age) == who


def test_consent_ages_are_configurable() -> None:
    both_only_from_14 = ConsentAges(both_from=14, youth_alone_from=16)
    assert who_consents(13, both_only_from_14) == {GUARDIAN}
    with pytest.raises(ValueError):
        ConsentAges(both_from=17, youth_alone_from=16)


def test_age_is_taken_on_the_day() -> None:
    assert age_on(date(2010, 5, 17), date(2026, 5, 16)) == 15
    assert age_on(date(2010, 5, 17), date(2026, 5, 17)) == 16
