"""Every dashboard figure on known data, other institutions' records left out, and a query
count that does not grow with the amount of data."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.insight.figures import Dashboard, Period, dashboard
from baken.learning.catalogue import find_module
from baken.learning.models import Moment, QuizAttempt, SelfAssessment
from baken.learning.services import policy_for
from baken.meldcode.models import Report, Status, Trajectory
from baken.registration.models import OutboundRegistration, RegistrationTask, TaskStatus
from baken.screening import services as screening
from baken.signalling.models import Signal
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
TODAY = date(2026, 11, 29)
PERIOD = Period(start=date(2026, 1, 1), end=date(2026, 12, 31))
IN_PERIOD = datetime(2026, 6, 15, 12, tzinfo=UTC)
BEFORE_PERIOD = datetime(2025, 6, 15, 12, tzinfo=UTC)


def passed(user: User, slug: str, at: datetime = IN_PERIOD) -> None:
    module = find_module(slug)
    assert module is not None
    QuizAttempt.objects.create(
        user=user,
        module=slug,
        module_version=module.version,
        correct=4,
        total=4,
        passed=True,
        submitted_at=at,
    )


def rated(user: User, recognising: int, acting: int, at: datetime = IN_PERIOD) -> None:
    SelfAssessment.objects.create(
        user=user,
        module="meldcode",
        moment=Moment.AFTER,
        recognising=recognising,
        acting=acting,
        recorded_at=at,
    )


def signal(youth: Youth, by: User, at: datetime, concern: str = "medium") -> None:
    Signal.objects.create(
        youth=youth,
        recorded_by=by,
        recorded_at=at,
        observed_on=at.date(),
        context="school",
        source="seen",
        concern=concern,
    )


def screened(youth: Youth, by: User, reason: str, at: datetime) -> None:
    item = screening.start_screening(youth=youth, by=by, request=None, reason=reason)
    item = screening.save_answers(screening=item, by=by, request=None, answers={}, complete=True)
    type(item).objects.filter(pk=item.pk).update(completed_at=at, started_at=at)


def task(youth: Youth, status: str, *, kind: str = "", due: date = TODAY) -> RegistrationTask:
    return RegistrationTask.objects.create(
        youth=youth,
        trigger="consultation",
        trigger_id=1,
        due_on=due,
        status=status,
        reason_not_kind=kind,
        decided_at=IN_PERIOD if status != TaskStatus.OPEN else None,
    )


def known_data(cast: Cast) -> None:
    """Institution A: three staff, of whom worker_a is trained; institution B adds noise."""
    policy = policy_for(cast.institution_a)
    policy.mandatory_modules = ["meldcode", "registering"]
    policy.save()
    User.objects.filter(pk__in=[cast.worker_a.pk, cast.worker_a2.pk, cast.officer_a.pk]).update(
        date_joined=BEFORE_PERIOD
    )
    passed(cast.worker_a, "meldcode")
    passed(cast.worker_a, "registering")
    passed(cast.worker_a2, "meldcode", at=BEFORE_PERIOD - timedelta(days=30))  # expired
    rated(cast.worker_a, 4, 3, at=BEFORE_PERIOD)
    rated(cast.worker_a, 8, 7)
    rated(cast.worker_a2, 5, 4)

    first = make_youth(cast.worker_a, teams=[cast.team_a1])
    second = make_youth(cast.worker_a2, teams=[cast.team_a2], given_names="Sara")
    for _ in range(3):
        signal(first, cast.worker_a, IN_PERIOD)
    signal(second, cast.worker_a2, IN_PERIOD, concern="high")
    signal(second, cast.worker_a2, BEFORE_PERIOD)
    screened(first, cast.worker_a, "intake", IN_PERIOD)
    screened(first, cast.worker_a, "periodic", IN_PERIOD + timedelta(days=90))
    screened(second, cast.worker_a2, "intake", BEFORE_PERIOD)

    trajectory = Trajectory.objects.create(
        youth=second, started_by=cast.officer_a, started_at=IN_PERIOD, status=Status.REPORTED
    )
    Report.objects.create(
        trajectory=trajectory,
        to="veilig_thuis",
        reported_on=date(2026, 7, 1),
        what="Zorgen over uitbuiting",
        follow_up="Terugkoppeling binnen twee weken",
        contact_person="Intake Veilig Thuis",
        youth_informed="yes",
        parents_informed="yes",
        expected_response_on=date(2026, 7, 15),
        created_by=cast.officer_a,
    )
    Trajectory.objects.create(
        youth=first,
        started_by=cast.officer_a,
        started_at=BEFORE_PERIOD,
        status=Status.CLOSED,
    )
    task(first, TaskStatus.OPEN, due=TODAY - timedelta(days=2))
    task(second, TaskStatus.NOT_REGISTERED, kind="already_registered")
    registered = task(second, TaskStatus.REGISTERED)
    OutboundRegistration.objects.create(
        youth=second,
        created_by=cast.officer_a,
        created_at=IN_PERIOD,
        dossier_type="statistical",
        payload={},
        task=registered,
    )

    other = make_youth(cast.worker_b, teams=[cast.team_b1], given_names="Other")
    signal(other, cast.worker_b, IN_PERIOD, concern="high")
    screened(other, cast.worker_b, "periodic", IN_PERIOD)
    task(other, TaskStatus.OPEN)


def board_for(cast: Cast) -> Dashboard:
    return dashboard(cast.institution_a, PERIOD, today=TODAY)


def test_training_figures(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    assert (board.staff, board.trained, board.untrained) == (3, 1, 2)
    assert board.trained_share == pytest.approx(1 / 3)
    # worker_a2's meldcode expired; officer_a never did the mandatory set.
    assert board.refreshers_overdue == 1
    assert board.new_staff_overdue == 2


def test_self_assessment_of_trained_and_untrained_staff(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    assert (board.rating_trained.recognising, board.rating_trained.acting) == (8.0, 7.0)
    assert (board.rating_untrained.recognising, board.rating_untrained.acting) == (5.0, 4.0)
    assert (board.rating_untrained.workers, board.rating_untrained.rated) == (2, 1)


def test_signals_per_worker_trained_and_untrained_in_the_period(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    assert (board.signals_trained, board.signals_untrained) == (3, 1)
    assert board.signals_per_trained_worker == 3.0
    assert board.signals_per_untrained_worker == 0.5
    assert board.high_concern_signals == 1


def test_screening_figures(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    assert board.youths_in_care == 2
    assert (board.screenings_completed, board.youths_screened, board.repeat_screenings) == (2, 1, 1)
    # The second youth's last screening was over a year ago: overdue.
    assert board.screenings_overdue >= 1
    assert board.screenings_overdue + board.screenings_due_soon <= 2


def test_meldcode_figures(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    assert (board.trajectories_started, board.trajectories_open) == (1, 1)
    assert board.reports_stalled == 1


def test_registration_figures_with_reasons(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    assert board.registrations_submitted == 1
    assert board.registrations_undelivered == 1
    assert (board.tasks_open, board.tasks_overdue) == (1, 1)
    assert board.decided_against == 1
    assert board.decided_against_reasons == [("Al geregistreerd door een andere organisatie", 1)]


def test_the_survey_questions_are_answered_from_the_data(cast: Cast) -> None:
    known_data(cast)
    board = board_for(cast)
    verdicts = [answer.verdict for answer in board.answers]
    # Screening repeated during care but some overdue; reports stalled; a task past its deadline.
    assert verdicts == ["partly", "partly", "partly"]
    assert board.designated_officers == ["Officer"]

    empty = dashboard(cast.institution_b, Period(date(2020, 1, 1), date(2020, 12, 31)), today=TODAY)
    assert [answer.verdict for answer in empty.answers] == ["no", "no_occasion", "no"]
    assert empty.designated_officers == []


def test_only_intake_screening_is_named(cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    screened(youth, cast.worker_a, "intake", IN_PERIOD)
    answer = board_for(cast).answers[0]
    assert answer.verdict == "partly"
    assert answer.explanation.startswith("Alleen bij de intake.")


def test_the_query_count_does_not_grow_with_the_data(cast: Cast) -> None:
    known_data(cast)
    with CaptureQueriesContext(connection) as small:
        board_for(cast)
    for number in range(10):
        worker = make_user(
            f"extra_{number}", cast.institution_a, [Role.YOUTH_WORKER], [cast.team_a1]
        )
        youth = make_youth(worker, teams=[cast.team_a1], given_names=f"Extra{number}")
        signal(youth, worker, IN_PERIOD)
        passed(worker, "meldcode")
        rated(worker, 6, 6)
        screened(youth, worker, "periodic", IN_PERIOD)
    with CaptureQueriesContext(connection) as large:
        board = board_for(cast)
    assert board.staff == 13
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) <= 20


def test_the_dashboard_page_and_csv_for_managers_only(cast: Cast, client_for: ClientFor) -> None:
    known_data(cast)
    manager = make_user("manager_a", cast.institution_a, [Role.MANAGER])
    assert client_for(cast.worker_a).get(reverse("insight:dashboard")).status_code == 403
    client = client_for(manager)
    query = {"start": "2026-01-01", "end": "2026-12-31"}
    page = client.get(reverse("insight:dashboard"), query).content.decode()
    assert "Wordt een formele risicoscreening gedaan?" in page
    assert "<svg" in page
    export = client.get(reverse("insight:export"), query)
    assert export["Content-Type"].startswith("text/csv")
    text = export.content.decode("utf-8-sig")
    assert "Aandachtfunctionaris aangesteld,Officer" in text
    assert "Lisa" not in page + text and "de Boer" not in page + text  # no youth is named


def test_a_wrong_period_gets_a_dutch_error_and_the_default_period(
    cast: Cast, client_for: ClientFor
) -> None:
    manager = make_user("manager_a", cast.institution_a, [Role.MANAGER])
    page = client_for(manager).get(
        reverse("insight:dashboard"), {"start": "2026-12-01", "end": "2026-01-01"}
    )
    assert page.status_code == 200
    assert "Het begin van de periode ligt na het einde." in page.content.decode()
