"""Withdrawals, corrections and untraceable counts travel to the registry like registrations: in
the outbox, retried until the registry confirms, so a registry that is down loses no withdrawal.
The registry here is the real intake API, reached only over its API (as the institution must)."""

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.registration import services
from baken.registration.delivery import (
    Reply,
    TransientDeliveryError,
    deliver_due,
    deliver_due_calls,
)
from baken.registration.models import DeliveryStatus, OutboundCall, OutboundRegistration
from baken.registration.services import Answer, Content
from baken.registration.testing import open_task
from baken.registration.testing import registry_api as api
from baken.registration.testing import registry_rows as registry
from baken.testing import Cast

pytestmark = pytest.mark.django_db
CallTransport = Callable[[str, str, dict[str, Any]], Reply]


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.fixture
def token() -> str:
    out = io.StringIO()
    call_command("registry_source", "add", "Jeugdzorg A", "--kind", "youth_care", stdout=out)
    return out.getvalue().strip()


def as_list(value: Any) -> Any:
    """A JSON column as the database driver returns it (text on SQLite, a list on PostgreSQL)."""
    return value if isinstance(value, list) else json.loads(value)


def youth_with_consent(cast: Cast) -> tuple[Youth, OutboundRegistration]:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born="2009-01-01")
    disclosure = services.record_consent(
        task=open_task(youth),
        by=cast.officer_a,
        request=None,
        answers=[Answer("youth", "given", timezone.localdate())],
        content=Content(forms=["criminal"]),
    )
    assert disclosure.registration is not None
    return youth, disclosure.registration


def test_a_withdrawn_consent_withdraws_the_registration_and_its_pseudonyms(
    cast: Cast, token: str
) -> None:
    post, call = api(token)
    _youth, outbound = youth_with_consent(cast)
    deliver_due(transport=post)
    assert registry()[0]["k_name"]

    party = outbound.disclosures.get().parties.get()
    services.withdraw_consent(
        party=party, by=cast.worker_a, request=None, withdrawn_on=timezone.localdate()
    )
    run = deliver_due_calls(transport=call)

    assert run.delivered == 1
    stored = registry()[0]
    assert stored["status"] == "withdrawn" and stored["withdrawn_reason"] == "consent withdrawn"
    assert stored["k_full"] == "" and stored["k_name"] == ""
    assert OutboundCall.objects.get().status == DeliveryStatus.DELIVERED


def test_a_registry_that_is_down_loses_no_withdrawal(cast: Cast, token: str) -> None:
    post, call = api(token)
    _youth, outbound = youth_with_consent(cast)
    deliver_due(transport=post)
    services.record_objection(
        youth=outbound.youth,
        by=cast.worker_a,
        request=None,
        role="youth",
        guardian=None,
        objected_on=timezone.localdate(),
    )

    def down(method: str, path: str, body: dict[str, Any]) -> Reply:
        raise TransientDeliveryError("connection refused")

    now = timezone.now()
    assert deliver_due_calls(transport=down, now=now).retrying == 1
    waiting = OutboundCall.objects.get()
    assert waiting.status == DeliveryStatus.QUEUED and waiting.attempts == 1
    assert waiting.next_attempt_at > now
    assert deliver_due_calls(transport=call, now=now).delivered == 0  # not due yet
    assert deliver_due_calls(transport=call, now=waiting.next_attempt_at).delivered == 1
    assert registry()[0]["status"] == "withdrawn"


def test_a_withdrawal_waits_for_the_registration_it_withdraws(cast: Cast, token: str) -> None:
    post, call = api(token)
    _youth, outbound = youth_with_consent(cast)

    def lost(key: str, body: dict[str, Any]) -> Reply:
        post(key, body)  # the registry stores it, the reply is lost
        raise TransientDeliveryError("connection reset")

    now = timezone.now()
    deliver_due(transport=lost, now=now)
    party = outbound.disclosures.get().parties.get()
    services.withdraw_consent(
        party=party, by=cast.worker_a, request=None, withdrawn_on=timezone.localdate()
    )
    assert deliver_due_calls(transport=call).delivered == 0  # no reference yet
    outbound.refresh_from_db()
    assert outbound.status == DeliveryStatus.QUEUED  # sent once: it may be at the registry

    deliver_due(transport=post, now=outbound.next_attempt_at)
    assert deliver_due_calls(transport=call).delivered == 1
    assert len(registry()) == 1 and registry()[0]["status"] == "withdrawn"


def test_a_correction_of_a_delivered_registration_goes_whole(cast: Cast, token: str) -> None:
    post, call = api(token)
    _youth, outbound = youth_with_consent(cast)
    deliver_due(transport=post)
    outbound.refresh_from_db()

    services.correct_and_resend(
        outbound=outbound,
        by=cast.officer_a,
        request=None,
        forms=["criminal", "labour"],
        sector="horeca",
        cross_border=False,
    )
    deliver_due_calls(transport=call)

    stored = registry()[0]
    assert stored["status"] == "corrected" and as_list(stored["forms"]) == [
        "criminal",
        "labour",
    ]
    assert stored["k_name"] == outbound.payload["pseudonyms"]["k_name"]


def test_an_untraceable_count_reaches_the_registry_with_no_link_back(
    cast: Cast, token: str
) -> None:
    post, _call = api(token)
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born="2009-01-01")
    disclosure = services.record_consent(
        task=open_task(youth),
        by=cast.officer_a,
        request=None,
        answers=[Answer("youth", "refused", timezone.localdate())],
        content=Content(forms=["criminal"]),
    )
    outbound = disclosure.registration
    assert outbound is not None
    sent_with = str(outbound.idempotency_key)

    assert deliver_due(transport=post).delivered == 1

    assert registry() == []  # no registration, no pseudonyms
    count = registry("registry_countreport")[0]
    assert (count["year"], as_list(count["forms"]), count["source_id"] is not None) == (
        timezone.localdate().year,
        ["criminal"],
        True,
    )
    outbound.refresh_from_db()
    assert outbound.status == DeliveryStatus.DELIVERED and outbound.registry_reference == ""
    assert str(outbound.idempotency_key) != sent_with == count["idempotency_key"]
