"""The registry's retention policy through `baken purge`: a withdrawn registration is erased
after the grace period, every other one after the configured term; each erasure is logged by
reference only."""

import json
from datetime import UTC, date, datetime
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from baken.audit.models import AuditEntry
from baken.registry.models import CandidatePair, Registration
from baken.registry.tokens import issue_source

pytestmark = pytest.mark.django_db

PSEUDONYMS = {"key_version": "k1", "k_full": "9f2c" * 8, "k_name": "1a2b" * 8}


def register(client: Client, token: str, key: str, reported_on: str) -> str:
    body: dict[str, Any] = {
        "dossier_type": "statistical",
        "pseudonyms": PSEUDONYMS,
        "birth_year": 2008,
        "sex": "female",
        "nationality": "RO",
        "country_of_birth": "RO",
        "forms": ["labour"],
        "reported_on": reported_on,
    }
    response = client.post(
        "/api/registrations",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )
    assert response.status_code in (200, 201), response.content
    return str(response.json()["reference"])


def at(day: date) -> time_machine.travel:
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=UTC), tick=False)


def purge(*args: str) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def token() -> str:
    return issue_source(name="Politie Midden-Nederland", kind="police")[1]


def test_withdrawn_registrations_are_erased_after_the_grace_period(
    client: Client, token: str
) -> None:
    with at(date(2026, 3, 1)):
        withdrawn = register(client, token, "idem-key-1", "2026-02-20")
        kept = register(client, token, "idem-key-2", "2026-02-21")
        client.post(
            f"/api/registrations/{withdrawn}/withdraw",
            data=json.dumps({"reason": "bezwaar jongere"}),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
    with at(date(2026, 3, 31)):
        assert "withdrawn before 2026-03-01: 0" in purge("--apply")
        # Within the grace period a late repeat of the delivery is still recognised.
        assert register(client, token, "idem-key-1", "2026-02-20") == withdrawn
    with at(date(2026, 4, 1)):
        output = purge("--apply")

    assert "withdrawn before 2026-03-02: 1" in output and withdrawn in output
    assert list(Registration.objects.values_list("reference", flat=True)) == [kept]
    entry = AuditEntry.objects.get(object_type="registration", object_id=withdrawn)
    assert (entry.event, entry.detail) == ("delete", "registration erased (withdrawn)")


def test_registrations_are_erased_after_the_configured_term(
    client: Client, token: str, settings: Any
) -> None:
    settings.REGISTRY_RETENTION_YEARS = 10
    with at(date(2016, 6, 1)):
        old = register(client, token, "idem-key-1", "2016-05-31")
        recent = register(client, token, "idem-key-2", "2016-06-01")
    left, right = Registration.objects.order_by("pk")
    CandidatePair.objects.create(left=left, right=right, match_probability=0.5)

    with at(date(2026, 6, 1)):
        dry = purge()
        assert old in dry and recent not in dry and Registration.objects.count() == 2
        output = purge("--apply")

    assert "erased 1 registrations" in output
    assert list(Registration.objects.values_list("reference", flat=True)) == [recent]
    assert not CandidatePair.objects.exists()
    assert AuditEntry.objects.get(object_id=old).detail == (
        "registration erased (retention term of 10 years passed)"
    )
    call_command("audit", "verify", stdout=StringIO())
