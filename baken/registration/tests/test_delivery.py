"""Reliable delivery: whatever goes wrong on the way, each registration ends up at the registry
exactly once. The registry here is the real intake API (in-process, or over HTTP); these tests
reach it only over its API and its management command, as the institution side must."""

import io
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from baken.accounts.models import User
from baken.cases.testing import make_youth
from baken.registration.delivery import Reply, TransientDeliveryError, deliver_due, http_transport
from baken.registration.models import DeliveryStatus, OutboundRegistration
from baken.registration.services import enqueue_registration
from baken.testing import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.fixture
def token() -> str:
    out = io.StringIO()
    call_command("registry_source", "add", "Jeugdzorg A", "--kind", "youth_care", stdout=out)
    return out.getvalue().strip()


def registry_rows() -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reference, idempotency_key FROM registry_registration")
        return cursor.fetchall()


def api_transport(token: str) -> Callable[[str, dict[str, Any]], Reply]:
    client = Client()

    def post(key: str, body: dict[str, Any]) -> Reply:
        response = client.post(
            "/api/registrations",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        )
        return Reply(response.status_code, response.json())

    return post


def queued(cast: Cast) -> OutboundRegistration:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    return enqueue_registration(
        youth=youth,
        by=cast.officer_a,
        request=None,
        dossier_type="statistical",
        forms=["sexual-domestic"],
        cross_border=False,
    )


def faulty(token: str, fault: str) -> Callable[[str, dict[str, Any]], Reply]:
    real = api_transport(token)

    def post(key: str, body: dict[str, Any]) -> Reply:
        if fault == "down":
            raise TransientDeliveryError("connection refused")
        if fault == "timeout":
            raise TransientDeliveryError("timed out")
        if fault == "500":
            return Reply(500, {})
        real(key, body)  # the registry stores it ...
        raise TransientDeliveryError("connection reset")  # ... and the reply is lost

    return post


@pytest.mark.parametrize("fault", ["down", "500", "timeout", "dropped_after_store"])
def test_each_fault_ends_with_exactly_one_registration(cast: Cast, token: str, fault: str) -> None:
    outbound = queued(cast)
    now = timezone.now()

    first = deliver_due(transport=faulty(token, fault), now=now)
    outbound.refresh_from_db()
    assert first.retrying == 1 and outbound.status == DeliveryStatus.QUEUED
    assert outbound.next_attempt_at > now

    assert deliver_due(transport=api_transport(token), now=now).delivered == 0  # not due yet
    later = deliver_due(transport=api_transport(token), now=outbound.next_attempt_at)

    outbound.refresh_from_db()
    assert later.delivered == 1 and outbound.status == DeliveryStatus.DELIVERED
    rows = registry_rows()
    assert len(rows) == 1
    assert rows[0][0] == outbound.registry_reference


def test_a_refusal_needs_correction_and_shows_the_registrys_message(cast: Cast, token: str) -> None:
    outbound = queued(cast)
    outbound.payload = {**outbound.payload, "forms": []}
    outbound.save()

    run = deliver_due(transport=api_transport(token))

    outbound.refresh_from_db()
    assert run.needs_correction == 1 and outbound.status == DeliveryStatus.NEEDS_CORRECTION
    assert "forms" in outbound.last_error
    assert registry_rows() == []


def test_two_senders_never_send_the_same_registration(cast: Cast, token: str) -> None:
    queued(cast)
    calls: list[str] = []
    real = api_transport(token)

    def nested(key: str, body: dict[str, Any]) -> Reply:
        calls.append(key)
        # A second sender starts while the first is still waiting for the reply.
        assert deliver_due(transport=real).delivered == 0
        return real(key, body)

    deliver_due(transport=nested)
    assert len(calls) == 1 and len(registry_rows()) == 1


def test_a_crashed_sender_s_claim_expires(cast: Cast, token: str) -> None:
    outbound = queued(cast)
    OutboundRegistration.objects.filter(pk=outbound.pk).update(
        status=DeliveryStatus.SENDING, claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert deliver_due(transport=api_transport(token)).delivered == 1


def test_the_outbox_and_the_registry_hold_no_plaintext_identity(cast: Cast, token: str) -> None:
    outbound = queued(cast)
    deliver_due(transport=api_transport(token))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM registry_registration")
        registry = " ".join(str(v) for row in cursor.fetchall() for v in row).lower()
        cursor.execute("SELECT payload FROM registration_outboundregistration")
        outbox = str(cursor.fetchone()[0]).lower()
    for secret in ("lisa", "boer", "2010-05-17"):
        assert secret not in registry and secret not in outbox
    assert outbound.payload["birth_year"] == 2010


@pytest.mark.django_db(transaction=True)
def test_delivery_over_real_http(cast: Cast, live_server: Any) -> None:
    out = io.StringIO()
    call_command(
        "registry_source", "add", "Jeugdzorg A over HTTP", "--kind", "youth_care", stdout=out
    )
    outbound = queued(cast)

    run = deliver_due(transport=http_transport(live_server.url, out.getvalue().strip()))

    outbound.refresh_from_db()
    assert run.delivered == 1 and outbound.registry_reference.startswith("R-")


def test_the_registry_being_down_over_http_is_a_retry(cast: Cast) -> None:
    outbound = queued(cast)
    run = deliver_due(transport=http_transport("http://127.0.0.1:9", "bk_token"))
    outbound.refresh_from_db()
    assert run.retrying == 1 and outbound.status == DeliveryStatus.QUEUED and outbound.attempts == 1
    assert User.objects.exists()


def test_the_outbox_payload_keeps_its_types_and_is_encrypted(cast: Cast) -> None:
    outbound = queued(cast)
    stored = OutboundRegistration.objects.get(pk=outbound.pk).payload
    assert stored["birth_year"] == 2010 and stored["cross_border"] is False
    assert stored["minor"] is True and "contact" not in stored
    with connection.cursor() as cursor:
        cursor.execute("SELECT payload FROM registration_outboundregistration")
        raw = str(cursor.fetchone()[0])
    assert "sexual-domestic" not in raw and "birth_year" not in raw


def test_registrations_travel_only_over_tls() -> None:
    with pytest.raises(ValueError, match="https"):
        http_transport("http://registry.example.nl", "bk_token")
    http_transport("https://registry.example.nl", "bk_token")
    http_transport("http://127.0.0.1:8000", "bk_token")


def test_the_worker_waits_longer_after_each_configuration_problem_up_to_an_hour() -> None:
    from baken.registration.management.commands.send_registrations import pause_after

    assert pause_after(interval=5, problems_in_a_row=0) == 5
    assert pause_after(interval=5, problems_in_a_row=3) == 40
    assert pause_after(interval=5, problems_in_a_row=30) == 3600


def test_a_401_from_a_fake_transport_parks_nothing(cast: Cast) -> None:
    rows = [queued(cast), queued(cast)]

    run = deliver_due(transport=lambda key, body: Reply(401, {"errors": []}))

    assert run.problem and run.needs_correction == 0
    assert {row.status for row in OutboundRegistration.objects.all()} == {DeliveryStatus.QUEUED}
    assert all(row.attempts == 0 for row in OutboundRegistration.objects.all())
    assert len(rows) == 2


def test_a_mail_server_that_is_down_does_not_stop_the_sender(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smtplib

    from baken.registration import delivery
    from baken.registration.models import DeliveryProblem

    def refuse(**kwargs: Any) -> int:
        raise smtplib.SMTPConnectError(421, "down")

    monkeypatch.setattr(delivery, "send_mail", refuse)
    queued(cast)

    run = deliver_due(transport=lambda key, body: Reply(403, {}))

    assert run.problem and DeliveryProblem.objects.get().resolved_at is None
