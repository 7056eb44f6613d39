"""Test support for registration: tasks, parents in the file and consent, through the real
services; the registry's intake API as the sender reaches it."""

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from baken.accounts.models import User
from baken.cases.models import Guardian, Youth
from baken.cases.services import add_guardian
from baken.registration.delivery import Reply
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


# -- the registry, reached only over its API (as the institution must) ----------------------------

RegistryPost = Callable[[str, dict[str, Any]], Reply]
RegistryCall = Callable[[str, str, dict[str, Any]], Reply]


def add_registry_source(name: str = "Jeugdzorg A") -> str:
    """A source at the registry; returns its token."""
    out = io.StringIO()
    call_command("registry_source", "add", name, "--kind", "youth_care", stdout=out)
    return out.getvalue().strip()


def registry_api(token: str) -> tuple[RegistryPost, RegistryCall]:
    """The registry's intake API in this process, as the sender's two transports."""
    client = Client()
    auth = {"Authorization": f"Bearer {token}"}

    def post(key: str, body: dict[str, Any]) -> Reply:
        response = client.post(
            "/api/registrations",
            data=json.dumps(body),
            content_type="application/json",
            headers={**auth, "Idempotency-Key": key},
        )
        return Reply(response.status_code, response.json())

    def call(method: str, path: str, body: dict[str, Any]) -> Reply:
        send = client.put if method == "PUT" else client.post
        response = send(
            f"/api/{path}", data=json.dumps(body), content_type="application/json", headers=auth
        )
        return Reply(response.status_code, response.json())

    return post, call


def registry_rows(table: str = "registry_registration") -> list[dict[str, Any]]:
    """What the registry stored, read from its table (the institution imports no registry code)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 - fixed names
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
