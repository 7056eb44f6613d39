"""One chronological view of everything recorded about a youth."""

from dataclasses import dataclass, field
from datetime import date, datetime

from baken.cases.models import Youth
from baken.registration.models import (
    Disclosure,
    DisclosureStatus,
    FileNote,
    RegistrationTask,
    TaskStatus,
)
from baken.screening.models import Screening, ScreeningStatus
from baken.signalling.models import Consultation, DailyReport, Signal


@dataclass(frozen=True)
class TimelineItem:
    kind: str  # "signal", "safety_note", "consultation", "screening", "registration", ...
    day: date
    at: datetime
    obj: Signal | DailyReport | Consultation | Screening | Disclosure | FileNote | RegistrationTask
    form_codes: frozenset[str] = field(default_factory=frozenset)


def build_timeline(youth: Youth, *, form_code: str = "") -> list[TimelineItem]:
    signals = (
        Signal.objects.filter(youth=youth)
        .select_related("recorded_by", "corrects")
        .prefetch_related("indicators__forms")
    )
    items = [
        TimelineItem(
            kind="signal",
            day=signal.observed_on,
            at=signal.recorded_at,
            obj=signal,
            form_codes=frozenset(
                form.code for indicator in signal.indicators.all() for form in indicator.forms.all()
            ),
        )
        for signal in signals
    ]
    if not form_code:
        reports = DailyReport.objects.filter(youth=youth).select_related("author")
        items += [
            TimelineItem(kind="safety_note", day=r.report_date, at=r.created_at, obj=r)
            for r in reports
            if r.safety_note
        ]
        consultations = Consultation.objects.filter(youth=youth).select_related(
            "requested_by", "addressed_to", "concluded_by"
        )
        items += [
            TimelineItem(kind="consultation", day=c.requested_at.date(), at=c.requested_at, obj=c)
            for c in consultations
        ]
        screenings = Screening.objects.filter(youth=youth).exclude(status=ScreeningStatus.DRAFT)
        items += [
            TimelineItem(kind="screening", day=s.completed_at.date(), at=s.completed_at, obj=s)
            for s in screenings.select_related("started_by")
            if s.completed_at is not None
        ]
        disclosures = (
            Disclosure.objects.filter(
                youth=youth, status__in=[DisclosureStatus.DECIDED, DisclosureStatus.WITHDRAWN]
            )
            .select_related("decided_by", "registration")
            .prefetch_related("parties__guardian")
        )
        items += [
            TimelineItem(kind="registration", day=d.decided_at.date(), at=d.decided_at, obj=d)
            for d in disclosures
        ]
        items += [
            TimelineItem(kind="file_note", day=n.written_at.date(), at=n.written_at, obj=n)
            for n in FileNote.objects.filter(youth=youth).select_related("written_by")
        ]
        items += [
            TimelineItem(kind="not_registered", day=t.decided_at.date(), at=t.decided_at, obj=t)
            for t in RegistrationTask.objects.filter(youth=youth, status=TaskStatus.NOT_REGISTERED)
            if t.decided_at is not None
        ]
    else:
        items = [item for item in items if form_code in item.form_codes]
    return sorted(items, key=lambda item: (item.day, item.at), reverse=True)
