"""The meldcode as a recorded workflow: allowed moves, outcomes, stall detection, reviews."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.home.reminders import send_digests
from baken.meldcode import services
from baken.meldcode.models import Status, Trajectory
from baken.meldcode.services import ActionInput, ReportDetails
from baken.screening import services as screening_services
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
TODAY = date(2026, 6, 1)
REPORT_FRAMEWORK = {"suspicion": True, "unsafe": True, "can_help": None, "help_accepted": None}
HELP_FRAMEWORK = {"suspicion": True, "unsafe": False, "can_help": True, "help_accepted": True}


@pytest.fixture
def youth(cast: Cast) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1])


def report_details(**changes: object) -> ReportDetails:
    fields: dict[str, object] = {
        "to": "veilig_thuis",
        "partner": None,
        "reported_on": TODAY,
        "what": "Vermoeden van seksuele uitbuiting (loverboy).",
        "contact_person": "J. de Wit",
        "reference": "VT-2026-123",
        "youth_informed": "yes",
        "parents_informed": "not_for_safety",
        "reactions": "Jongere boos, wel begrip.",
        "follow_up": "VT belt binnen 5 dagen terug.",
    }
    fields.update(changes)
    return ReportDetails(**fields)  # type: ignore[arg-type]


def through_step_3(youth: Youth, by: User) -> Trajectory:
    """A trajectory whose signals, consultation and conversation are recorded."""
    trajectory = services.start_trajectory(youth=youth, by=by, request=None)
    services.record_step(
        trajectory=trajectory, by=by, request=None, step=1, done="Signalen in kaart"
    )
    services.record_step(
        trajectory=trajectory,
        by=by,
        request=None,
        step=2,
        done="Besproken",
        details={"consulted": ["colleague", "veilig_thuis"], "anonymous": True},
    )
    services.record_step(
        trajectory=trajectory,
        by=by,
        request=None,
        step=3,
        done="Gesprek",
        details={"talked_youth": True},
    )
    return trajectory


def through_step_4(youth: Youth, by: User) -> Trajectory:
    trajectory = through_step_3(youth, by)
    services.record_step(trajectory=trajectory, by=by, request=None, step=4, done="Risico gewogen")
    return trajectory


def test_steps_go_in_order_and_no_decision_before_weighing(cast: Cast, youth: Youth) -> None:
    trajectory = services.start_trajectory(youth=youth, by=cast.worker_a, request=None)

    with pytest.raises(ValidationError, match="Stap 3 kan nu niet"):
        services.record_step(
            trajectory=trajectory, by=cast.worker_a, request=None, step=3, done="x"
        )
    with pytest.raises(ValidationError, match="pas nadat het risico"):
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="x",
            framework=REPORT_FRAMEWORK,
        )
    services.record_step(
        trajectory=trajectory, by=cast.worker_a, request=None, step=1, done="Signalen"
    )
    with pytest.raises(ValidationError, match="wie je hebt geraadpleegd"):
        services.record_step(
            trajectory=trajectory, by=cast.worker_a, request=None, step=2, done="x", details={}
        )
    assert trajectory.steps_done == 1


def test_skipping_the_conversation_needs_a_safety_reason(cast: Cast, youth: Youth) -> None:
    trajectory = services.start_trajectory(youth=youth, by=cast.worker_a, request=None)
    services.record_step(trajectory=trajectory, by=cast.worker_a, request=None, step=1, done="a")
    services.record_step(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        step=2,
        done="b",
        details={"consulted": ["expert"]},
    )

    with pytest.raises(ValidationError):
        services.record_step(
            trajectory=trajectory, by=cast.worker_a, request=None, step=3, done="c", details={}
        )
    with pytest.raises(ValidationError):
        services.record_step(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            step=3,
            done="c",
            why="gevaar",
            details={"skipped_for_safety": True},
        )
    services.record_step(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        step=3,
        done="Niet gesproken",
        why="De pooier leest haar telefoon mee; een gesprek nu brengt haar in gevaar.",
        details={"skipped_for_safety": True},
    )
    assert trajectory.steps_done == 3


def test_a_report_needs_its_details(cast: Cast, youth: Youth) -> None:
    trajectory = through_step_4(youth, cast.worker_a)

    with pytest.raises(ValidationError):
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="Melden",
            framework=REPORT_FRAMEWORK,
        )
    with pytest.raises(ValidationError) as refused:
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="Melden",
            framework=REPORT_FRAMEWORK,
            report=report_details(contact_person="", follow_up=""),
        )
    assert set(refused.value.message_dict) == {"contact_person", "follow_up"}
    trajectory.refresh_from_db()
    assert trajectory.status == Status.OPEN and trajectory.steps_done == 4


def test_reporting_records_the_report_and_waits_for_feedback(cast: Cast, youth: Youth) -> None:
    trajectory = through_step_4(youth, cast.worker_a)
    with time_machine.travel(TODAY, tick=False):
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="Melden bij VT",
            framework=REPORT_FRAMEWORK,
            report=report_details(),
        )
    report = trajectory.reports.get()
    assert trajectory.status == Status.REPORTED and trajectory.decided_because == "q2"
    assert report.expected_response_on == TODAY + timedelta(days=10)
    assert AuditEntry.objects.filter(event=AuditEvent.TRANSFER, object_type="report").exists()


def test_a_report_without_feedback_stalls_and_is_escalated_and_feedback_closes_nothing(
    cast: Cast, youth: Youth
) -> None:
    trajectory = through_step_4(youth, cast.worker_a)
    with time_machine.travel(TODAY, tick=False) as clock:
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="Melden",
            framework=REPORT_FRAMEWORK,
            report=report_details(),
        )
        report = trajectory.reports.get()
        youths = Youth.objects.filter(pk=youth.pk)
        clock.move_to(TODAY + timedelta(days=10))
        assert not report.is_stalled() and list(services.stalled_reports(youths)) == []
        clock.move_to(TODAY + timedelta(days=11))
        assert report.is_stalled() and list(services.stalled_reports(youths)) == [report]

        services.escalate(
            report=report,
            by=cast.officer_a,
            request=None,
            to_whom="Teamleider VT Utrecht",
            note="Gebeld, terugbelverzoek",
        )
        digest = send_digests(today=timezone.localdate(), base_url="https://b.example")
        assert digest.sent >= 1
        body = next(m.body for m in mail.outbox if m.to == [cast.officer_a.email])
        assert "geen terugkoppeling" in body and youth.pseudonym in body and "Lisa" not in body

        services.record_feedback(
            report=report,
            by=cast.worker_a,
            request=None,
            feedback_on=timezone.localdate(),
            feedback="VT doet onderzoek.",
        )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.REPORTED  # the institution stays involved
    assert report.escalations.count() == 1 and not services.stalled_reports(youths).exists()


def test_help_sets_a_review_date_where_question_5_is_asked_again(cast: Cast, youth: Youth) -> None:
    trajectory = through_step_4(youth, cast.worker_a)
    with time_machine.travel(TODAY, tick=False) as clock:
        with pytest.raises(ValidationError):
            services.decide(
                trajectory=trajectory,
                by=cast.worker_a,
                request=None,
                done="Hulp",
                framework=HELP_FRAMEWORK,
            )
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="Hulp via ambulant team",
            framework=HELP_FRAMEWORK,
            review_on=TODAY + timedelta(days=42),
        )
        assert trajectory.status == Status.HELP and not trajectory.review_due()
        clock.move_to(TODAY + timedelta(days=42))
        assert trajectory.review_due()
        assert list(services.reviews_due(Youth.objects.filter(pk=youth.pk))) == [trajectory]

        services.review_help(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            help_works=False,
            note="",
            report=report_details(reported_on=timezone.localdate()),
        )
    assert trajectory.status == Status.REPORTED and trajectory.decided_because == "q5"


def test_no_suspicion_closes_with_a_reason(cast: Cast, youth: Youth) -> None:
    trajectory = through_step_4(youth, cast.worker_a)
    services.decide(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        done="Geen vermoeden",
        framework={"suspicion": False, "unsafe": None, "can_help": None, "help_accepted": None},
        closing_note="Uitleg gekregen: de telefoon is van haar broer.",
    )
    assert trajectory.status == Status.CLOSED


def test_the_afwegingskader_can_sit_in_step_4(cast: Cast, youth: Youth) -> None:
    policy = services.policy_for(cast.institution_a)
    policy.framework_in_step = 4
    policy.save()
    trajectory = through_step_3(youth, cast.worker_a)
    with pytest.raises(ValidationError, match="afwegingskader"):
        services.record_step(
            trajectory=trajectory, by=cast.worker_a, request=None, step=4, done="d"
        )
    services.record_step(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        step=4,
        done="d",
        details={"framework": HELP_FRAMEWORK},
    )

    services.decide(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        done="Hulp",
        review_on=timezone.localdate() + timedelta(days=30),
    )

    assert trajectory.status == Status.HELP


def test_one_open_trajectory_per_youth(cast: Cast, youth: Youth) -> None:
    services.start_trajectory(youth=youth, by=cast.worker_a, request=None)
    with pytest.raises(ValidationError):
        services.start_trajectory(youth=youth, by=cast.officer_a, request=None)


def test_choosing_the_meldcode_after_a_screening_starts_a_trajectory(
    cast: Cast, youth: Youth
) -> None:
    screening = screening_services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="intake"
    )
    screening_services.save_answers(
        screening=screening,
        by=cast.worker_a,
        request=None,
        answers={"sd-paid-sex": "yes"},
        complete=True,
    )
    services.continue_screening_in_meldcode(screening=screening, by=cast.worker_a, request=None)
    assert Trajectory.objects.get().origin_screening == screening


def test_the_meldcode_button_of_a_screening_closes_it_and_opens_the_trajectory(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    screening = screening_services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="intake"
    )
    screening_services.save_answers(
        screening=screening,
        by=cast.worker_a,
        request=None,
        answers={"sd-paid-sex": "yes"},
        complete=True,
    )
    client = client_for(cast.worker_a)
    page = client.get(reverse("screening:detail", args=[screening.pk])).content.decode()
    assert reverse("meldcode:from_screening", args=[screening.pk]) in page

    response = client.post(reverse("meldcode:from_screening", args=[screening.pk]))

    trajectory = Trajectory.objects.get()
    assert response["Location"] == reverse("meldcode:trajectory", args=[trajectory.pk])
    screening.refresh_from_db()
    assert (screening.status, screening.next_step) == ("closed", "meldcode")
    assert trajectory.origin_screening == screening


def test_a_worker_of_another_team_cannot_open_the_trajectory(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    trajectory = services.start_trajectory(youth=youth, by=cast.worker_a, request=None)
    assert (
        client_for(cast.worker_a2)
        .get(reverse("meldcode:trajectory", args=[trajectory.pk]))
        .status_code
        == 404
    )
    assert (
        client_for(cast.worker_b)
        .get(reverse("meldcode:trajectory", args=[trajectory.pk]))
        .status_code
        == 404
    )


def test_step_1_starts_from_the_signal_log(client_for: ClientFor, cast: Cast, youth: Youth) -> None:
    from baken.signalling.services import record_signal

    record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=TODAY,
        context="school",
        source="seen",
        concern="high",
        indicators=[],
        note="Opgehaald door oudere man",
    )
    trajectory = services.start_trajectory(youth=youth, by=cast.worker_a, request=None)

    page = client_for(cast.worker_a).get(reverse("meldcode:trajectory", args=[trajectory.pk]))

    assert "2026-06-01: Opgehaald door oudere man" in page.content.decode()


def test_case_conference_actions_are_tracked(cast: Cast, youth: Youth) -> None:
    conference = services.record_conference(
        youth=youth,
        by=cast.officer_a,
        request=None,
        held_on=TODAY,
        participants="M. Yilmaz (De Linde)\nZorgcoördinator (regio Utrecht)",
        agreements="Veiligheidsplan; zorgcoördinator zoekt opvangplek.",
        actions=[
            ActionInput(
                what="Opvangplek zoeken", who="Zorgcoördinator", due_on=TODAY, owner=cast.officer_a
            )
        ],
    )
    youths = Youth.objects.filter(pk=youth.pk)
    (action,) = services.open_actions(youths)
    services.complete_action(action=action, by=cast.officer_a, request=None)
    assert list(services.open_actions(youths)) == []
    assert conference.actions.get().done_on is not None


def test_step_4_shows_the_latest_screening(client_for: ClientFor, cast: Cast, youth: Youth) -> None:
    screening = screening_services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="intake"
    )
    screening_services.save_answers(
        screening=screening,
        by=cast.worker_a,
        request=None,
        answers={"cr-contracts": "yes"},
        complete=True,
    )
    trajectory = through_step_3(youth, cast.worker_a)

    page = client_for(cast.worker_a).get(reverse("meldcode:trajectory", args=[trajectory.pk]))
    step_4 = services.record_step(
        trajectory=trajectory, by=cast.worker_a, request=None, step=4, done="d"
    )

    assert (
        "Laatste risicotaxatie" in page.content.decode() and "Enige zorg" in page.content.decode()
    )
    assert step_4.details["screening_id"] == screening.pk


def test_each_action_of_the_trajectory_page_has_its_own_address(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    trajectory = services.start_trajectory(youth=youth, by=cast.worker_a, request=None)
    client = client_for(cast.worker_a)
    page = client.get(reverse("meldcode:trajectory", args=[trajectory.pk])).content.decode()
    assert f'action="{reverse("meldcode:record_step", args=[trajectory.pk])}"' in page

    early = client.post(reverse("meldcode:decide", args=[trajectory.pk]), {"done": "Melden"})
    client.post(
        reverse("meldcode:record_step", args=[trajectory.pk]), {"done": "Signalen in kaart"}
    )

    assert early.status_code == 302
    trajectory.refresh_from_db()
    assert (trajectory.steps_done, trajectory.status) == (1, Status.OPEN)
