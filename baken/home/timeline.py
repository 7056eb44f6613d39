"""One chronological view of everything recorded about a youth.

Each kind of record is read in one query (and the signals' indicators in one more), with only
the columns the page shows: what it does not show is not decrypted (a daily report's text, a
screening's answers, a registration's payload)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from django.db import connection
from django.db.models import F, Model
from django.utils.translation import get_language

from baken.cases.models import Youth
from baken.meldcode.models import CaseConference, Status, Trajectory
from baken.registration.access import disclosures_shown
from baken.registration.models import (
    Disclosure,
    DisclosureStatus,
    FileNote,
    Objection,
    RegistrationTask,
    TaskStatus,
)
from baken.screening.models import Screening, ScreeningEvent, ScreeningPolicy, ScreeningStatus
from baken.signalling.models import Consultation, DailyReport, Signal


@dataclass(frozen=True)
class TimelineItem:
    kind: str  # "signal", "safety_note", "consultation", "screening", "registration", ...
    day: date
    at: datetime
    obj: Signal | DailyReport | Consultation | Screening | Disclosure | FileNote | RegistrationTask
    form_codes: frozenset[str] = field(default_factory=frozenset)
    indicators: tuple[str, ...] = ()  # a signal's indicators, in the active language


@dataclass(frozen=True)
class YouthRecords:
    """What the youth's page shows in more than one place, read once: on the timeline and in
    the panels (the screening schedule, the registration panel, the meldcode panel). Kinds of
    records that most youths have none of are looked up together first (`present`), and only
    those the youth has are read."""

    present: dict[str, bool]
    interval_days: int | None  # the organisation's screening interval, if it set one
    signals: Sequence[Signal]
    screenings: list[Screening]  # every screening, drafts too, the latest started first
    disclosures: list[Disclosure]  # every decision on disclosure but the declined ones
    tasks: list[RegistrationTask]  # open, or decided not to register

    @property
    def draft_screening(self) -> Screening | None:
        return next((s for s in self.screenings if s.status == ScreeningStatus.DRAFT), None)

    @property
    def open_screening(self) -> Screening | None:
        return next(
            (s for s in self.screenings if s.status == ScreeningStatus.AWAITING_NEXT_STEP), None
        )

    @property
    def open_tasks(self) -> list[RegistrationTask]:
        return [task for task in self.tasks if task.status == TaskStatus.OPEN]

    def events(self, youth: Youth) -> list[tuple[str, date]]:
        """The youth's screening events (kind, day), in the order they happened."""
        if not self.present["has_events"]:
            return []
        return list(
            ScreeningEvent.objects.filter(youth=youth)
            .order_by("occurred_on", "pk")
            .values_list("kind", "occurred_on")
        )


@cache
def _present_sql(vendor: str) -> str:
    """The query of `_present`: each kind of record a subquery of its own. Written as SQL: built
    from ORM expressions, its eight subqueries took Django longer to build and compile (about
    4 ms) than the six queries it saves. Only table names from the models and fixed text go
    into it; every value is a parameter."""
    quote = connection.ops.quote_name

    def some(model: type[Model], condition: str = "") -> str:
        table = quote(model._meta.db_table)
        return f"EXISTS (SELECT 1 FROM {table} WHERE youth_id = %s{condition})"  # noqa: S608

    policy = quote(ScreeningPolicy._meta.db_table)
    return (
        "SELECT "  # noqa: S608
        + ", ".join(
            [
                some(Consultation),
                some(Disclosure, " AND status <> %s"),
                some(Objection),
                some(FileNote),
                some(RegistrationTask, " AND status IN (%s, %s)"),
                some(Trajectory, " AND status <> %s"),
                some(CaseConference),
                some(ScreeningEvent),
                f"(SELECT interval_days FROM {policy} WHERE organisation_id = %s)",  # noqa: S608
            ]
        )
    )


PRESENT = (
    "has_consultations",
    "has_disclosures",
    "has_objections",
    "has_file_notes",
    "has_tasks",
    "has_open_trajectory",
    "has_conferences",
    "has_events",
)


def _present(youth: Youth) -> tuple[dict[str, bool], int | None]:
    """Which of the kinds of records that most youths have none of this youth has, and the
    organisation's screening interval (None when it set none), in one query."""
    params: list[int | str | None] = [
        youth.pk,
        youth.pk,
        DisclosureStatus.DECLINED,
        youth.pk,
        youth.pk,
        youth.pk,
        TaskStatus.OPEN,
        TaskStatus.NOT_REGISTERED,
        youth.pk,
        Status.CLOSED,
        youth.pk,
        youth.pk,
        youth.organisation_id,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_present_sql(connection.vendor), params)
        *flags, interval_days = cursor.fetchone()
    return dict(zip(PRESENT, map(bool, flags), strict=True)), interval_days


def read_records(youth: Youth) -> YouthRecords:
    present, interval_days = _present(youth)
    signals = list(
        Signal.objects.filter(youth=youth)
        .select_related("recorded_by")
        .annotate(corrects_observed_on=F("corrects__observed_on"))
    )
    screenings = list(
        Screening.objects.filter(youth=youth)
        .select_related("started_by")
        .defer("answers", "prefilled", "prefilled_from_file", "result", "next_step_reason")
        .order_by("-started_at", "-pk")
    )
    tasks = []
    if present["has_tasks"]:
        tasks = list(
            RegistrationTask.objects.filter(
                youth=youth, status__in=[TaskStatus.OPEN, TaskStatus.NOT_REGISTERED]
            )
        )
    return YouthRecords(
        present=present,
        interval_days=interval_days,
        signals=signals,
        screenings=screenings,
        disclosures=disclosures_shown(youth) if present["has_disclosures"] else [],
        tasks=tasks,
    )


def _indicators_of(youth: Youth) -> dict[int, tuple[list[str], set[str]]]:
    """Per signal of the youth: the texts of its indicators (in the catalogue's order) and the
    codes of their forms of exploitation, in one query over the links."""
    english = get_language() == "en"
    by_signal: dict[int, tuple[list[str], set[str]]] = {}
    seen: set[tuple[int, int]] = set()
    rows = (
        Signal.indicators.through.objects.filter(signal__youth=youth)
        .order_by("indicator__order", "indicator_id")
        .values_list(
            "signal_id",
            "indicator_id",
            "indicator__text_nl",
            "indicator__text_en",
            "indicator__forms__code",
        )
    )
    for signal_id, indicator_id, text_nl, text_en, form_code in rows:
        texts, codes = by_signal.setdefault(signal_id, ([], set()))
        if (signal_id, indicator_id) not in seen:
            seen.add((signal_id, indicator_id))
            texts.append(text_en if english else text_nl)
        if form_code is not None:
            codes.add(form_code)
    return by_signal


def build_timeline(
    youth: Youth, *, form_code: str = "", records: YouthRecords | None = None
) -> list[TimelineItem]:
    records = records or read_records(youth)
    indicators = _indicators_of(youth)
    items = []
    for signal in records.signals:
        texts, codes = indicators.get(signal.pk, ([], set()))
        items.append(
            TimelineItem(
                kind="signal",
                day=signal.observed_on,
                at=signal.recorded_at,
                obj=signal,
                form_codes=frozenset(codes),
                indicators=tuple(texts),
            )
        )
    if form_code:
        items = [item for item in items if form_code in item.form_codes]
        return sorted(items, key=lambda item: (item.day, item.at), reverse=True)
    # A report without a safety note is stored with none (NULL): only those with one are read.
    reports = (
        DailyReport.objects.filter(youth=youth, safety_note__isnull=False)
        .select_related("author")
        .defer("text")
    )
    items += [
        TimelineItem(kind="safety_note", day=r.report_date, at=r.created_at, obj=r)
        for r in reports
        if r.safety_note
    ]
    if records.present["has_consultations"]:
        consultations = Consultation.objects.filter(youth=youth).select_related(
            "requested_by", "addressed_to", "concluded_by"
        )
        items += [
            TimelineItem(kind="consultation", day=c.requested_at.date(), at=c.requested_at, obj=c)
            for c in consultations
        ]
    items += [
        TimelineItem(kind="screening", day=s.completed_at.date(), at=s.completed_at, obj=s)
        for s in records.screenings
        if s.status != ScreeningStatus.DRAFT and s.completed_at is not None
    ]
    items += [
        TimelineItem(kind="registration", day=d.decided_at.date(), at=d.decided_at, obj=d)
        for d in records.disclosures
        if d.status in (DisclosureStatus.DECIDED, DisclosureStatus.WITHDRAWN)
    ]
    if records.present["has_file_notes"]:
        items += [
            TimelineItem(kind="file_note", day=n.written_at.date(), at=n.written_at, obj=n)
            for n in FileNote.objects.filter(youth=youth).select_related("written_by")
        ]
    items += [
        TimelineItem(kind="not_registered", day=t.decided_at.date(), at=t.decided_at, obj=t)
        for t in records.tasks
        if t.status == TaskStatus.NOT_REGISTERED and t.decided_at is not None
    ]
    return sorted(items, key=lambda item: (item.day, item.at), reverse=True)
