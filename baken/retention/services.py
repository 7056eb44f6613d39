"""Destroying youths' files: when the retention term has passed (`baken purge`), or on request
of the youth or their parents (Jeugdwet art. 7.3.9), through the privacy officer; and keeping a
file longer where careful care needs it.

A file is the youth with everything recorded about them: guardians, the name index,
break-the-glass accesses, signals, daily reports, consultations, screenings, meldcode
trajectories (steps, reports, escalations, case conferences and their actions) and
registration tasks, decisions on disclosure (with the persons' consent), objections, notes
and outbox rows. The models protect these rows from accidental deletion;
this module deletes them deliberately, children first. Each destruction is one transaction with
its audit entry, which names the youth only by pseudonymous id and counts what was removed.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baken.accounts.models import Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.cases.models import EmergencyAccess, Youth
from baken.meldcode.models import (
    CaseConference,
    ConferenceAction,
    Escalation,
    Report,
    StepRecord,
    Trajectory,
)
from baken.registration.models import (
    Disclosure,
    FileNote,
    Objection,
    OutboundRegistration,
    RegistrationTask,
)
from baken.retention.models import RetentionHold
from baken.retention.policy import is_due, retention_ends
from baken.screening.models import Screening, ScreeningEvent
from baken.signalling.models import Consultation, DailyReport, Signal

MIN_REASON_LENGTH = 10
NO_EXCEPTION_NOT_CONFIRMED = gettext_lazy(
    "Confirm that keeping the file is not of considerable importance to someone else and that "
    "no statutory provision forbids destroying it."
)

# Every dated record that changes a file: (model, path from the record to its youth, fields).
# Planned dates (a review, a due date) are not changes and are left out.
FILE_RECORDS: list[tuple[type[Model], str, list[str]]] = [
    (EmergencyAccess, "youth", ["granted_at", "reviewed_at"]),
    (Signal, "youth", ["recorded_at"]),
    (DailyReport, "youth", ["created_at"]),
    (Consultation, "youth", ["requested_at", "concluded_at"]),
    (ScreeningEvent, "youth", ["recorded_at"]),
    (Screening, "youth", ["started_at", "completed_at", "closed_at"]),
    (Trajectory, "youth", ["started_at", "closed_at"]),
    (StepRecord, "trajectory__youth", ["recorded_at"]),
    (Report, "trajectory__youth", ["created_at", "feedback_on"]),
    (Escalation, "report__trajectory__youth", ["at"]),
    (CaseConference, "youth", ["held_on"]),
    (ConferenceAction, "conference__youth", ["done_on"]),
    (RegistrationTask, "youth", ["created_at", "decided_at"]),
    (OutboundRegistration, "youth", ["created_at", "delivered_at"]),
    (Disclosure, "youth", ["decided_at", "withdrawn_at"]),
    (Objection, "youth", ["recorded_at"]),
    (FileNote, "youth", ["written_at"]),
]


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def last_records(youth_ids: Iterable[int]) -> dict[int, date]:
    """The newest dated record in each youth's file (the youth's own creation included)."""
    ids = list(youth_ids)
    newest: dict[int, date] = {}

    def note(youth_id: int, value: date | datetime | None) -> None:
        day = _as_date(value)
        if day is not None and (youth_id not in newest or day > newest[youth_id]):
            newest[youth_id] = day

    for youth_id, created_at in Youth.objects.filter(pk__in=ids).values_list("pk", "created_at"):
        note(youth_id, created_at)
    for model, path, fields in FILE_RECORDS:
        rows = (
            model._default_manager.filter(**{f"{path}__in": ids})
            .values(path)
            .annotate(**{f"last_{name}": Max(name) for name in fields})
        )
        for row in rows:
            for name in fields:
                note(row[path], row[f"last_{name}"])
    return newest


@dataclass(frozen=True)
class DueFile:
    youth_id: int
    pseudonym: str
    organisation: str
    care_end: date
    last_change: date
    retention_ends: date


def case_files_due(*, today: date) -> list[DueFile]:
    """Files whose retention term has passed: care ended, and `YOUTH_FILE_RETENTION_YEARS`
    (at least 20) since the last change, and past any longer retention decided for them."""
    years = settings.YOUTH_FILE_RETENTION_YEARS
    # The term runs from a change on or after the end of care, so only these can be due.
    candidates = list(
        Youth.objects.filter(care_end__isnull=False, care_end__lte=today)
        .select_related("organisation", "retention_hold")
        .order_by("care_end", "pseudonym")
    )
    newest = last_records(y.pk for y in candidates)
    due = []
    for youth in candidates:
        hold = getattr(youth, "retention_hold", None)
        care_end = youth.care_end
        if care_end is None:
            continue
        ends = retention_ends(
            care_end=care_end,
            last_record=newest.get(youth.pk),
            years=years,
            keep_until=hold.keep_until if hold else None,
        )
        if ends is not None and is_due(ends, today=today):
            due.append(
                DueFile(
                    youth_id=youth.pk,
                    pseudonym=youth.pseudonym,
                    organisation=youth.organisation.name,
                    care_end=care_end,
                    last_change=max(care_end, newest.get(youth.pk, care_end)),
                    retention_ends=ends,
                )
            )
    return due


def _delete(queryset: QuerySet[Model], removed: Counter[str]) -> None:
    _total, per_model = queryset.delete()
    for label, count in per_model.items():
        if count:
            removed[label.split(".")[-1].lower()] += count


def _delete_file(youth: Youth) -> Counter[str]:
    """Children first, so no protected reference is left behind."""
    removed: Counter[str] = Counter()
    _delete(CaseConference.objects.filter(Q(youth=youth) | Q(trajectory__youth=youth)), removed)
    _delete(Report.objects.filter(trajectory__youth=youth), removed)
    _delete(Trajectory.objects.filter(youth=youth), removed)
    _delete(FileNote.objects.filter(youth=youth), removed)
    _delete(Disclosure.objects.filter(youth=youth), removed)
    _delete(Objection.objects.filter(youth=youth), removed)
    _delete(OutboundRegistration.objects.filter(youth=youth), removed)
    _delete(RegistrationTask.objects.filter(youth=youth), removed)
    _delete(Screening.objects.filter(youth=youth), removed)
    _delete(ScreeningEvent.objects.filter(youth=youth), removed)
    Signal.objects.filter(youth=youth).update(corrects=None, daily_report=None)
    _delete(Signal.objects.filter(youth=youth), removed)
    _delete(DailyReport.objects.filter(youth=youth), removed)
    _delete(Consultation.objects.filter(youth=youth), removed)
    _delete(Youth.objects.filter(pk=youth.pk), removed)
    return removed


def _summary(removed: Counter[str]) -> str:
    return ", ".join(f"{label} {count}" for label, count in sorted(removed.items()))


@transaction.atomic
def destroy_due_case_file(*, due: DueFile) -> Counter[str]:
    """Destroy one file found by `case_files_due` (run by `baken purge --apply`)."""
    youth = Youth.objects.select_for_update().get(pk=due.youth_id)
    removed = _delete_file(youth)
    log_access(
        event=AuditEvent.DELETE,
        user=None,
        username="baken purge",
        object_type="youth",
        object_id=due.youth_id,
        youth_pseudonym=due.pseudonym,
        detail=(
            f"case file destroyed: retention term passed on {due.retention_ends.isoformat()} "
            f"(Jeugdwet art. 7.3.8); removed: {_summary(removed)}"
        )[:500],
    )
    return removed


class RequestedBy(models.TextChoices):
    """Who may ask (art. 7.3.9): the youth of twelve or older who can reasonably judge their
    interests; for a younger child, the parents with parental authority or the guardian."""

    YOUTH = "youth", gettext_lazy("The youth (12 or older)")
    PARENT = "parent", gettext_lazy("A parent with parental authority")
    GUARDIAN = "guardian", gettext_lazy("The guardian")


def case_file_contents(*, youth: Youth) -> Counter[str]:
    """What destroying the file would remove now, by kind (the model's name, as in the audit
    entry's summary). Counted by the destruction itself in a transaction that is always rolled
    back, so what is shown before is exactly what goes; nothing is kept or logged."""
    with transaction.atomic():
        removed = _delete_file(youth)
        transaction.set_rollback(True)
    return removed


def _require_privacy_officer(youth: Youth, by: User) -> None:
    if not by.has_role(Role.PRIVACY_OFFICER) or by.organisation_id != youth.organisation_id:
        raise ValidationError(
            _("Only the privacy officer of the youth's organisation can do this.")
        )


@transaction.atomic
def destroy_case_file_on_request(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    received_on: date,
    requested_by: str,
    no_exception_applies: bool,
) -> Counter[str]:
    """Destroy a file on the written request of the youth (12 or older) or their parents or
    guardian (Jeugdwet art. 7.3.9), before its term. The privacy officer confirms that neither
    exception applies: keeping it is not of considerable importance to someone else, and no
    statutory provision forbids destruction. The law gives three months from the request."""
    _require_privacy_officer(youth, by)
    # Keyed by the parameter's name, so a form with fields of these names shows each at its field.
    if requested_by not in RequestedBy.values:
        raise ValidationError({"requested_by": _("Say who asked for the destruction.")})
    if received_on > timezone.localdate():
        raise ValidationError(
            {"received_on": _("The request cannot have been received in the future.")}
        )
    if not no_exception_applies:
        raise ValidationError({"no_exception_applies": NO_EXCEPTION_NOT_CONFIRMED})
    pseudonym, youth_id = youth.pseudonym, youth.pk
    removed = _delete_file(youth)
    log_access(
        event=AuditEvent.DELETE,
        user=by,
        request=request,
        object_type="youth",
        object_id=youth_id,
        youth_pseudonym=pseudonym,
        detail=(
            f"case file destroyed on request (Jeugdwet art. 7.3.9) of the {requested_by}, "
            f"received {received_on.isoformat()}; removed: {_summary(removed)}"
        )[:500],
    )
    return removed


@transaction.atomic
def keep_case_file_longer(
    *, youth: Youth, by: User, request: HttpRequest | None, until: date, reason: str
) -> RetentionHold:
    """Keep a file past its term where careful care needs it (art. 7.3.8: "or so much longer
    as follows from the care of a good youth-care provider"). Decided by the designated
    officer, a behavioural scientist or the privacy officer of the youth's organisation."""
    if (
        not by.has_role(Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.PRIVACY_OFFICER)
        or by.organisation_id != youth.organisation_id
    ):
        raise ValidationError(_("You cannot decide on this youth's retention."))
    if until <= timezone.localdate():
        raise ValidationError(_("Choose a date in the future."))
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Give a reason of at least %(count)d characters."),
            params={"count": MIN_REASON_LENGTH},
        )
    hold, _created = RetentionHold.objects.update_or_create(
        youth=youth,
        defaults={
            "keep_until": until,
            "reason": reason.strip(),
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="retention_hold",
        object_id=hold.pk,
        youth_pseudonym=youth.pseudonym,
        detail=f"file kept until {until.isoformat()}",
    )
    return hold
