"""The meldcode's actions. Each checks the allowed moves, writes its audit entry in the same
transaction, and raises ValidationError with a message the user can act on."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.models import Organisation, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access, log_object_access
from baken.cases.models import Youth
from baken.meldcode import decision
from baken.meldcode.models import (
    TRANSITIONS,
    CaseConference,
    ConferenceAction,
    Escalation,
    FollowUp,
    MeldcodePolicy,
    Report,
    ReportTo,
    Status,
    StepRecord,
    Trajectory,
)
from baken.partners.models import Partner
from baken.registration.models import Trigger
from baken.registration.services import open_registration_task
from baken.screening import services as screening_services
from baken.screening.models import NextStep as ScreeningNextStep
from baken.screening.models import Screening, ScreeningStatus
from baken.signalling import services as signalling_services
from baken.signalling.models import Consultation, NextStep, Signal

MIN_REASON = 10
CONSULTED_KINDS = ("colleague", "veilig_thuis", "expert")


def _move(trajectory: Trajectory, new: str) -> None:
    if new not in TRANSITIONS[trajectory.status]:
        raise ValidationError(
            _("This trajectory cannot go from %(old)s to %(new)s."),
            params={"old": trajectory.get_status_display(), "new": new},
        )
    trajectory.status = new
    if new == Status.CLOSED:
        trajectory.closed_at = timezone.now()


def policy_for(organisation: Organisation) -> MeldcodePolicy:
    """The organisation's policy; until someone sets one, the defaults (not saved: reading writes
    nothing)."""
    policy = MeldcodePolicy.objects.filter(organisation=organisation).first()
    return policy or MeldcodePolicy(organisation=organisation)


@transaction.atomic
def set_policy(
    *,
    organisation: Organisation,
    by: User,
    request: HttpRequest | None,
    framework_in_step: int,
    response_days: int,
) -> MeldcodePolicy:
    """Where the afwegingskader sits and how long a report may wait for feedback."""
    policy = policy_for(organisation)
    policy.framework_in_step = framework_in_step
    policy.response_days = response_days
    policy.full_clean()
    policy.save()
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="meldcode_policy",
        object_id=policy.pk,
        detail=f"afwegingskader in step {framework_in_step}, feedback within {response_days} days",
    )
    return policy


def signal_summary(youth: Youth) -> str:
    """Step 1 starts from the signal log: every signal of the youth, oldest first."""
    lines = []
    for signal in (
        Signal.objects.filter(youth=youth).order_by("observed_on").prefetch_related("indicators")
    ):
        parts = [indicator.text for indicator in signal.indicators.all()]
        if signal.note:
            parts.append(signal.note)
        lines.append(f"{signal.observed_on.isoformat()}: {'; '.join(parts)}")
    return "\n".join(lines)


@transaction.atomic
def start_trajectory(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    signal: Signal | None = None,
    consultation: Consultation | None = None,
    screening: Screening | None = None,
) -> Trajectory:
    if youth.meldcode_trajectories.exclude(status=Status.CLOSED).exists():
        raise ValidationError(_("This youth already has an open meldcode trajectory."))
    trajectory = Trajectory.objects.create(
        youth=youth,
        started_by=by,
        origin_signal=signal,
        origin_consultation=consultation,
        origin_screening=screening,
        framework_in_step=policy_for(youth.organisation).framework_in_step,
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=trajectory,
        youth_pseudonym=youth.pseudonym,
    )
    return trajectory


@transaction.atomic
def continue_screening_in_meldcode(
    *, screening: Screening, by: User, request: HttpRequest | None
) -> Trajectory:
    """An elevated or high screening closes with the meldcode as its next step: the youth's open
    trajectory goes on, or a new one starts from this screening."""
    screening_services.choose_next_step(
        screening=screening, by=by, request=request, next_step=ScreeningNextStep.MELDCODE
    )
    open_trajectory = screening.youth.meldcode_trajectories.exclude(status=Status.CLOSED).first()
    if open_trajectory is not None:
        return open_trajectory
    return start_trajectory(youth=screening.youth, by=by, request=request, screening=screening)


@transaction.atomic
def conclude_consultation(
    *,
    consultation: Consultation,
    by: User,
    request: HttpRequest | None,
    participants: list[User],
    external_participants: str,
    conclusion: str,
    next_step: str,
    suspicion_confirmed: bool = False,
) -> Trajectory | None:
    """Record a consultation's conclusion; "start the meldcode" starts it (or continues the
    youth's open trajectory) in the same transaction. Returns the trajectory, if any."""
    signalling_services.conclude_consultation(
        consultation=consultation,
        by=by,
        request=request,
        participants=participants,
        external_participants=external_participants,
        conclusion=conclusion,
        next_step=next_step,
        suspicion_confirmed=suspicion_confirmed,
    )
    if next_step != NextStep.MELDCODE:
        return None
    youth = consultation.youth
    open_trajectory = youth.meldcode_trajectories.exclude(status=Status.CLOSED).first()
    if open_trajectory is not None:
        return open_trajectory
    return start_trajectory(youth=youth, by=by, request=request, consultation=consultation)


FRAMEWORK_KEYS = ("suspicion", "unsafe", "can_help", "help_accepted")


def _check_framework(answers: Mapping[str, bool | None]) -> decision.Decision:
    try:
        return decision.decide(**{key: answers.get(key) for key in FRAMEWORK_KEYS})
    except ValueError as error:
        raise ValidationError(
            _("Answer the questions of the afwegingskader in order: %(problem)s"),
            params={"problem": str(error)},
        ) from error


def _check_step_details(
    trajectory: Trajectory, step: int, why: str, details: dict[str, object]
) -> None:
    if step == 2 and not set(details.get("consulted", [])) & set(CONSULTED_KINDS):  # type: ignore[call-overload]
        raise ValidationError(
            _("Record whom you consulted: a colleague, Veilig Thuis or an expert.")
        )
    if step == 3:
        talked = details.get("talked_youth") or details.get("talked_parents")
        if details.get("skipped_for_safety"):
            if len(why.strip()) < MIN_REASON:
                raise ValidationError(
                    _("Explain why talking would endanger someone (%(count)d characters or more)."),
                    params={"count": MIN_REASON},
                )
        elif not talked:
            raise ValidationError(
                _("Record that you talked with the youth and/or parents, or why that was skipped.")
            )
    if step == 4 and trajectory.framework_in_step == 4:
        _check_framework(details.get("framework", {}))  # type: ignore[arg-type]


@transaction.atomic
def record_step(
    *,
    trajectory: Trajectory,
    by: User,
    request: HttpRequest | None,
    step: int,
    done: str,
    why: str = "",
    details: dict[str, object] | None = None,
) -> StepRecord:
    """Record steps 1 to 4, each in turn. (Step 5, the decision, is `decide`.)"""
    details = details or {}
    if trajectory.status != Status.OPEN or step != trajectory.next_step or step > 4:
        raise ValidationError(
            _("Step %(step)d cannot be recorded now; the next step is %(next)s."),
            params={"step": step, "next": trajectory.next_step or "-"},
        )
    if not done.strip():
        raise ValidationError(_("Record what was done in this step."))
    _check_step_details(trajectory, step, why, details)
    if step == 4:
        latest = (
            trajectory.youth.screenings.filter(status=ScreeningStatus.CLOSED)
            .order_by("-started_at")
            .first()
        )
        details = {**details, "screening_id": latest.pk if latest else None}
    record = StepRecord.objects.create(
        trajectory=trajectory,
        step=step,
        recorded_by=by,
        done=done.strip(),
        why=why.strip() or None,
        details=details,
    )
    trajectory.steps_done = step
    trajectory.save(update_fields=["steps_done"])
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=record,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    return record


@dataclass(frozen=True)
class ReportDetails:
    to: str
    partner: Partner | None
    reported_on: date
    what: str
    contact_person: str
    reference: str
    youth_informed: str
    parents_informed: str
    reactions: str
    follow_up: str
    expected_response_on: date | None = None


def _make_report(trajectory: Trajectory, by: User, details: ReportDetails | None) -> Report:
    if details is None:
        raise ValidationError(_("The decision is to report: record the report's details."))
    missing = [
        name
        for name in ("what", "contact_person", "follow_up", "youth_informed", "parents_informed")
        if not str(getattr(details, name) or "").strip()
    ]
    if missing:
        raise ValidationError({name: _("A report needs this detail.") for name in missing})
    if details.reported_on > timezone.localdate():
        raise ValidationError({"reported_on": _("The date cannot be in the future.")})
    expected = details.expected_response_on or details.reported_on + timedelta(
        days=policy_for(trajectory.youth.organisation).response_days
    )
    if expected < details.reported_on:
        raise ValidationError(
            {"expected_response_on": _("Feedback cannot be expected before the report.")}
        )
    return Report.objects.create(
        trajectory=trajectory,
        to=details.to,
        partner=details.partner,
        reported_on=details.reported_on,
        what=details.what.strip(),
        contact_person=details.contact_person.strip(),
        reference=details.reference.strip(),
        youth_informed=details.youth_informed,
        parents_informed=details.parents_informed,
        reactions=details.reactions.strip() or None,
        follow_up=details.follow_up.strip(),
        expected_response_on=expected,
        created_by=by,
    )


def _close_or_report(
    trajectory: Trajectory,
    *,
    by: User,
    request: HttpRequest | None,
    outcome: str,
    note: str,
    note_field: str,
    report: ReportDetails | None,
    missing_note: str,
) -> None:
    """Carry out a "close" (with its note) or a "report" (with its details) outcome."""
    if outcome == decision.CLOSE:
        if len(note.strip()) < MIN_REASON:
            raise ValidationError({note_field: missing_note})
        trajectory.closing_note = note.strip()
        _move(trajectory, Status.CLOSED)
        return
    if report is not None and report.to != ReportTo.VEILIG_THUIS:
        raise ValidationError(
            {
                "to": _(
                    "The meldcode's report goes to Veilig Thuis. Record a report to the police "
                    "beside it, not instead of it."
                )
            }
        )
    created = _make_report(trajectory, by, report)
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=created,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    _move(trajectory, Status.REPORTED)


@transaction.atomic
def decide(
    *,
    trajectory: Trajectory,
    by: User,
    request: HttpRequest | None,
    done: str,
    framework: Mapping[str, bool | None] | None = None,
    report: ReportDetails | None = None,
    review_on: date | None = None,
    closing_note: str = "",
) -> Trajectory:
    """Step 5: decide through the afwegingskader (answered here, or in step 4 where the
    organisation placed it there) and carry out the outcome: close, help with a review date, or
    report with its details."""
    if trajectory.status != Status.OPEN or trajectory.steps_done != 4:
        raise ValidationError(_("Decide only after the risk has been weighed (step 4)."))
    if trajectory.framework_in_step == 4:
        framework = trajectory.steps.get(step=4).details.get("framework", {})
    result = _check_framework(framework or {})
    if result.outcome == decision.HELP:
        if review_on is None or review_on <= timezone.localdate():
            raise ValidationError({"review_on": _("Set a review date in the future.")})
        trajectory.review_on = review_on
        _move(trajectory, Status.HELP)
    else:
        _close_or_report(
            trajectory,
            by=by,
            request=request,
            outcome=result.outcome,
            note=closing_note,
            note_field="closing_note",
            report=report,
            missing_note=_("Record why the trajectory is closed."),
        )
    trajectory.outcome = result.outcome
    trajectory.decided_because = result.because
    trajectory.steps_done = 5
    trajectory.save()
    if result.outcome != decision.CLOSE:  # the suspicion stands
        open_registration_task(
            youth=trajectory.youth, trigger=Trigger.MELDCODE, trigger_id=trajectory.pk
        )
    StepRecord.objects.create(
        trajectory=trajectory,
        step=5,
        recorded_by=by,
        done=done.strip() or result.outcome,
        details={"framework": framework, "outcome": result.outcome, "because": result.because},
    )
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=trajectory,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    return trajectory


@transaction.atomic
def review_help(
    *,
    trajectory: Trajectory,
    by: User,
    request: HttpRequest | None,
    help_works: bool,
    note: str,
    report: ReportDetails | None = None,
) -> Trajectory:
    """Question 5 at the review date: close with monitoring agreements, or report after all."""
    if trajectory.status != Status.HELP:
        raise ValidationError(_("Only a trajectory in which help is given has a review."))
    result = decision.review(help_works=help_works)
    _close_or_report(
        trajectory,
        by=by,
        request=request,
        outcome=result.outcome,
        note=note,
        note_field="note",
        report=report,
        missing_note=_("Record the monitoring agreements."),
    )
    trajectory.outcome = result.outcome
    trajectory.decided_because = result.because
    trajectory.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=trajectory,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    return trajectory


@transaction.atomic
def record_feedback(
    *, report: Report, by: User, request: HttpRequest | None, feedback_on: date, feedback: str
) -> Report:
    """What Veilig Thuis (or the police) let the institution know. It does not close the
    trajectory: the institution stays involved (record_follow_up) until it decides to close."""
    if report.feedback_on is not None:
        raise ValidationError(_("Feedback on this report has already been recorded."))
    if not feedback.strip():
        raise ValidationError({"feedback": _("Record what Veilig Thuis or the police said.")})
    if feedback_on < report.reported_on or feedback_on > timezone.localdate():
        raise ValidationError({"feedback_on": _("The date must lie between the report and today.")})
    report.feedback_on = feedback_on
    report.feedback = feedback.strip()
    report.save(update_fields=["feedback_on", "feedback"])
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=report,
        youth_pseudonym=report.trajectory.youth.pseudonym,
    )
    return report


@transaction.atomic
def record_police_report(
    *, trajectory: Trajectory, by: User, request: HttpRequest | None, details: ReportDetails
) -> Report:
    """A report or information to the police, recorded beside the meldcode's report to Veilig
    Thuis (never instead of it)."""
    if trajectory.status == Status.CLOSED:
        raise ValidationError(_("This trajectory is closed."))
    report = _make_report(trajectory, by, replace(details, to=ReportTo.POLICE))
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=report,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    return report


@transaction.atomic
def record_follow_up(
    *,
    trajectory: Trajectory,
    by: User,
    request: HttpRequest | None,
    help_offered: str,
    agreements: str,
    next_evaluation_on: date,
) -> FollowUp:
    """After the report: what the institution itself still does, what was agreed with Veilig
    Thuis, and the next evaluation (it shows among the reviews due on that day)."""
    if trajectory.status != Status.REPORTED:
        raise ValidationError(_("Follow-up is recorded after a report to Veilig Thuis."))
    if not help_offered.strip() or not agreements.strip():
        raise ValidationError(
            _("Record the help your organisation offers or organises, and the agreements.")
        )
    if next_evaluation_on <= timezone.localdate():
        raise ValidationError({"next_evaluation_on": _("Set an evaluation date in the future.")})
    follow_up = FollowUp.objects.create(
        trajectory=trajectory,
        recorded_by=by,
        help_offered=help_offered.strip(),
        agreements=agreements.strip(),
        next_evaluation_on=next_evaluation_on,
    )
    trajectory.review_on = next_evaluation_on
    trajectory.save(update_fields=["review_on"])
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=follow_up,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    return follow_up


@transaction.atomic
def close_trajectory(
    *, trajectory: Trajectory, by: User, request: HttpRequest | None, reason: str
) -> Trajectory:
    """Close a trajectory after a report: only by an explicit decision with its reason."""
    if trajectory.status != Status.REPORTED:
        raise ValidationError(_("Only a trajectory after a report is closed this way."))
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError(
            {
                "reason": _("Record why the trajectory is closed (%(count)d characters or more).")
                % {"count": MIN_REASON}
            }
        )
    trajectory.closing_note = reason.strip()
    _move(trajectory, Status.CLOSED)
    trajectory.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=trajectory,
        youth_pseudonym=trajectory.youth.pseudonym,
    )
    return trajectory


@transaction.atomic
def escalate(
    *, report: Report, by: User, request: HttpRequest | None, to_whom: str, note: str
) -> Escalation:
    if report.feedback_on is not None:
        raise ValidationError(_("Feedback has been received; there is nothing to escalate."))
    if not to_whom.strip() or not note.strip():
        raise ValidationError(_("Record to whom you escalated and what you did."))
    escalation = Escalation.objects.create(
        report=report, by=by, to_whom=to_whom.strip(), note=note.strip()
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=escalation,
        youth_pseudonym=report.trajectory.youth.pseudonym,
    )
    return escalation


@dataclass(frozen=True)
class ActionInput:
    what: str
    who: str
    due_on: date
    owner: User | None = None


@transaction.atomic
def record_conference(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    held_on: date,
    participants: str,
    agreements: str,
    actions: list[ActionInput],
    trajectory: Trajectory | None = None,
) -> CaseConference:
    if not participants.strip() or not agreements.strip():
        raise ValidationError(_("Record the participants and the agreements."))
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date cannot be in the future.")})
    conference = CaseConference.objects.create(
        youth=youth,
        trajectory=trajectory,
        held_on=held_on,
        participants=participants.strip(),
        agreements=agreements.strip(),
        recorded_by=by,
    )
    ConferenceAction.objects.bulk_create(
        [
            ConferenceAction(
                conference=conference,
                what=a.what.strip(),
                who=a.who.strip(),
                due_on=a.due_on,
                owner=a.owner,
            )
            for a in actions
            if a.what.strip()
        ]
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=conference,
        youth_pseudonym=youth.pseudonym,
    )
    return conference


@transaction.atomic
def complete_action(
    *, action: ConferenceAction, by: User, request: HttpRequest | None
) -> ConferenceAction:
    action.done_on = timezone.localdate()
    action.save(update_fields=["done_on"])
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=action,
        youth_pseudonym=action.conference.youth.pseudonym,
    )
    return action


def stalled_reports(youths: QuerySet[Youth], today: date | None = None) -> QuerySet[Report]:
    today = today or timezone.localdate()
    return (
        Report.objects.filter(
            trajectory__youth__in=youths, feedback_on__isnull=True, expected_response_on__lt=today
        )
        .select_related("trajectory__youth", "partner")
        .prefetch_related("escalations")
        .order_by("expected_response_on", "pk")
    )


def reviews_due(youths: QuerySet[Youth], today: date | None = None) -> QuerySet[Trajectory]:
    """Reviews of help, and evaluations of the follow-up after a report, that are due."""
    today = today or timezone.localdate()
    return (
        Trajectory.objects.filter(
            youth__in=youths, status__in=[Status.HELP, Status.REPORTED], review_on__lte=today
        )
        .select_related("youth")
        .order_by("review_on", "pk")
    )


def open_actions(youths: QuerySet[Youth]) -> QuerySet[ConferenceAction]:
    return (
        ConferenceAction.objects.filter(conference__youth__in=youths, done_on__isnull=True)
        .select_related("conference__youth", "owner")
        .order_by("due_on", "pk")
    )
