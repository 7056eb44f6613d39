"""Where a worker stands with training: completed, refresher due or overdue, mandatory set done.
Framework-free; the services feed it the dates of passed quizzes."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta


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
        due = completed_on + relativedelta(months=refresher_months)
        if today > due:
            state = ModuleState.REFRESHER_OVERDUE
        elif (due - today).days <= SOON_DAYS:
            state = ModuleState.REFRESHER_SOON
        else:
            state = ModuleState.CURRENT
        return ModuleProgress(slug, mandatory, completed_on, due, state)
    if not mandatory:
        return ModuleProgress(slug, mandatory, None, None, ModuleState.NOT_STARTED)
    due = joined_on + relativedelta(days=new_staff_days)
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
