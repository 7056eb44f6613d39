"""Destroying a file on request (Jeugdwet art. 7.3.9) withdraws at the registry everything it
received of the youth, or may have received (AVG art. 19): through the outbox, so a registry that
is down loses nothing, and by the key the registration was sent under, so the withdrawal outlives
the file without holding anything about the youth. A registration in flight when the file is
destroyed does not stay at the registry, whichever arrives first. The registry is the real intake
API, reached only over its API."""

import threading
import time
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.registration import delivery, services
from baken.registration.delivery import (
    Reply,
    TransientDeliveryError,
    deliver_due,
    deliver_due_calls,
    deliver_due_withdrawals,
)
from baken.registration.models import (
    DeliveryStatus,
    OutboundCall,
    OutboundRegistration,
    WithdrawalAfterDestruction,
)
from baken.registration.services import Answer, Content
from baken.registration.testing import (
    RegistryCall,
    RegistryPost,
    add_registry_source,
    open_task,
    registry_api,
    registry_rows,
)
from baken.retention.services import Destruction, destroy_case_file_on_request
from baken.testing import Cast, make_cast

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.fixture
def registry() -> tuple[RegistryPost, RegistryCall]:
    return registry_api(add_registry_source())


def registered_youth(cast: Cast, answer: str = "given") -> tuple[Youth, OutboundRegistration]:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born="2009-01-01")
    disclosure = services.record_consent(
        task=open_task(youth),
        by=cast.officer_a,
        request=None,
        answers=[Answer("youth", answer, timezone.localdate())],
        content=Content(forms=["criminal"]),
    )
    assert disclosure.registration is not None
    return youth, disclosure.registration


def destroy(cast: Cast, youth: Youth) -> Destruction:
    return destroy_case_file_on_request(
        youth=youth,
        by=cast.privacy_officer,
        request=None,
        received_on=timezone.localdate(),
        requested_by="youth",
        no_exception_applies=True,
    )


def test_a_delivered_registration_is_withdrawn_at_the_registry(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, outbound = registered_youth(cast)
    deliver_due(transport=post)
    assert registry_rows()[0]["k_name"]

    destruction = destroy(cast, youth)

    assert destruction.withdrawn_at_registry == 1
    assert not OutboundRegistration.objects.exists() and not Youth.objects.exists()
    withdrawal = WithdrawalAfterDestruction.objects.get()
    assert withdrawal.idempotency_key == outbound.idempotency_key
    assert withdrawal.status == DeliveryStatus.QUEUED
    entry = AuditEntry.objects.get(event=AuditEvent.DELETE, youth_pseudonym=youth.pseudonym)
    assert "withdrawn at the registry: 1 registration(s)" in entry.detail

    assert deliver_due_withdrawals(transport=call).delivered == 1

    (stored,) = registry_rows()
    assert stored["status"] == "withdrawn"
    assert stored["withdrawn_reason"] == "file destroyed on request"
    assert stored["k_full"] == "" and stored["k_name"] == ""
    withdrawal.refresh_from_db()
    assert withdrawal.status == DeliveryStatus.DELIVERED
    assert deliver_due_withdrawals(transport=call).delivered == 0  # exactly once


def test_the_withdrawal_holds_nothing_about_the_youth(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, _call = registry
    youth, outbound = registered_youth(cast)
    deliver_due(transport=post)
    outbound.refresh_from_db()
    reference = outbound.registry_reference

    destroy(cast, youth)

    fields = {f.name for f in WithdrawalAfterDestruction._meta.get_fields()}
    assert not {"youth", "registration", "payload", "registry_reference"} & fields
    row = WithdrawalAfterDestruction.objects.values().get()
    text = " ".join(str(value) for value in row.values())
    assert youth.pseudonym not in text and reference not in text


def test_a_registry_that_is_down_loses_no_withdrawal(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, _outbound = registered_youth(cast)
    deliver_due(transport=post)
    destroy(cast, youth)

    def down(method: str, path: str, body: dict[str, Any]) -> Reply:
        raise TransientDeliveryError("connection refused")

    now = timezone.now()
    assert deliver_due_withdrawals(transport=down, now=now).retrying == 1
    waiting = WithdrawalAfterDestruction.objects.get()
    assert waiting.status == DeliveryStatus.QUEUED and waiting.attempts == 1
    assert waiting.next_attempt_at > now and "connection refused" in waiting.last_error
    assert registry_rows()[0]["status"] != "withdrawn"
    assert deliver_due_withdrawals(transport=call, now=now).delivered == 0  # not due yet

    assert deliver_due_withdrawals(transport=call, now=waiting.next_attempt_at).delivered == 1
    assert registry_rows()[0]["status"] == "withdrawn"


def test_a_registration_sent_but_unconfirmed_is_withdrawn_by_its_key(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, _outbound = registered_youth(cast)

    def lost(key: str, body: dict[str, Any]) -> Reply:
        post(key, body)  # the registry stores it, the reply is lost
        raise TransientDeliveryError("connection reset")

    deliver_due(transport=lost)
    assert OutboundRegistration.objects.get().status == DeliveryStatus.QUEUED  # may be there

    assert destroy(cast, youth).withdrawn_at_registry == 1
    assert deliver_due_withdrawals(transport=call).delivered == 1

    (stored,) = registry_rows()
    assert stored["status"] == "withdrawn" and stored["k_name"] == ""


def test_a_registration_that_never_left_is_only_deleted(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, _call = registry
    youth, _outbound = registered_youth(cast)

    assert destroy(cast, youth).withdrawn_at_registry == 0

    assert not WithdrawalAfterDestruction.objects.exists()
    assert deliver_due(transport=post).delivered == 0
    assert registry_rows() == []


def test_a_registration_in_flight_lands_and_its_withdrawal_follows(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, _outbound = registered_youth(cast)
    destroyed: list[Destruction] = []

    def destroyed_while_sending(key: str, body: dict[str, Any]) -> Reply:
        destroyed.append(destroy(cast, youth))  # claimed (sending), not yet at the registry
        return post(key, body)  # then it lands

    run = deliver_due(transport=destroyed_while_sending)

    assert destroyed[0].withdrawn_at_registry == 1
    assert run.delivered == 1 and not OutboundRegistration.objects.exists()  # not written back
    assert registry_rows()[0]["status"] == "received"
    assert deliver_due_withdrawals(transport=call).delivered == 1
    (stored,) = registry_rows()
    assert stored["status"] == "withdrawn" and stored["k_name"] == ""


def test_a_registration_in_flight_that_lands_after_its_withdrawal_is_refused(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, _outbound = registered_youth(cast)
    replies: list[Reply] = []

    def overtaken(key: str, body: dict[str, Any]) -> Reply:
        destroy(cast, youth)
        assert deliver_due_withdrawals(transport=call).delivered == 1  # before it lands
        replies.append(post(key, body))
        return replies[0]

    deliver_due(transport=overtaken)

    assert replies[0].status == 409
    assert registry_rows() == []  # nothing stored under the withdrawn key
    assert not OutboundRegistration.objects.exists()


def test_a_count_in_flight_is_withdrawn_and_a_delivered_count_stays(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, _count = registered_youth(cast, answer="refused")  # only an untraceable count goes
    deliver_due(transport=post)  # delivered: Baken forgets its key and reference
    other, _count = registered_youth(cast, answer="refused")

    def lost(key: str, body: dict[str, Any]) -> Reply:
        post(key, body)
        raise TransientDeliveryError("timed out")

    deliver_due(transport=lost)

    kept = destroy(cast, youth)
    assert (kept.withdrawn_at_registry, kept.counts_kept_at_registry) == (0, 1)
    unconfirmed = destroy(cast, other)
    assert (unconfirmed.withdrawn_at_registry, unconfirmed.counts_kept_at_registry) == (1, 0)
    assert deliver_due_withdrawals(transport=call).delivered == 1
    counts = registry_rows("registry_countreport")
    assert sorted(row["status"] for row in counts) == ["received", "withdrawn"]


def test_a_withdrawal_still_waiting_in_the_outbox_is_not_lost_with_the_file(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, _outbound = registered_youth(cast)
    deliver_due(transport=post)
    services.record_objection(
        youth=youth,
        by=cast.worker_a,
        request=None,
        role="youth",
        guardian=None,
        objected_on=timezone.localdate(),
    )
    assert OutboundCall.objects.get().status == DeliveryStatus.QUEUED  # not sent yet

    assert destroy(cast, youth).withdrawn_at_registry == 1  # its call goes with the file

    assert not OutboundCall.objects.exists()
    assert deliver_due_calls(transport=call).delivered == 0
    assert deliver_due_withdrawals(transport=call).delivered == 1
    assert registry_rows()[0]["status"] == "withdrawn"


def test_a_registration_withdrawn_there_before_is_not_withdrawn_again(
    cast: Cast, registry: tuple[RegistryPost, RegistryCall]
) -> None:
    post, call = registry
    youth, outbound = registered_youth(cast)
    deliver_due(transport=post)
    services.withdraw_consent(
        party=outbound.disclosures.get().parties.get(),
        by=cast.worker_a,
        request=None,
        withdrawn_on=timezone.localdate(),
    )
    assert deliver_due_calls(transport=call).delivered == 1

    assert destroy(cast, youth).withdrawn_at_registry == 0
    assert not WithdrawalAfterDestruction.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks between two connections: PostgreSQL"
)
def test_a_sender_cannot_claim_between_the_choice_and_the_destruction(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """The destruction chooses what to withdraw (a registration that never left: nothing) and
    then deletes the rows. A sender that tries to claim the registration in between waits for the
    destruction's lock and then finds the row gone: nothing is sent that is not withdrawn."""
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"
    cast = make_cast()
    youth, _outbound = registered_youth(cast)
    chosen = threading.Event()
    real_choice = services.registrations_at_registry
    real_claim = delivery._claim
    sent: list[str] = []
    claimed: list[bool] = []

    def choose_then_let_the_sender_try(of: Youth) -> Any:
        pks = list(real_choice(of).values_list("pk", flat=True))
        chosen.set()
        time.sleep(0.5)  # the sender tries to claim now
        return OutboundRegistration.objects.filter(pk__in=pks)

    def claim_once_chosen(row: OutboundRegistration, now: Any) -> bool:
        chosen.wait(10)
        claimed.append(real_claim(row, now))
        return claimed[-1]

    def transport(key: str, body: dict[str, Any]) -> Reply:
        sent.append(key)
        return Reply(201, {"reference": "R-AAAAA-BBBBB"})

    def sender() -> None:
        try:
            deliver_due(transport=transport)
        finally:
            connection.close()

    monkeypatch.setattr(services, "registrations_at_registry", choose_then_let_the_sender_try)
    monkeypatch.setattr(delivery, "_claim", claim_once_chosen)
    thread = threading.Thread(target=sender)
    thread.start()
    assert destroy(cast, youth).withdrawn_at_registry == 0  # it never left
    thread.join(10)

    assert claimed == [False] and sent == []
    assert not OutboundRegistration.objects.exists()
