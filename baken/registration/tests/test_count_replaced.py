"""Consent given after only an untraceable count went (the youth turned 16 and agrees, a parent
changed his or her mind): one action replaces the count by a registration. The registration goes
through the outbox like any other and says what the count said; the registry withdraws the count
in the same transaction as it stores the registration. Whatever the network does between the
two, nothing is lost and nobody is counted twice. The registry here is the real intake API,
reached only over its API."""

import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEntry
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.registration import services
from baken.registration.delivery import Reply, TransientDeliveryError, deliver_due
from baken.registration.models import (
    DeliveryStatus,
    Disclosure,
    DisclosureStatus,
    FileNote,
    NoteKind,
    OutboundRegistration,
    ReplacementState,
    Route,
)
from baken.registration.services import Answer, Content
from baken.registration.testing import add_parents, answers_of_everyone, open_task
from baken.testing import Cast

pytestmark = pytest.mark.django_db
Post = Callable[[str, dict[str, Any]], Reply]


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.fixture
def post() -> Post:
    out = io.StringIO()
    call_command("registry_source", "add", "Jeugdzorg A", "--kind", "youth_care", stdout=out)
    client, token = Client(), out.getvalue().strip()

    def send(key: str, body: dict[str, Any]) -> Reply:
        response = client.post(
            "/api/registrations",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        )
        return Reply(response.status_code, response.json())

    return send


def registry(table: str) -> list[dict[str, Any]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def counts_that_count() -> list[dict[str, Any]]:
    return [row for row in registry("registry_countreport") if row["status"] != "withdrawn"]


def born_years_ago(years: int, *, days_to_birthday: int = 0) -> str:
    today = timezone.localdate()
    birthday = today + timedelta(days=days_to_birthday)
    return date(birthday.year - years, birthday.month, birthday.day).isoformat()


def counted_after_a_parent_refused(cast: Cast, *, born: str | None = None) -> Disclosure:
    """A youth of 15 agrees, one parent refuses: only the untraceable count goes."""
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born=born or born_years_ago(15))
    mother, _father = add_parents(youth, cast.worker_a)
    count = services.record_consent(
        task=open_task(youth),
        by=cast.officer_a,
        request=None,
        answers=answers_of_everyone(youth, except_for={f"guardian_{mother.pk}": "refused"}),
        content=Content(forms=["criminal"]),
    )
    assert count.route == Route.COUNT_ONLY
    return count


def replace(count: Disclosure, by: User, answers: list[Answer] | None = None) -> Disclosure:
    return services.replace_count_with_registration(
        count=count,
        by=by,
        request=None,
        answers=answers if answers is not None else answers_of_everyone(count.youth),
        content=Content(forms=["criminal"]),
    )


def test_later_consent_replaces_a_delivered_count_in_one_action(cast: Cast, post: Post) -> None:
    count = counted_after_a_parent_refused(cast)
    assert deliver_due(transport=post).delivered == 1
    assert len(counts_that_count()) == 1

    registration = replace(count, cast.officer_a)
    outbound = registration.registration
    assert outbound is not None
    assert outbound.payload["replaces_count"] == {
        "year": timezone.localdate().year,
        "forms": ["criminal"],
        "minor": True,
        "reporter_region": count.registration.payload["reporter_region"],  # type: ignore[union-attr]
    }
    assert outbound.replacement_state == ReplacementState.WAITING
    assert deliver_due(transport=post).delivered == 1

    stored = registry("registry_registration")
    assert len(stored) == 1 and stored[0]["replaced_count_id"] is not None
    assert counts_that_count() == []  # counted once: as a registration, not as a count
    count.refresh_from_db()
    outbound.refresh_from_db()
    assert count.status == DisclosureStatus.REPLACED and count.withdrawn_by == cast.officer_a
    assert outbound.replacement_state == ReplacementState.REPLACED
    assert registration.route == Route.CONSENT and registration.art6_basis == "6(1)(a)"
    assert registration.parties.count() == 3  # the youth and both parents, by age
    assert list(services.current_registrations(count.youth)) == [registration]
    note = FileNote.objects.get(kind=NoteKind.REPLACEMENT)
    assert "in the same step" in note.text or "in dezelfde stap" in note.text
    details = list(AuditEntry.objects.values_list("object_type", "event", "detail"))
    assert ("disclosure", "create", "") in details
    assert any(
        t == "disclosure" and e == "update" and "replaced at the registry" in d
        for t, e, d in details
    )
    assert any(
        t == "outboundregistration" and "the registry withdrew the untraceable count" in d
        for t, e, d in details
    )


def test_a_youth_who_turned_16_consents_alone(cast: Cast, post: Post) -> None:
    count = counted_after_a_parent_refused(
        cast, born=born_years_ago(16, days_to_birthday=30)
    )  # 15 now
    deliver_due(transport=post)

    with time_machine.travel(timezone.now() + timedelta(days=60), tick=False):
        registration = replace(
            count, cast.officer_a, [Answer("youth", "given", timezone.localdate())]
        )
        assert deliver_due(transport=post).delivered == 1

    assert registration.consent_from == ["youth"] and registration.age_at_time == 16
    assert len(registry("registry_registration")) == 1 and counts_that_count() == []


def test_a_count_that_never_left_is_cancelled_and_only_the_registration_goes(
    cast: Cast, post: Post
) -> None:
    count = counted_after_a_parent_refused(cast)

    registration = replace(count, cast.officer_a)

    assert registration.registration is not None
    assert "replaces_count" not in registration.registration.payload
    assert OutboundRegistration.objects.get(pk=count.registration.pk).status == "cancelled"  # type: ignore[union-attr]
    assert deliver_due(transport=post).delivered == 1
    assert len(registry("registry_registration")) == 1
    assert registry("registry_countreport") == []


def test_a_reply_lost_after_the_registry_replaced_the_count_loses_nothing_and_counts_once(
    cast: Cast, post: Post
) -> None:
    count = counted_after_a_parent_refused(cast)
    deliver_due(transport=post)
    registration = replace(count, cast.officer_a)

    def reply_lost(key: str, body: dict[str, Any]) -> Reply:
        post(key, body)  # the registry stores the registration and withdraws the count
        raise TransientDeliveryError("connection reset after the request was sent")

    now = timezone.now()
    assert deliver_due(transport=reply_lost, now=now).retrying == 1
    waiting = OutboundRegistration.objects.get(pk=registration.registration.pk)  # type: ignore[union-attr]
    assert waiting.status == DeliveryStatus.QUEUED
    assert waiting.replacement_state == ReplacementState.SENT
    assert len(registry("registry_registration")) == 1 and counts_that_count() == []

    assert deliver_due(transport=post, now=waiting.next_attempt_at).delivered == 1
    assert len(registry("registry_registration")) == 1 and counts_that_count() == []
    waiting.refresh_from_db()
    assert waiting.replacement_state == ReplacementState.REPLACED


def test_a_network_down_before_the_registry_leaves_the_count_standing_until_the_retry(
    cast: Cast, post: Post
) -> None:
    count = counted_after_a_parent_refused(cast)
    deliver_due(transport=post)
    replace(count, cast.officer_a)

    def down(key: str, body: dict[str, Any]) -> Reply:
        raise TransientDeliveryError("connection refused")

    now = timezone.now()
    assert deliver_due(transport=down, now=now).retrying == 1
    assert registry("registry_registration") == [] and len(counts_that_count()) == 1

    assert deliver_due(transport=post, now=now + timedelta(hours=1)).delivered == 1
    assert len(registry("registry_registration")) == 1 and counts_that_count() == []


def test_the_registration_waits_for_a_count_that_may_be_on_its_way(cast: Cast, post: Post) -> None:
    count = counted_after_a_parent_refused(cast)

    def stored_but_reply_lost(key: str, body: dict[str, Any]) -> Reply:
        post(key, body)
        raise TransientDeliveryError("timed out")

    now = timezone.now()
    deliver_due(transport=stored_but_reply_lost, now=now)  # the count: stored, not confirmed
    registration = replace(count, cast.officer_a)
    outbound = registration.registration
    assert outbound is not None and "replaces_count" in outbound.payload
    assert outbound.waits_for_the_count

    assert deliver_due(transport=post, now=now + timedelta(seconds=1)).delivered == 0
    assert registry("registry_registration") == []  # not before the count is confirmed

    counted = OutboundRegistration.objects.get(pk=count.registration.pk)  # type: ignore[union-attr]
    run = deliver_due(transport=post, now=counted.next_attempt_at)
    assert run.delivered == 2  # the count (same key: the one stored), then the registration
    assert len(registry("registry_countreport")) == 1 and counts_that_count() == []
    assert len(registry("registry_registration")) == 1


def test_a_count_the_registry_refused_is_cancelled_and_the_registration_goes_plainly(
    cast: Cast, post: Post
) -> None:
    count = counted_after_a_parent_refused(cast)

    def down(key: str, body: dict[str, Any]) -> Reply:
        raise TransientDeliveryError("connection refused")

    def count_refused(key: str, body: dict[str, Any]) -> Reply:
        if body["dossier_type"] == "count_only":
            return Reply(422, {"errors": [{"field": "forms", "message": "x", "message_nl": "x"}]})
        return post(key, body)

    deliver_due(transport=down)
    counted = OutboundRegistration.objects.get(pk=count.registration.pk)  # type: ignore[union-attr]
    assert counted.attempts == 1  # it may have reached the registry: replaced, not cancelled
    registration = replace(count, cast.officer_a)
    assert "replaces_count" in registration.registration.payload  # type: ignore[union-attr]

    assert deliver_due(transport=count_refused, now=counted.next_attempt_at).delivered == 1

    counted.refresh_from_db()
    assert counted.status == DeliveryStatus.CANCELLED  # refused: it never reached the registry
    sent = OutboundRegistration.objects.get(pk=registration.registration.pk)  # type: ignore[union-attr]
    assert sent.status == DeliveryStatus.DELIVERED and "replaces_count" not in sent.payload
    assert len(registry("registry_registration")) == 1 and registry("registry_countreport") == []


def test_the_registry_refuses_to_replace_a_count_it_does_not_hold(cast: Cast, post: Post) -> None:
    count = counted_after_a_parent_refused(cast)
    deliver_due(transport=post)
    with connection.cursor() as cursor:  # the registry withdrew it on its own
        cursor.execute("UPDATE registry_countreport SET status = 'withdrawn'")
    registration = replace(count, cast.officer_a)

    assert deliver_due(transport=post).needs_correction == 1
    outbound = OutboundRegistration.objects.get(pk=registration.registration.pk)  # type: ignore[union-attr]
    assert outbound.replacement_state == ReplacementState.REFUSED
    assert "telling" in outbound.last_error
    assert registry("registry_registration") == []


def test_withdrawing_consent_before_the_registration_left_lets_the_count_stand_again(
    cast: Cast, post: Post
) -> None:
    count = counted_after_a_parent_refused(cast)
    deliver_due(transport=post)
    registration = replace(count, cast.officer_a)

    services.withdraw_consent(
        party=registration.parties.first(),  # type: ignore[arg-type]
        by=cast.worker_a,
        request=None,
        withdrawn_on=timezone.localdate(),
    )

    count.refresh_from_db()
    assert count.status == DisclosureStatus.DECIDED  # the count at the registry stands
    assert not OutboundRegistration.objects.filter(status="queued").exists()  # no second count
    assert deliver_due(transport=post).delivered == 0
    assert len(counts_that_count()) == 1 and registry("registry_registration") == []


def test_a_refusal_now_keeps_the_count_and_changes_nothing(cast: Cast) -> None:
    count = counted_after_a_parent_refused(cast)
    youth = count.youth
    mother = count.parties.get(decision="refused").guardian
    father = next(g for g in youth.guardians.all() if g != mother)

    with pytest.raises(ValidationError, match="Iedereen die de wet om toestemming vraagt"):
        replace(
            count,
            cast.officer_a,
            answers_of_everyone(youth, except_for={f"guardian_{father.pk}": "refused"}),
        )

    count.refresh_from_db()
    assert count.status == DisclosureStatus.DECIDED
    assert OutboundRegistration.objects.count() == 1


def test_an_objection_closes_the_replacement_for_good(cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born=born_years_ago(16))
    services.record_objection(
        youth=youth,
        by=cast.officer_a,
        request=None,
        role="youth",
        guardian=None,
        objected_on=timezone.localdate(),
        task=open_task(youth),
        forms=["criminal"],
    )
    count = Disclosure.objects.get(route=Route.COUNT_ONLY)

    assert not services.replaceable_count(count)
    with pytest.raises(ValidationError, match="bezwaar"):
        replace(count, cast.officer_a, [Answer("youth", "given", timezone.localdate())])


def youth_counted_for_page(cast: Cast) -> tuple[Youth, Disclosure]:
    count = counted_after_a_parent_refused(cast)
    return count.youth, count


def test_the_youth_page_offers_the_replacement_in_dutch_and_english(
    cast: Cast, client_for: Callable[[User], Client]
) -> None:
    youth, count = youth_counted_for_page(cast)
    client = client_for(cast.officer_a)

    page = client.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert "De eerdere telling vervangen door een registratie" in page
    assert reverse("registration:replace_count", args=[count.pk]) in page
    form = client.get(reverse("registration:replace_count", args=[count.pk])).content.decode()
    assert "het registratiecentrum trekt de telling in" in form
    assert "Baken bewaart geen kenmerk van de telling" in form
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("registration:replace_count", args=[count.pk])).content.decode()
    assert "Replace the earlier count by a registration" in english
    assert "the registry withdraws the count in the same step" in english
    assert "De eerdere telling" not in english


def test_replacing_from_the_page_shows_waiting_then_replaced(
    cast: Cast, client_for: Callable[[User], Client], post: Post
) -> None:
    youth, count = youth_counted_for_page(cast)
    deliver_due(transport=post)
    client = client_for(cast.officer_a)
    data = {"forms_of_exploitation": ["criminal"]}
    for party in services.parties_to_ask(youth, on=timezone.localdate()):
        data[f"party_{party.key}"] = "given"  # type: ignore[assignment]
        data[f"party_{party.key}_on"] = timezone.localdate().strftime("%d-%m-%Y")  # type: ignore[assignment]

    response = client.post(reverse("registration:replace_count", args=[count.pk]), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert "Vervanging wacht op verzending" in page
    assert "Vervangen door een registratie" in page
    deliver_due(transport=post)
    page = client.get(reverse("home:youth", args=[youth.pseudonym])).content.decode()
    assert "Vervangen: het registratiecentrum heeft de registratie en trok de telling in" in page
    assert "De eerdere telling vervangen door een registratie" not in page


@pytest.mark.parametrize(
    ("user_name", "status"),
    [("officer_a", 200), ("worker_a", 403), ("worker_b", 404), ("privacy_officer", 403)],
)
def test_who_may_open_the_replacement(
    cast: Cast, client_for: Callable[[User], Client], user_name: str, status: int
) -> None:
    _youth, count = youth_counted_for_page(cast)
    client = client_for(getattr(cast, user_name))

    response = client.get(reverse("registration:replace_count", args=[count.pk]))

    assert response.status_code == status


def test_a_count_is_replaced_once_even_by_two_registrars_on_stale_pages(cast: Cast) -> None:
    count = counted_after_a_parent_refused(cast)
    stale = Disclosure.objects.get(pk=count.pk)
    replace(count, cast.officer_a)

    with pytest.raises(ValidationError, match="geen onherleidbare telling die vervangen"):
        replace(stale, cast.officer_a)

    assert Disclosure.objects.filter(route=Route.CONSENT).count() == 1
