"""The management dashboard's figures, computed from the institution's own records in a fixed
number of queries. Aggregates only: no youth is named, and nothing here opens a case file.

What the workers' survey had to ask ("is a formal risk screening done?", "is the step plan used?",
"does the institution register?") is answered from what was actually recorded."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import mean
from typing import TypeVar

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.models import Organisation, Role, User
from baken.cases.models import Youth
from baken.learning import services as learning
from baken.learning.models import SelfAssessment
from baken.learning.progress import ModuleState, has_overdue, is_trained
from baken.meldcode.models import Report, Status, Trajectory
from baken.registration.models import (
    DeliveryStatus,
    NotRegisteredReason,
    OutboundRegistration,
    RegistrationPolicy,
    RegistrationTask,
    TaskStatus,
)
from baken.screening.models import Screening, ScreeningReason
from baken.screening.services import count_screenings_due
from baken.signalling.models import Concern, Signal

# Figures about a group of staff (how many are trained, their self-assessment, the signals they
# recorded) are shown only for a group of at least this many people: below it, an "average over a
# group" can be one person's own score. The dashboard and its CSV show "too few people (< 5)"
# instead (docs/training-and-dashboard.md). Counts about youths are not affected: managers may
# open those case files anyway.
MIN_GROUP_SIZE = 5


class TooFew:
    """A figure left out because its group has fewer than MIN_GROUP_SIZE people."""

    def __repr__(self) -> str:
        return "TOO_FEW"


TOO_FEW = TooFew()


T = TypeVar("T")


def for_group(value: T, size: int) -> T | TooFew:
    """`value` if its group of `size` people is large enough to show, else TOO_FEW."""
    return value if size >= MIN_GROUP_SIZE else TOO_FEW


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def bounds(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz),
        )


@dataclass(frozen=True)
class GroupRating:
    """Mean of each worker's latest self-assessment in a group."""

    workers: int
    rated: int
    recognising: float | None
    acting: float | None

    @property
    def shown_recognising(self) -> float | TooFew | None:
        return for_group(self.recognising, self.rated)

    @property
    def shown_acting(self) -> float | TooFew | None:
        return for_group(self.acting, self.rated)


@dataclass(frozen=True)
class Answer:
    question: str
    verdict: str  # yes / partly / no / no_occasion
    explanation: str


@dataclass
class Dashboard:
    period: Period
    staff: int = 0
    trained: int = 0
    refreshers_overdue: int = 0
    new_staff_overdue: int = 0
    rating_trained: GroupRating = field(default_factory=lambda: GroupRating(0, 0, None, None))
    rating_untrained: GroupRating = field(default_factory=lambda: GroupRating(0, 0, None, None))
    signals_trained: int = 0
    signals_untrained: int = 0
    high_concern_signals: int = 0
    youths_in_care: int = 0
    screenings_completed: int = 0
    youths_screened: int = 0
    repeat_screenings: int = 0
    screenings_due_soon: int = 0
    screenings_overdue: int = 0
    trajectories_started: int = 0
    trajectories_open: int = 0
    reports_stalled: int = 0
    reviews_due: int = 0
    registrations_submitted: int = 0
    registrations_undelivered: int = 0
    tasks_open: int = 0
    tasks_overdue: int = 0
    decided_against: int = 0
    decided_against_reasons: list[tuple[str, int]] = field(default_factory=list)
    registrar: str = ""
    designated_officers: list[str] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)

    @property
    def trained_share(self) -> float | None:
        return self.trained / self.staff if self.staff else None

    @property
    def untrained(self) -> int:
        return self.staff - self.trained

    @property
    def signals_per_trained_worker(self) -> float | None:
        return self.signals_trained / self.trained if self.trained else None

    @property
    def signals_per_untrained_worker(self) -> float | None:
        return self.signals_untrained / self.untrained if self.untrained else None

    # What may be shown (MIN_GROUP_SIZE): every figure about a group of staff goes through these.
    @property
    def shown_trained(self) -> int | TooFew:
        return for_group(self.trained, self.staff)

    @property
    def shown_trained_share(self) -> float | TooFew | None:
        return for_group(self.trained_share, self.staff)

    @property
    def shown_refreshers_overdue(self) -> int | TooFew:
        return for_group(self.refreshers_overdue, self.staff)

    @property
    def shown_new_staff_overdue(self) -> int | TooFew:
        return for_group(self.new_staff_overdue, self.staff)

    @property
    def shown_signals_trained(self) -> int | TooFew:
        return for_group(self.signals_trained, self.trained)

    @property
    def shown_signals_untrained(self) -> int | TooFew:
        return for_group(self.signals_untrained, self.untrained)

    @property
    def shown_signals_per_trained_worker(self) -> float | TooFew | None:
        return for_group(self.signals_per_trained_worker, self.trained)

    @property
    def shown_signals_per_untrained_worker(self) -> float | TooFew | None:
        return for_group(self.signals_per_untrained_worker, self.untrained)


def _rating(ratings: dict[int, tuple[int, int]], workers: list[int]) -> GroupRating:
    rated = [ratings[worker] for worker in workers if worker in ratings]
    return GroupRating(
        workers=len(workers),
        rated=len(rated),
        recognising=round(mean(float(r) for r, _a in rated), 1) if rated else None,
        acting=round(mean(float(a) for _r, a in rated), 1) if rated else None,
    )


def dashboard(
    organisation: Organisation, period: Period, *, today: date | None = None
) -> Dashboard:
    today = today or timezone.localdate()
    start, end = period.bounds()
    board = Dashboard(period=period)
    _training_figures(board, organisation, start, end, today)
    _screening_figures(board, organisation, period, start, end, today)
    _meldcode_figures(board, organisation, start, end, today)
    _registration_figures(board, organisation, start, end, today)
    board.designated_officers = [
        user.get_full_name() or user.username
        for user in User.objects.filter(
            organisation=organisation, is_active=True, role_grants__role=Role.DESIGNATED_OFFICER
        ).distinct()
    ]
    board.answers = _answers(board)
    return board


def _training_figures(
    board: Dashboard, organisation: Organisation, start: datetime, end: datetime, today: date
) -> None:
    staff = list(learning.staff_of(organisation.pk))
    policy = learning.policy_for(organisation)
    completions = learning.last_completions(staff)
    trained_ids: list[int] = []
    untrained_ids: list[int] = []
    for user in staff:
        progress = learning.progress_of(
            user=user, policy=policy, completions=completions, today=today
        )
        (trained_ids if is_trained(progress) else untrained_ids).append(user.pk)
        if has_overdue(progress):
            if any(p.state == ModuleState.REFRESHER_OVERDUE for p in progress):
                board.refreshers_overdue += 1
            if any(p.state == ModuleState.OVERDUE_FOR_NEW_STAFF for p in progress):
                board.new_staff_overdue += 1
    board.staff, board.trained = len(staff), len(trained_ids)

    latest: dict[int, tuple[int, int]] = {}
    for user_id, recognising, acting in (
        SelfAssessment.objects.filter(user__in=staff)
        .order_by("user_id", "-recorded_at")
        .values_list("user_id", "recognising", "acting")
    ):
        latest.setdefault(user_id, (recognising, acting))
    board.rating_trained = _rating(latest, trained_ids)
    board.rating_untrained = _rating(latest, untrained_ids)

    # The organisation's signals in the period per author, with those of high concern: one
    # pass over the signals for this and for the screening figures' count.
    per_author = (
        Signal.objects.filter(
            youth__organisation=organisation, recorded_at__gte=start, recorded_at__lt=end
        )
        .order_by()
        .values_list("recorded_by")
        .annotate(count=Count("id"), high=Count("id", filter=Q(concern=Concern.HIGH)))
        .values_list("recorded_by", "count", "high")
    )
    per_worker: dict[int, int] = {}
    for author, count, high in per_author:
        per_worker[author] = count
        board.high_concern_signals += high
    board.signals_trained = sum(per_worker.get(pk, 0) for pk in trained_ids)
    board.signals_untrained = sum(per_worker.get(pk, 0) for pk in untrained_ids)


def _screening_figures(
    board: Dashboard,
    organisation: Organisation,
    period: Period,
    start: datetime,
    end: datetime,
    today: date,
) -> None:
    youths = Youth.objects.filter(organisation=organisation)
    board.youths_in_care = youths.filter(
        Q(care_end__isnull=True) | Q(care_end__gte=period.start), care_start__lte=period.end
    ).count()
    completed = list(
        Screening.objects.filter(
            youth__organisation=organisation, completed_at__gte=start, completed_at__lt=end
        ).values_list("youth_id", "reason")
    )
    board.screenings_completed = len(completed)
    board.youths_screened = len({youth_id for youth_id, _reason in completed})
    board.repeat_screenings = sum(reason != ScreeningReason.INTAKE for _y, reason in completed)
    due = count_screenings_due(youths, today=today)
    board.screenings_overdue, board.screenings_due_soon = due.overdue, due.soon


def _meldcode_figures(
    board: Dashboard, organisation: Organisation, start: datetime, end: datetime, today: date
) -> None:
    counts = Trajectory.objects.filter(youth__organisation=organisation).aggregate(
        started=Count("id", filter=Q(started_at__gte=start, started_at__lt=end)),
        open=Count("id", filter=~Q(status=Status.CLOSED)),
        reviews_due=Count("id", filter=Q(status=Status.HELP, review_on__lte=today)),
    )
    board.trajectories_started = counts["started"]
    board.trajectories_open = counts["open"]
    board.reviews_due = counts["reviews_due"]
    board.reports_stalled = Report.objects.filter(
        trajectory__youth__organisation=organisation,
        feedback_on__isnull=True,
        expected_response_on__lt=today,
    ).count()


def _registration_figures(
    board: Dashboard, organisation: Organisation, start: datetime, end: datetime, today: date
) -> None:
    outbound = OutboundRegistration.objects.filter(youth__organisation=organisation).aggregate(
        submitted=Count("id", filter=Q(created_at__gte=start, created_at__lt=end)),
        undelivered=Count(
            "id", filter=~Q(status__in=[DeliveryStatus.DELIVERED, DeliveryStatus.CANCELLED])
        ),
    )
    board.registrations_submitted = outbound["submitted"]
    board.registrations_undelivered = outbound["undelivered"]
    tasks = RegistrationTask.objects.filter(youth__organisation=organisation)
    open_counts = tasks.filter(status=TaskStatus.OPEN).aggregate(
        open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today))
    )
    board.tasks_open, board.tasks_overdue = open_counts["open"], open_counts["overdue"]
    reasons = Counter(
        tasks.filter(
            status=TaskStatus.NOT_REGISTERED, decided_at__gte=start, decided_at__lt=end
        ).values_list("reason_not_kind", flat=True)
    )
    board.decided_against = sum(reasons.values())
    labels = dict(NotRegisteredReason.choices)
    board.decided_against_reasons = [
        (str(labels.get(kind, _("Not stated"))), count) for kind, count in reasons.most_common()
    ]
    policy = RegistrationPolicy.objects.filter(organisation=organisation).first()
    board.registrar = (
        policy.get_registrar_display()
        if policy
        else str(RegistrationPolicy().get_registrar_display())
    )


def _answers(board: Dashboard) -> list[Answer]:
    return [_screening_answer(board), _step_plan_answer(board), _registration_answer(board)]


def _screening_answer(board: Dashboard) -> Answer:
    question = _("Is a formal risk screening done?")
    if board.screenings_completed == 0:
        return Answer(question, "no", _("No screening was completed in this period."))
    detail = _(
        "Screenings completed: %(screenings)d, for %(screened)d of %(youths)d youths in care. "
        "During care rather than at intake: %(repeat)d. Youths overdue now: %(overdue)d."
    ) % {
        "screenings": board.screenings_completed,
        "screened": board.youths_screened,
        "youths": board.youths_in_care,
        "repeat": board.repeat_screenings,
        "overdue": board.screenings_overdue,
    }
    if board.repeat_screenings == 0:
        return Answer(question, "partly", _("Only at intake.") + " " + detail)
    verdict = "yes" if board.screenings_overdue == 0 else "partly"
    return Answer(question, verdict, detail)


def _step_plan_answer(board: Dashboard) -> Answer:
    question = _("Is the step plan (meldcode) used?")
    if board.trajectories_started:
        detail = _(
            "Meldcode trajectories started: %(started)d; open now: %(open)d. "
            "Reports awaiting feedback past the agreed date: %(stalled)d."
        ) % {
            "started": board.trajectories_started,
            "open": board.trajectories_open,
            "stalled": board.reports_stalled,
        }
        return Answer(question, "partly" if board.reports_stalled else "yes", detail)
    if board.high_concern_signals:
        return Answer(
            question,
            "no",
            _(
                "No trajectory was started, although signals of high concern were recorded: "
                "%(count)d."
            )
            % {"count": board.high_concern_signals},
        )
    return Answer(
        question,
        "no_occasion",
        _("No trajectory was started, and no signal of high concern was recorded."),
    )


def _registration_answer(board: Dashboard) -> Answer:
    question = _("Does the institution register?")
    who = _("Who registers, by policy: %(registrar)s.") % {"registrar": board.registrar}
    if board.registrations_submitted:
        detail = _(
            "Registrations submitted: %(submitted)d. Decisions pending: %(open)d, of which past "
            "their deadline: %(overdue)d. Decided not to register: %(against)d."
        ) % {
            "submitted": board.registrations_submitted,
            "open": board.tasks_open,
            "overdue": board.tasks_overdue,
            "against": board.decided_against,
        }
        return Answer(question, "partly" if board.tasks_overdue else "yes", f"{detail} {who}")
    if board.tasks_open or board.decided_against:
        detail = _(
            "No registration submitted in this period. Decisions pending: %(open)d. "
            "Decided not to register: %(against)d."
        ) % {"open": board.tasks_open, "against": board.decided_against}
        return Answer(question, "no", f"{detail} {who}")
    return Answer(
        question,
        "no_occasion",
        _("No suspicion was confirmed, so there was nothing to register.") + " " + who,
    )
