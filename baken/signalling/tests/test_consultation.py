"""Asking the designated officer to consult, their conclusion, and the officer's overview."""

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.signalling import services
from baken.signalling.models import Consultation, Indicator
from baken.signalling.overview import officer_overview
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def youth(cast: Cast) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1])


def test_worker_asks_the_designated_officer_who_gets_an_email_without_youth_data(
    client_for: ClientFor,
    cast: Cast,
    youth: Youth,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        client_for(cast.worker_a).post(
            reverse("signalling:consult", args=[youth.pseudonym]),
            {"addressed_to": cast.officer_a.pk, "question": "Lisa heeft steeds nieuwe spullen."},
        )

    consultation = Consultation.objects.get()
    assert consultation.addressed_to == cast.officer_a
    (message,) = mail.outbox
    assert message.to == [cast.officer_a.email]
    assert youth.pseudonym in message.body
    assert "Lisa" not in message.body and "spullen" not in message.body
    assert AuditEntry.objects.filter(object_type="consultation", event=AuditEvent.CREATE).exists()


def test_a_consultation_can_only_be_addressed_to_a_consultant_of_the_organisation(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    response = client_for(cast.worker_a).post(
        reverse("signalling:consult", args=[youth.pseudonym]),
        {"addressed_to": cast.worker_a2.pk, "question": "?"},
    )
    assert response.status_code == 200
    assert not Consultation.objects.exists()


def test_officer_records_the_conclusion_and_next_step(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    consultation = services.request_consultation(
        youth=youth,
        by=cast.worker_a,
        request=None,
        addressed_to=cast.officer_a,
        question="Wat vind jij?",
    )

    response = client_for(cast.officer_a).post(
        reverse("meldcode:conclude_consultation", args=[consultation.pk]),
        {
            "participants": [cast.worker_a.pk],
            "external_participants": "Zorgcoördinator regio (anoniem)",
            "conclusion": "Zorgen over mogelijke seksuele uitbuiting; screenen.",
            "next_step": "screen",
        },
    )

    assert response["Location"] == reverse("home:youth", args=[youth.pseudonym])
    consultation.refresh_from_db()
    assert consultation.next_step == "screen"
    assert consultation.concluded_by == cast.officer_a
    assert set(consultation.participants.all()) == {cast.worker_a, cast.officer_a}
    assert AuditEntry.objects.filter(object_type="consultation", event=AuditEvent.UPDATE).exists()


def test_a_worker_cannot_conclude_a_consultation(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    consultation = services.request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    client = client_for(cast.worker_a)
    page = client.get(reverse("signalling:consultation", args=[consultation.pk]))
    assert page.status_code == 200 and page.context["form"] is None
    refused = client.post(
        reverse("meldcode:conclude_consultation", args=[consultation.pk]),
        {"conclusion": "Geen zorgen", "next_step": "no_concern"},
    )
    assert refused.status_code == 403
    consultation.refresh_from_db()
    assert consultation.is_open


def test_officer_overview_counts_youths_per_form_and_lists_what_needs_follow_up(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    other = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Sem")
    criminal = Indicator.objects.get(catalogue__is_current=True, code="c-bank-card-lent")
    for who in (youth, other):
        services.record_signal(
            youth=who,
            by=cast.worker_a,
            request=None,
            observed_on=timezone.localdate(),
            context="school",
            source="youth_told",
            concern="high",
            indicators=[criminal],
            note="",
        )
    services.record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="living_group",
        source="seen",
        concern="low",
        indicators=[],
        note="niet pluis",
    )
    services.request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )

    overview = officer_overview(cast.officer_a)

    counts = {row.form.code: row.youths for row in overview.per_form}
    assert counts["criminal"] == 2 and counts["financial"] == 2 and counts["labour"] == 0
    assert overview.gut_feeling_youths == 1
    assert [c.youth for c in overview.open_consultations] == [youth]
    assert list(overview.without_follow_up) == [other]
    assert client_for(cast.officer_a).get(reverse("signalling:overview")).status_code == 200


def test_the_overview_is_for_consultants_only(client_for: ClientFor, cast: Cast) -> None:
    assert client_for(cast.worker_a).get(reverse("signalling:overview")).status_code == 403


def test_timeline_shows_signals_safety_notes_and_consultations_and_filters_by_form(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    sexual = Indicator.objects.get(catalogue__is_current=True, code="s-older-boyfriend")
    services.record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="outside",
        source="seen",
        concern="high",
        indicators=[sexual],
        note="",
    )
    services.write_daily_report(
        youth=youth,
        by=cast.worker_a,
        request=None,
        report_date=timezone.localdate(),
        text="Dag",
        safety_note="Laat thuis",
        suspicion=False,
    )
    services.request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    client = client_for(cast.worker_a)

    everything = client.get(reverse("home:youth", args=[youth.pseudonym])).context["timeline"]
    sexual_only = client.get(
        reverse("home:youth", args=[youth.pseudonym]), {"form": "sexual-domestic"}
    ).context["timeline"]
    criminal_only = client.get(
        reverse("home:youth", args=[youth.pseudonym]), {"form": "criminal"}
    ).context["timeline"]

    assert sorted(item.kind for item in everything) == ["consultation", "safety_note", "signal"]
    assert [item.kind for item in sexual_only] == ["signal"]
    assert criminal_only == []
