"""Starting, answering, completing and following up screenings; events; the schedule."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, DateField, Max, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.models import Organisation, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access, log_object_access
from baken.cases.models import Youth
from baken.screening.models import (
    DEFAULT_INTERVAL_DAYS,
    EventKind,
    Instrument,
    NextStep,
    Screening,
    ScreeningEvent,
    ScreeningPolicy,
    ScreeningStatus,
    check_transition,
)
from baken.screening.schedule import (
    INTAKE_DAYS,
    SOON_DAYS,
    TRIGGER_DAYS,
    Due,
    Trigger,
    next_screening,
)
from baken.screening.scoring import check_answers, needs_next_step, score_screening
from baken.signalling.models import Concern, Signal
from baken.signalling.services import request_consultation

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

MIN_REASON_LENGTH = 10


def policy_for(organisation: Organisation) -> ScreeningPolicy:
    """The organisation's policy; until someone sets one, the defaults with the newest instrument
    (not saved: reading writes nothing)."""
    policy = (
        ScreeningPolicy.objects.filter(organisation=organisation)
        .select_related("instrument")
        .first()
    )
    if policy is None:
        policy = ScreeningPolicy(
            organisation=organisation, instrument=Instrument.objects.order_by("-published_on")[0]
        )
    return policy


@transaction.atomic
def set_policy(
    *,
    organisation: Organisation,
    by: User,
    request: HttpRequest | None,
    instrument: Instrument,
    interval_days: int,
) -> ScreeningPolicy:
    """Adopt an instrument version and interval. Earlier screenings keep their own version."""
    policy = policy_for(organisation)
    policy.instrument = instrument
    policy.interval_days = interval_days
    policy.full_clean()
    policy.save()
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="screening_policy",
        object_id=policy.pk,
        detail=f"instrument {instrument.version}, every {interval_days} days",
    )
    return policy


def last_closed_screening(youth: Youth) -> Screening | None:
    return youth.screenings.filter(status=ScreeningStatus.CLOSED).order_by("-started_at").first()


def _prefill(instrument: Instrument, youth: Youth) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Questions pointed to by indicators in the signal log since the last screening."""
    last = last_closed_screening(youth)
    signals = Signal.objects.filter(youth=youth).prefetch_related("indicators")
    if last is not None:
        signals = signals.filter(recorded_at__gt=last.started_at)
    seen: dict[str, list[str]] = {}
    for signal in signals:
        for indicator in signal.indicators.all():
            seen.setdefault(indicator.code, []).append(
                f"{signal.observed_on.isoformat()}: {indicator.text}"
            )
    answers: dict[str, str] = {}
    sources: dict[str, list[str]] = {}
    for section in instrument.sections():
        for question in section["questions"]:
            found = [line for code in question.get("indicators", []) for line in seen.get(code, [])]
            if found:
                answers[question["code"]] = "yes"
                sources[question["code"]] = found
    return answers, sources


# Events in the case file that show a risk factor, so they pre-mark its questions too.
EVENT_RISK_FACTORS: dict[str, str] = {EventKind.MISSING_RETURN: "missing-episodes"}


def _prefill_from_file(instrument: Instrument, youth: Youth) -> dict[str, list[str]]:
    """Questions pointed to (by their `risk_factors`) by what the case file records: the youth's
    risk factors, and events that show one (a return after a missing episode)."""
    found: dict[str, list[str]] = {}
    for factor in youth.risk_factors.all():
        found.setdefault(factor.code, []).append(str(factor))
    for event in youth.screening_events.filter(kind__in=list(EVENT_RISK_FACTORS)):
        found.setdefault(EVENT_RISK_FACTORS[event.kind], []).append(
            f"{event.occurred_on.isoformat()}: {event.get_kind_display()}"
        )
    lines: dict[str, list[str]] = {}
    for section in instrument.sections():
        for question in section["questions"]:
            hits = [
                line for code in question.get("risk_factors", []) for line in found.get(code, [])
            ]
            if hits:
                lines[question["code"]] = hits
    return lines


@transaction.atomic
def start_screening(
    *, youth: Youth, by: User, request: HttpRequest | None, reason: str
) -> Screening:
    """Start a screening with the organisation's instrument, pre-marked from the signal log and
    from the risk factors in the case file."""
    if youth.screenings.filter(status=ScreeningStatus.DRAFT).exists():
        raise ValidationError(_("A screening of this youth is already being filled in."))
    instrument = policy_for(youth.organisation).instrument
    answers, sources = _prefill(instrument, youth)
    from_file = _prefill_from_file(instrument, youth)
    answers |= dict.fromkeys(from_file, "yes")
    screening = Screening.objects.create(
        youth=youth,
        instrument=instrument,
        reason=reason,
        started_by=by,
        answers=answers,
        prefilled=sources,
        prefilled_from_file=from_file,
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=screening,
        youth_pseudonym=youth.pseudonym,
    )
    return screening


def _indicators_behind_prefill(screening: Screening) -> frozenset[str]:
    """The indicator codes from the signal log that pre-marked this screening's questions."""
    return frozenset(
        code
        for section in screening.instrument.sections()
        for question in section["questions"]
        if question["code"] in screening.prefilled
        for code in question.get("indicators", [])
    )


@transaction.atomic
def save_answers(
    *,
    screening: Screening,
    by: User,
    request: HttpRequest | None,
    answers: dict[str, str],
    complete: bool,
) -> Screening:
    """Save the answers; with `complete`, score them. Elevated or high concern then waits for a
    next step; anything else closes the screening."""
    if not screening.is_draft:
        raise ValidationError(_("This screening has been completed and cannot be changed."))
    problems = check_answers(screening.instrument.definition, answers)
    if problems:
        raise ValidationError("; ".join(problems))
    screening.answers = answers
    if complete:
        result = score_screening(
            screening.instrument.definition,
            answers,
            recorded_indicators=_indicators_behind_prefill(screening),
        )
        screening.result = result.to_dict()
        screening.overall = result.overall
        screening.completed_at = timezone.now()
        new_status = (
            ScreeningStatus.AWAITING_NEXT_STEP
            if needs_next_step(result.overall)
            else ScreeningStatus.CLOSED
        )
        check_transition(screening.status, new_status)
        screening.status = new_status
        # A score is decision support, not a confirmed suspicion: it opens no registration task
        # (that follows a meldcode decision or a designated officer's conclusion).
        if new_status == ScreeningStatus.CLOSED:
            screening.closed_by = by
            screening.closed_at = screening.completed_at
    screening.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=screening,
        youth_pseudonym=screening.youth.pseudonym,
    )
    return screening


@transaction.atomic
def choose_next_step(
    *,
    screening: Screening,
    by: User,
    request: HttpRequest | None,
    next_step: str,
    reason: str = "",
    consultant: User | None = None,
    question: str = "",
) -> Screening:
    """Close an elevated or high screening with its next step: a consultation request (made
    here), the meldcode, or a recorded reason for neither. The meldcode is chosen through
    `meldcode.services.continue_screening_in_meldcode`, which calls this and starts (or
    continues) the trajectory in the same transaction."""
    check_transition(screening.status, ScreeningStatus.CLOSED)
    if screening.status != ScreeningStatus.AWAITING_NEXT_STEP:
        raise ValidationError(_("This screening does not need a next step."))
    if next_step == NextStep.CONSULTATION:
        if consultant is None:
            raise ValidationError(_("Choose whom to ask for consultation."))
        screening.consultation = request_consultation(
            youth=screening.youth,
            by=by,
            request=request,
            addressed_to=consultant,
            question=question or _("Screening result: please consult."),
        )
    elif next_step == NextStep.NEITHER:
        if len(reason.strip()) < MIN_REASON_LENGTH:
            raise ValidationError(
                _("Explain in at least %(count)d characters why neither is needed."),
                params={"count": MIN_REASON_LENGTH},
            )
    elif next_step != NextStep.MELDCODE:
        raise ValidationError(_("Choose a next step."))
    screening.next_step = next_step
    screening.next_step_reason = reason.strip() or None
    screening.status = ScreeningStatus.CLOSED
    screening.closed_by = by
    screening.closed_at = timezone.now()
    screening.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=screening,
        youth_pseudonym=screening.youth.pseudonym,
    )
    return screening


@transaction.atomic
def record_event(
    *, youth: Youth, by: User, request: HttpRequest | None, kind: str, occurred_on: date, note: str
) -> ScreeningEvent:
    if occurred_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    event = ScreeningEvent.objects.create(
        youth=youth, kind=kind, occurred_on=occurred_on, note=note.strip() or None, recorded_by=by
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=event,
        youth_pseudonym=youth.pseudonym,
    )
    return event


@dataclass(frozen=True)
class DueScreening:
    youth: Youth
    due: Due


if TYPE_CHECKING:

    class ScreeningDueOn(TypedDict):
        screening_due_on: date

    YouthsWithDue = QuerySet[WithAnnotations[Youth, ScreeningDueOn]]


def with_screening_due(youths: QuerySet[Youth], *, today: date | None = None) -> "YouthsWithDue":
    """The youths in care, each annotated with `screening_due_on`: the date
    `schedule.next_screening` gives, computed in the database, so that a list can be filtered,
    ordered, counted and paginated there (a test holds the query to the rule)."""
    today = today or timezone.localdate()
    sql, params = _due_on_sql()
    return youths.filter(Q(care_end__isnull=True) | Q(care_end__gte=today)).annotate(
        screening_due_on=RawSQL(sql, params, output_field=DateField())  # noqa: S611 - see below
    )


def _due_on_sql() -> tuple[str, list[object]]:
    """`schedule.next_screening` in SQL, for the youth of the row (the outer query's youth
    table): the earliest of intake (`INTAKE_DAYS` after the start of care, while never screened),
    periodic (the organisation's interval after the last closed screening, by its local date),
    and `TRIGGER_DAYS` after the first event or signal of high concern after that screening.
    The last screening's date is looked up once per youth (the inner `facts`), and the events and
    signals of high concern in one subquery.

    Written as SQL rather than built from ORM expressions: the nested subqueries took Django
    longer to build and compile (about 14 ms a list) than the database to run them. Only table
    names from the models and fixed text go into the SQL (S608); every value is a parameter."""
    ops, quote = connection.ops, connection.ops.quote_name
    youth = quote(Youth._meta.db_table)

    def add_days(sql: str, days: str) -> str:
        if connection.vendor == "sqlite":
            return f"date({sql}, '+' || ({days}) || ' days')"
        return f"({sql} + {days})"  # PostgreSQL: date + integer is a date

    # PostgreSQL would fold `facts` into the expressions that use it, and look the date up again
    # in each; OFFSET 0 keeps it a subquery of its own, computed once.
    fence = "" if connection.vendor == "sqlite" else " OFFSET 0"
    local_date, tz_params = ops.datetime_cast_date_sql(
        "s.started_at", (), timezone.get_current_timezone_name()
    )
    facts = (
        f"(SELECT (SELECT {local_date} FROM {quote(Screening._meta.db_table)} s"  # noqa: S608
        f" WHERE s.youth_id = {youth}.id AND s.status = %s"
        " ORDER BY s.started_at DESC LIMIT 1) AS last_on,"
        f" COALESCE((SELECT p.interval_days FROM {quote(ScreeningPolicy._meta.db_table)} p"
        f" WHERE p.organisation_id = {youth}.organisation_id), %s) AS interval_days{fence}) facts"
    )
    first_trigger = (
        "(SELECT MIN(triggers.on_date) FROM ("  # noqa: S608
        f"SELECT e.occurred_on AS on_date FROM {quote(ScreeningEvent._meta.db_table)} e"
        f" WHERE e.youth_id = {youth}.id AND e.occurred_on > COALESCE(facts.last_on, %s)"
        f" UNION ALL SELECT g.observed_on FROM {quote(Signal._meta.db_table)} g"
        f" WHERE g.youth_id = {youth}.id AND g.concern = %s"
        " AND g.observed_on > COALESCE(facts.last_on, %s)) triggers)"
    )
    least = "MIN" if connection.vendor == "sqlite" else "LEAST"  # SQLite's MIN of several values
    sql = (
        f"(SELECT {least}("  # noqa: S608
        f"COALESCE({add_days('facts.last_on', 'facts.interval_days')},"
        f" {add_days(f'{youth}.care_start', '%s')}),"
        f" COALESCE({add_days(first_trigger, '%s')}, %s))"
        f" FROM {facts})"
    )
    before_all = ops.adapt_datefield_value(date.min)
    params: list[object] = [
        INTAKE_DAYS,
        before_all,
        Concern.HIGH,
        before_all,
        TRIGGER_DAYS,
        ops.adapt_datefield_value(date.max),
        *tz_params,
        ScreeningStatus.CLOSED,
        DEFAULT_INTERVAL_DAYS,
    ]
    return sql, params


def screenings_due(youths: QuerySet[Youth], *, today: date | None = None) -> "YouthsWithDue":
    """Youths whose screening is overdue or due within SOON_DAYS, earliest first."""
    today = today or timezone.localdate()
    return (
        with_screening_due(youths, today=today)
        .filter(screening_due_on__lte=today + timedelta(days=SOON_DAYS))
        .order_by("screening_due_on", "pseudonym")
    )


@dataclass(frozen=True)
class DueCounts:
    overdue: int
    soon: int  # due within SOON_DAYS, not overdue


def count_screenings_due(youths: QuerySet[Youth], *, today: date | None = None) -> DueCounts:
    today = today or timezone.localdate()
    counts = with_screening_due(youths, today=today).aggregate(
        overdue=Count("pk", filter=Q(screening_due_on__lt=today)),
        soon=Count(
            "pk",
            filter=Q(
                screening_due_on__gte=today,
                screening_due_on__lte=today + timedelta(days=SOON_DAYS),
            ),
        ),
    )
    return DueCounts(overdue=counts["overdue"], soon=counts["soon"])


def screening_schedule(youths: Iterable[Youth], *, today: date | None = None) -> list[DueScreening]:
    """The next due screening of each of these youths who is in care, with its reason, in the
    given order (a page of `screenings_due`, or one youth): `schedule.next_screening` on their
    screenings, events and signals of high concern, in a fixed number of queries."""
    today = today or timezone.localdate()
    rows = [youth for youth in youths if youth.care_end is None or youth.care_end >= today]
    ids = [youth.pk for youth in rows]
    if not ids:
        return []
    last_started = dict(
        Screening.objects.filter(youth_id__in=ids, status=ScreeningStatus.CLOSED)
        .values_list("youth_id")
        .annotate(last=Max("started_at"))
        .values_list("youth_id", "last")
    )
    events: dict[int, list[Trigger]] = {}
    for youth_id, kind, on in (
        ScreeningEvent.objects.filter(youth_id__in=ids)
        .order_by("occurred_on", "pk")
        .values_list("youth_id", "kind", "occurred_on")
    ):
        events.setdefault(youth_id, []).append(Trigger(on=on, kind=kind))
    for youth_id, on in (
        Signal.objects.filter(youth_id__in=ids, concern=Concern.HIGH)
        .order_by("observed_on", "pk")
        .values_list("youth_id", "observed_on")
    ):
        events.setdefault(youth_id, []).append(Trigger(on=on, kind="high_concern"))
    intervals = dict(
        ScreeningPolicy.objects.filter(
            organisation_id__in={y.organisation_id for y in rows}
        ).values_list("organisation_id", "interval_days")
    )
    schedule = []
    for youth in rows:
        last = last_started.get(youth.pk)
        due = next_screening(
            care_start=youth.care_start,
            last_screening_on=timezone.localtime(last).date() if last else None,
            interval_days=intervals.get(youth.organisation_id, DEFAULT_INTERVAL_DAYS),
            triggers=events.get(youth.pk, []),
            today=today,
        )
        schedule.append(DueScreening(youth=youth, due=due))
    return schedule


def next_screening_of(
    youth: Youth,
    *,
    screenings: Iterable[Screening],
    signals: Iterable[Signal],
    events: Iterable[tuple[str, date]],
    interval_days: int | None,
    today: date | None = None,
) -> Due | None:
    """`screening_schedule` for the one youth whose page has read their screenings, signals,
    screening events (kind, day; in the order they happened) and their organisation's interval
    (None: the default) already: the same answer, without queries of its own."""
    today = today or timezone.localdate()
    if youth.care_end is not None and youth.care_end < today:
        return None
    last = max(
        (s.started_at for s in screenings if s.status == ScreeningStatus.CLOSED), default=None
    )
    triggers = [Trigger(on=on, kind=kind) for kind, on in events]
    triggers += [
        Trigger(on=observed_on, kind="high_concern")
        for observed_on, _pk in sorted(
            (s.observed_on, s.pk) for s in signals if s.concern == Concern.HIGH
        )
    ]
    return next_screening(
        care_start=youth.care_start,
        last_screening_on=timezone.localtime(last).date() if last else None,
        interval_days=DEFAULT_INTERVAL_DAYS if interval_days is None else interval_days,
        triggers=triggers,
        today=today,
    )
