"""`POST /api/withdrawals`: a source withdraws what it sent under an Idempotency-Key, whether or not
it arrived yet (it destroyed the person's file while a delivery was unconfirmed, and no longer
knows the reference). What is stored under the key is withdrawn; what arrives under it later is
refused, even when both happen at the same moment; another source's key is never touched."""

import json
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from baken.registry import services
from baken.registry.models import (
    CountReport,
    Registration,
    RegistrationStatus,
    Source,
    WithdrawnKey,
)
from baken.registry.retention import erase_due_registrations, registrations_due
from baken.registry.schemas import RegistrationIn
from baken.registry.tests.test_intake_api import payload
from baken.registry.tokens import issue_source

pytestmark = pytest.mark.django_db
KEY = "6f1c2d1e-0d0a-4b59-9d1f-3a8e5c7b9a10"
COUNT = {"dossier_type": "count_only", "year": 2026, "forms": ["criminal"]}


@pytest.fixture
def source() -> tuple[Source, str]:
    return issue_source(name="Jeugdzorg Utrecht", kind="youth_care")


def register(client: Client, token: str, body: dict[str, Any], key: str = KEY) -> Any:
    return client.post(
        "/api/registrations",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def withdraw(client: Client, token: str, key: str = KEY) -> Any:
    return client.post(
        "/api/withdrawals",
        data=json.dumps({"idempotency_key": key, "reason": "file destroyed on request"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_what_was_stored_under_the_key_is_withdrawn_and_its_pseudonyms_erased(
    client: Client, source: tuple[Source, str]
) -> None:
    assert register(client, source[1], payload()).status_code == 201

    reply = withdraw(client, source[1])

    assert reply.status_code == 200 and reply.json() == {"found": True}
    stored = Registration.objects.get()
    assert stored.status == RegistrationStatus.WITHDRAWN
    assert stored.withdrawn_reason == "file destroyed on request"
    assert stored.k_full == "" and stored.k_name == "" and stored.contact is None
    assert withdraw(client, source[1]).json() == {"found": True}  # again: nothing changes


def test_a_delivery_that_arrives_after_its_withdrawal_is_refused_and_not_stored(
    client: Client, source: tuple[Source, str]
) -> None:
    assert withdraw(client, source[1]).json() == {"found": False}

    late = register(client, source[1], payload())
    late_count = register(client, source[1], COUNT)

    assert late.status_code == 409 and late_count.status_code == 409
    assert late.json()["errors"][0]["field"] == "status"
    assert "ingetrokken" in late.json()["errors"][0]["message_nl"]
    assert not Registration.objects.exists() and not CountReport.objects.exists()


def test_a_count_is_withdrawn_by_its_key(client: Client, source: tuple[Source, str]) -> None:
    register(client, source[1], COUNT)

    assert withdraw(client, source[1]).json() == {"found": True}

    assert CountReport.objects.get().status == RegistrationStatus.WITHDRAWN


def test_another_sources_key_is_not_touched(client: Client, source: tuple[Source, str]) -> None:
    _other, other_token = issue_source(name="Politie Oost", kind="police")
    register(client, source[1], payload())

    assert withdraw(client, other_token).json() == {"found": False}

    assert Registration.objects.get().status == RegistrationStatus.RECEIVED
    assert register(client, source[1], payload()).status_code == 200  # the first source's key


def test_a_delivery_stored_while_its_key_is_withdrawn_is_withdrawn(
    source: tuple[Source, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The delivery checked the key before the withdrawal stored it; the withdrawal looked for
    the registration before the delivery stored it. The delivery sees the key afterwards."""
    WithdrawnKey.objects.create(source=source[0], idempotency_key=KEY, reason="destroyed")
    monkeypatch.setattr(services, "_refuse_withdrawn_key", lambda source, key: None)

    registration, created = services.receive_registration(
        source=source[0],
        idempotency_key=KEY,
        data=RegistrationIn.model_validate(payload()),
        link_on_arrival=False,
    )

    assert created and registration.status == RegistrationStatus.WITHDRAWN
    assert Registration.objects.get().k_name == ""


def test_withdrawn_keys_are_erased_with_the_withdrawn_registrations(
    client: Client, source: tuple[Source, str]
) -> None:
    withdraw(client, source[1])
    with time_machine.travel(timezone.now() + timedelta(days=40)):
        erase_due_registrations(due=registrations_due(today=timezone.localdate()))
    assert not WithdrawnKey.objects.exists()


def test_the_withdrawal_is_in_the_openapi_document(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    operation = document["paths"]["/api/withdrawals"]["post"]
    assert {"200", "401", "422"} <= set(operation["responses"])
    assert "409" in document["paths"]["/api/registrations"]["post"]["responses"]
