"""Completion, refreshers and the mandatory set for new staff."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from baken.learning.progress import (
    ModuleState,
    has_overdue,
    is_trained,
    module_progress,
    months_later,
)

TODAY = date(2026, 11, 29)


def progress(
    completed_on: date | None, *, mandatory: bool = True, joined: date = date(2026, 1, 5)
) -> ModuleState:
    return module_progress(
        slug="meldcode",
        mandatory=mandatory,
        completed_on=completed_on,
        joined_on=joined,
        refresher_months=12,
        new_staff_days=90,
        today=TODAY,
    ).state


def test_a_module_is_current_for_twelve_months_then_due_for_a_refresher() -> None:
    assert progress(date(2026, 6, 1)) == ModuleState.CURRENT
    assert progress(date(2025, 12, 20)) == ModuleState.REFRESHER_SOON
    assert progress(date(2025, 11, 28)) == ModuleState.REFRESHER_OVERDUE


def test_new_staff_have_the_configured_number_of_days_for_the_mandatory_set() -> None:
    assert progress(None, joined=date(2026, 9, 1)) == ModuleState.DUE_FOR_NEW_STAFF
    assert progress(None, joined=date(2026, 8, 30)) == ModuleState.OVERDUE_FOR_NEW_STAFF
    assert progress(None, mandatory=False) == ModuleState.NOT_STARTED


def test_trained_means_every_mandatory_module_current() -> None:
    def item(slug: str, done: date | None, mandatory: bool = True):  # type: ignore[no-untyped-def]
        return module_progress(
            slug=slug,
            mandatory=mandatory,
            completed_on=done,
            joined_on=date(2020, 1, 1),
            refresher_months=12,
            new_staff_days=90,
            today=TODAY,
        )

    done = date(2026, 10, 1)
    assert is_trained([item("a", done), item("b", done), item("c", None, mandatory=False)])
    assert not is_trained([item("a", done), item("b", None)])
    assert has_overdue([item("a", done), item("b", None)])
    assert not is_trained([item("a", date(2025, 1, 1))])
    # Without a mandatory set, one current module is enough.
    assert is_trained([item("a", done, mandatory=False), item("b", None, mandatory=False)])
    assert not is_trained([item("a", None, mandatory=False)])


def test_months_later_is_relativedelta_on_every_day_of_four_years() -> None:
    day = date(2023, 1, 1)
    while day < date(2027, 1, 1):
        for months in (1, 6, 12, 13, 24, 25):
            assert months_later(day, months) == day + relativedelta(months=months)
        day += timedelta(days=1)
