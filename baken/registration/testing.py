"""Test support for registration: tasks, parents in the file and consent, through the real
services."""

from datetime import date

from django.utils import timezone

from baken.accounts.models import User
from baken.cases.models import Guardian, Youth
from baken.cases.services import add_guardian
from baken.registration.models import Disclosure, RegistrationTask
from baken.registration.services import (
    Answer,
    Content,
    open_registration_task,
    parties_to_ask,
    record_consent,
)


def open_task(youth: Youth, *, trigger: str = "meldcode", trigger_id: int = 1) -> RegistrationTask:
    task = open_registration_task(youth=youth, trigger=trigger, trigger_id=trigger_id)
    if task is None:
        raise AssertionError("the youth is registered already: no task")
    return task


def add_parents(youth: Youth, by: User, *names: str, with_authority: bool = True) -> list[Guardian]:
    return [
        add_guardian(
            youth=youth,
            by=by,
            request=None,
            name=name,
            relationship="moeder" if n == 0 else "vader",
            has_parental_authority=with_authority,
            phone="",
            email="",
        )
        for n, name in enumerate(names or ("Marieke Bakker", "Ahmed Bakker"))
    ]


def answers_of_everyone(
    youth: Youth,
    decision: str = "given",
    *,
    on: date | None = None,
    youth_cannot_assess: bool = False,
    except_for: dict[str, str] | None = None,
) -> list[Answer]:
    """Every person the law asks answers `decision`, except those named (by key) otherwise."""
    day = on or timezone.localdate()
    others = except_for or {}
    return [
        Answer(key=party.key, decision=others.get(party.key, decision), on=day)
        for party in parties_to_ask(youth, on=day, youth_cannot_assess=youth_cannot_assess)
    ]


def register_with_consent(
    task: RegistrationTask, by: User, *, forms: list[str] | None = None
) -> Disclosure:
    return record_consent(
        task=task,
        by=by,
        request=None,
        answers=answers_of_everyone(task.youth),
        content=Content(forms=forms or ["labour"]),
    )
