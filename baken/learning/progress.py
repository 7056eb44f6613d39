"""Where a worker stands with training: completed, refresher due or overdue, mandatory set done.
Framework-free; the services feed it the dates of passed quizzes."""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class ModuleState(StrEnum):
    NOT_STARTED = "not_started"
    DUE_FOR_NEW_STAFF = "due_for_new_staff"  # mandatory, not done, still within the period
    OVERDUE_FOR_NEW_STAFF = "overdue_for_new_staff"
    CURRENT = "current"
    REFRESHER_SOON = "refresher_soon"  # within 30 days
    REFRESHER_OVERDUE = "refresher_overdue"


@dataclass(frozen=True)
class ModuleProgress:
    slug: str
    mandatory: bool
    completed_on: date | None
    due_on: date | None
    state: ModuleState

    @property
    def is_current(self) -> bool:
        return self.state in (ModuleState.CURRENT, ModuleState.REFRESHER_SOON)


SOON_DAYS = 30


def months_later(day: date, months: int) -> date:
    """The same day `months` later, the month's last day where it has no such day (31 January
    + 1 month = 28 or 29 February), as dateutil's relativedelta; about twenty times faster, and
    the dashboard asks it for every module of every worker."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def module_progress(
    *,
    slug: str,
    mandatory: bool,
    completed_on: date | None,
    joined_on: date,
    refresher_months: int,
    new_staff_days: int,
    today: date,
) -> ModuleProgress:
    if completed_on is not None:
        due = months_later(completed_on, refresher_months)
        if today > due:
            state = ModuleState.REFRESHER_OVERDUE
        elif (due - today).days <= SOON_DAYS:
            state = ModuleState.REFRESHER_SOON
        else:
            state = ModuleState.CURRENT
        return ModuleProgress(slug, mandatory, completed_on, due, state)
    if not mandatory:
        return ModuleProgress(slug, mandatory, None, None, ModuleState.NOT_STARTED)
    due = joined_on + timedelta(days=new_staff_days)
    state = ModuleState.DUE_FOR_NEW_STAFF if today <= due else ModuleState.OVERDUE_FOR_NEW_STAFF
    return ModuleProgress(slug, mandatory, None, due, state)


def is_trained(progress: list[ModuleProgress]) -> bool:
    """Trained: every mandatory module current; with no mandatory set, at least one module."""
    mandatory = [item for item in progress if item.mandatory]
    if mandatory:
        return all(item.is_current for item in mandatory)
    return any(item.is_current for item in progress)


def has_overdue(progress: list[ModuleProgress]) -> bool:
    return any(
        item.state in (ModuleState.REFRESHER_OVERDUE, ModuleState.OVERDUE_FOR_NEW_STAFF)
        for item in progress
    )
