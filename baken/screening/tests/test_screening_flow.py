"""A screening from start to close: pre-filled from the signal log, never standalone, audited."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEntry
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.home.reminders import send_digests
from baken.screening import services
from baken.screening.models import Instrument, Screening, ScreeningStatus
from baken.signalling.models import Consultation, Indicator, Signal
from baken.signalling.services import record_signal
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
HIGH = {"sd-paid-sex": "yes"}


@pytest.fixture
def youth(cast: Cast) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1])


def signal_with(youth: Youth, by: User, *codes: str) -> None:
    record_signal(
        youth=youth,
        by=by,
        request=None,
        observed_on=timezone.localdate(),
        context="school",
        source="seen",
        concern="medium",
        indicators=list(Indicator.objects.filter(catalogue__is_current=True, code__in=codes)),
        note="",
    )


def completed(youth: Youth, by: User, answers: dict[str, str]) -> Screening:
    screening = services.start_screening(youth=youth, by=by, request=None, reason="intake")
    return services.save_answers(
        screening=screening, by=by, request=None, answers=answers, complete=True
    )


def test_a_screening_is_pre_marked_from_signals_since_the_last_one(
    cast: Cast, youth: Youth
) -> None:
    signal_with(youth, cast.worker_a, "c-bank-card-lent")
    Signal.objects.update(recorded_at=timezone.now() - timedelta(hours=2))
    first = completed(youth, cast.worker_a, {})
    Screening.objects.filter(pk=first.pk).update(started_at=timezone.now() - timedelta(hours=1))
    signal_with(youth, cast.worker_a, "s-older-boyfriend")

    second = services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="periodic"
    )

    assert second.answers == {"sd-older-partner": "yes"}
    assert "Heeft een (veel) oudere 'vriend'" in second.prefilled["sd-older-partner"][0]
    assert "cr-bank" not in second.answers


def test_the_worker_fills_in_a_screening_and_sees_why(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    signal_with(youth, cast.worker_a, "c-drugs-running")
    client = client_for(cast.worker_a)
    client.post(reverse("screening:start", args=[youth.pseudonym]), {"reason": "intake"})
    screening = Screening.objects.get()

    page = client.get(reverse("screening:fill", args=[screening.pk]))
    prefill = (
        f"{timezone.localdate().isoformat()}: Vervoert of verkoopt drugs of pakketjes voor anderen"
    )
    assert prefill in page.content.decode()
    client.post(
        reverse("screening:fill", args=[screening.pk]),
        {"cr-drugs": "yes", "cr-bank": "yes", "rf-lvb": "no", "complete": "1"},
    )

    screening.refresh_from_db()
    assert screening.overall == "elevated"
    assert screening.status == ScreeningStatus.AWAITING_NEXT_STEP
    result = client.get(reverse("screening:detail", args=[screening.pk])).content.decode()
    assert "Vervoert of verkoopt de jongere drugs" in result
    assert "beslisondersteuning" in result.lower()
    assert (
        AuditEntry.objects.filter(object_type="screening", youth_pseudonym=youth.pseudonym).count()
        >= 3
    )


def test_low_concern_closes_at_once(cast: Cast, youth: Youth) -> None:
    screening = completed(youth, cast.worker_a, {"cr-contracts": "yes"})
    assert screening.overall == "some"
    assert screening.status == ScreeningStatus.CLOSED


def test_elevated_or_high_cannot_be_closed_without_a_next_step(cast: Cast, youth: Youth) -> None:
    screening = completed(youth, cast.worker_a, HIGH)
    assert screening.status == ScreeningStatus.AWAITING_NEXT_STEP

    with pytest.raises(ValidationError, match="ten minste 10 tekens"):
        services.choose_next_step(
            screening=screening, by=cast.worker_a, request=None, next_step="neither", reason="nee"
        )
    with pytest.raises(ValidationError, match="Kies wie"):
        services.choose_next_step(
            screening=screening, by=cast.worker_a, request=None, next_step="consultation"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Screening.objects.filter(pk=screening.pk).update(status="closed")
    screening.refresh_from_db()
    assert screening.status == ScreeningStatus.AWAITING_NEXT_STEP


def test_a_consultation_as_next_step_is_requested_and_linked(cast: Cast, youth: Youth) -> None:
    screening = completed(youth, cast.worker_a, HIGH)

    services.choose_next_step(
        screening=screening,
        by=cast.worker_a,
        request=None,
        next_step="consultation",
        consultant=cast.officer_a,
        question="Hoog op seksuele uitbuiting; graag overleg.",
    )

    screening.refresh_from_db()
    consultation = Consultation.objects.get()
    assert screening.consultation == consultation and consultation.addressed_to == cast.officer_a
    assert screening.status == ScreeningStatus.CLOSED


def test_neither_needs_a_recorded_reason(cast: Cast, youth: Youth) -> None:
    screening = completed(youth, cast.worker_a, HIGH)
    services.choose_next_step(
        screening=screening,
        by=cast.worker_a,
        request=None,
        next_step="neither",
        reason="Al gemeld bij Veilig Thuis vorige week door de voogd; volgen via casusoverleg.",
    )
    screening.refresh_from_db()
    assert screening.next_step == "neither" and screening.next_step_reason.startswith("Al gemeld")


def test_a_completed_screening_cannot_be_changed(cast: Cast, youth: Youth) -> None:
    screening = completed(youth, cast.worker_a, {})
    with pytest.raises(ValidationError):
        services.save_answers(
            screening=screening, by=cast.worker_a, request=None, answers=HIGH, complete=True
        )


def test_only_one_screening_at_a_time_is_being_filled_in(cast: Cast, youth: Youth) -> None:
    services.start_screening(youth=youth, by=cast.worker_a, request=None, reason="intake")
    with pytest.raises(ValidationError):
        services.start_screening(youth=youth, by=cast.worker_a, request=None, reason="other")


def test_a_worker_of_another_team_cannot_open_a_screening(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    screening = completed(youth, cast.worker_a, {})
    assert (
        client_for(cast.worker_a2).get(reverse("screening:detail", args=[screening.pk])).status_code
        == 404
    )


def test_a_newer_instrument_applies_to_new_screenings_only(cast: Cast, youth: Youth) -> None:
    old = completed(youth, cast.worker_a, {})
    definition = dict(old.instrument.definition, version="2027.1")
    newer = Instrument.objects.create(
        version="2027.1", published_on=timezone.localdate(), definition=definition
    )

    services.set_policy(
        organisation=cast.institution_a,
        by=cast.officer_a,
        request=None,
        instrument=newer,
        interval_days=60,
    )
    new = services.start_screening(youth=youth, by=cast.worker_a, request=None, reason="periodic")

    old.refresh_from_db()
    assert old.instrument.version == "2026.1"
    assert new.instrument == newer


def test_history_shows_screenings_side_by_side_with_the_trend(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    first = completed(youth, cast.worker_a, {"cr-contracts": "yes"})
    Screening.objects.filter(pk=first.pk).update(started_at=timezone.now() - timedelta(days=90))
    completed(youth, cast.worker_a, {"cr-drugs": "yes", "cr-bank": "yes"})

    response = client_for(cast.worker_a).get(reverse("screening:history", args=[youth.pseudonym]))

    rows = {row.form: row for row in response.context["rows"]}
    criminal = rows["Criminele uitbuiting"]
    assert [level for level, _label in criminal.cells] == ["some", "elevated"]
    assert criminal.trend == "up"
    assert rows["Arbeidsuitbuiting (inclusief gedwongen bedelarij)"].trend == "same"


def test_the_daily_digest_goes_once_and_names_no_youth(cast: Cast, youth: Youth) -> None:
    today = youth.care_start + timedelta(days=30)  # intake screening overdue

    first = send_digests(today=today, base_url="https://baken.example.nl")
    again = send_digests(today=today, base_url="https://baken.example.nl")

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == [cast.officer_a.email, cast.worker_a.email]
    assert first.sent == 2 and again.sent == 0 and again.skipped_already_sent == 2
    body = mail.outbox[0].body
    assert youth.pseudonym in body and "Lisa" not in body
    assert "https://baken.example.nl/screening/due/" in body
