"""When is a youth's next screening due? Free of Django.

- At intake: within INTAKE_DAYS of the start of care.
- Then periodically: `interval_days` after the last completed screening (per organisation).
- Extra, within TRIGGER_DAYS of an event after the last screening: return after a missing
  episode, a new suspicious contact, a change of placement, a signal of high concern.
The earliest of these applies."""

from dataclasses import dataclass
from datetime import date, timedelta

INTAKE_DAYS = 14
TRIGGER_DAYS = 7
SOON_DAYS = 14


@dataclass(frozen=True)
class Trigger:
    on: date
    kind: str


@dataclass(frozen=True)
class Due:
    due_on: date
    reason: str  # "intake", "periodic" or a trigger kind
    overdue: bool
    soon: bool


def next_screening(
    *,
    care_start: date,
    last_screening_on: date | None,
    interval_days: int,
    triggers: list[Trigger],
    today: date,
) -> Due:
    if last_screening_on is None:
        candidates = [(care_start + timedelta(days=INTAKE_DAYS), "intake")]
    else:
        candidates = [(last_screening_on + timedelta(days=interval_days), "periodic")]
    after = [t for t in triggers if last_screening_on is None or t.on > last_screening_on]
    candidates += [(t.on + timedelta(days=TRIGGER_DAYS), t.kind) for t in after]
    due_on, reason = min(candidates, key=lambda pair: pair[0])
    return Due(
        due_on=due_on,
        reason=reason,
        overdue=due_on < today,
        soon=today <= due_on <= today + timedelta(days=SOON_DAYS),
    )
