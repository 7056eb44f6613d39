"""Queueing a registration for the registry (pseudonymised at the institution)."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.models import Division, Organisation, Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access, log_object_access
from baken.cases.models import Youth
from baken.registration.consent import (
    GIVEN,
    NOT_ASKED,
    REFUSED,
    STATISTICAL,
    ConsentAges,
    allowed_dossier_types,
    who_consents,
)
from baken.registration.deadlines import add_working_days
from baken.registration.models import (
    DeliveryStatus,
    NotRegisteredReason,
    OutboundRegistration,
    Registrar,
    RegistrationPolicy,
    RegistrationTask,
    TaskStatus,
    check_delivery_transition,
    check_task_transition,
)
from baken.registration.pseudonymise import (
    PSEUDONYM_KEYS,
    PseudonymisationError,
    check_key,
    pseudonymise,
)


def pseudonym_key() -> bytes:
    try:
        return check_key(settings.BAKEN_PSEUDONYM_KEY)
    except PseudonymisationError as error:
        raise ValidationError(
            _("The pseudonymisation key is not configured correctly: %(problem)s"),
            params={"problem": str(error)},
        ) from error


def build_payload(
    *,
    youth: Youth,
    dossier_type: str,
    forms: list[str],
    sector: str,
    cross_border: bool | None,
    reported_on: date,
    contact: dict[str, Any] | None,
) -> dict[str, Any]:
    """The request body for the registry: keyed pseudonyms and allowed plaintext only; contact
    details only for a registration with a request (which needs consent)."""
    pseudonyms = pseudonymise(
        key=pseudonym_key(),
        key_version=settings.BAKEN_PSEUDONYM_KEY_VERSION,
        given_name=youth.given_names,
        surname=youth.family_name,
        date_of_birth=youth.date_of_birth.isoformat() if youth.date_of_birth else "",
        sex=youth.sex if youth.sex != "unknown" else "",
        nationality=youth.nationality or "",
        country_of_birth=youth.country_of_birth or "",
    )
    police_unit = youth.organisation.region_for(Division.POLICE_UNIT)
    age = youth.age_on(reported_on)
    body: dict[str, Any] = {
        "dossier_type": dossier_type,
        "pseudonyms": {name: pseudonyms[name] for name in PSEUDONYM_KEYS},
        "birth_year": int(pseudonyms["birth_year"]) if pseudonyms["birth_year"] else None,
        "sex": pseudonyms["sex"],
        "nationality": pseudonyms["nationality"],
        "country_of_birth": pseudonyms["country_of_birth"],
        "forms": forms,
        "sector": sector,
        "cross_border": cross_border,
        "minor": age < 18 if age is not None else None,
        "reported_on": reported_on.isoformat(),
        "reporter_region": police_unit.code if police_unit else "",
    }
    if dossier_type != "statistical":
        body["contact"] = contact
    return body


NOT_ASKED_REASONS = ("psychological_harm", "not_reachable", "not_reasonably_possible")
MIN_JUSTIFICATION = 20


def policy_for(organisation: Organisation) -> RegistrationPolicy:
    """The organisation's policy; until someone sets one, the defaults (not saved: reading writes
    nothing)."""
    policy = RegistrationPolicy.objects.filter(organisation=organisation).first()
    return policy or RegistrationPolicy(organisation=organisation)


@transaction.atomic
def set_policy(
    *,
    organisation: Organisation,
    by: User,
    request: HttpRequest | None,
    registrar: str,
    deadline_working_days: int,
    consent_both_from: int,
    consent_youth_alone_from: int,
    statistical_after_objection: bool,
) -> RegistrationPolicy:
    """Who registers and by when, and the consent ages. Whether a pseudonymised statistical
    registration may follow an objection is the privacy officer's to change."""
    policy = policy_for(organisation)
    if statistical_after_objection != policy.statistical_after_objection and not by.has_role(
        Role.PRIVACY_OFFICER
    ):
        raise ValidationError(
            {"statistical_after_objection": _("Only the privacy officer changes this.")}
        )
    policy.registrar = registrar
    policy.deadline_working_days = deadline_working_days
    policy.consent_both_from = consent_both_from
    policy.consent_youth_alone_from = consent_youth_alone_from
    policy.statistical_after_objection = statistical_after_objection
    policy.full_clean()
    policy.save()
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="registration_policy",
        object_id=policy.pk,
        detail=(
            f"registrar {registrar}, {deadline_working_days} working days, consent together from "
            f"{consent_both_from}, alone from {consent_youth_alone_from}, statistical after "
            f"objection {'yes' if statistical_after_objection else 'no'}"
        ),
    )
    return policy


def who_must_consent(youth: Youth) -> list[str]:
    """Who consents to sharing this youth's identifying data today, by the organisation's consent
    ages (registration/consent.py); nobody is named while the age is unknown."""
    age = youth.age
    if age is None:
        return []
    policy = policy_for(youth.organisation)
    return sorted(
        who_consents(age, ConsentAges(policy.consent_both_from, policy.consent_youth_alone_from))
    )


def registrar_role(organisation: Organisation) -> str:
    return policy_for(organisation).registrar


@transaction.atomic
def open_registration_task(*, youth: Youth, trigger: str, trigger_id: int) -> RegistrationTask:
    """A confirmed suspicion puts the question "register?" on the registrar's list (once per
    youth while it is open), with a deadline in working days."""
    existing = youth.registration_tasks.filter(status=TaskStatus.OPEN).first()
    if existing is not None:
        return existing
    policy = policy_for(youth.organisation)
    return RegistrationTask.objects.create(
        youth=youth,
        trigger=trigger,
        trigger_id=trigger_id,
        due_on=add_working_days(timezone.localdate(), policy.deadline_working_days),
    )


def may_register(user: User, task: RegistrationTask) -> bool:
    role = registrar_role(task.youth.organisation)
    if role == Registrar.YOUTH_WORKER:
        return user.has_role(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER)
    return user.has_role(role, Role.DESIGNATED_OFFICER)


@transaction.atomic
def decide_not_to_register(
    *,
    task: RegistrationTask,
    by: User,
    request: HttpRequest | None,
    reason_kind: str,
    reason: str,
) -> RegistrationTask:
    check_task_transition(task.status, TaskStatus.NOT_REGISTERED)
    if reason_kind not in NotRegisteredReason.values:
        raise ValidationError({"reason_not_kind": _("Choose the kind of reason.")})
    if len(reason.strip()) < MIN_JUSTIFICATION:
        raise ValidationError(
            {
                "reason_not": _("Give the reason (at least %(count)d characters).")
                % {"count": MIN_JUSTIFICATION}
            }
        )
    task.status = TaskStatus.NOT_REGISTERED
    task.reason_not_kind = reason_kind
    task.reason_not = reason.strip()
    task.decided_by = by
    task.decided_at = timezone.now()
    task.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=task,
        youth_pseudonym=task.youth.pseudonym,
    )
    return task


def _check_consent(
    *,
    task: RegistrationTask,
    by: User,
    consent: str,
    not_asked_reason: str,
    justification: str,
    confirmed: bool,
    objection: bool,
    dossier_type: str,
) -> str:
    """The lawful basis for this registration, or a ValidationError saying what is missing."""
    policy = policy_for(task.youth.organisation)
    if consent not in (GIVEN, REFUSED, NOT_ASKED):
        raise ValidationError({"consent": _("Record whether consent was asked and the answer.")})
    if consent == NOT_ASKED:
        if not_asked_reason not in NOT_ASKED_REASONS:
            raise ValidationError({"not_asked_reason": _("Say why consent was not asked.")})
        if len(justification.strip()) < MIN_JUSTIFICATION:
            raise ValidationError(
                {
                    "justification": _("Justify the lawful basis (at least %(count)d characters).")
                    % {"count": MIN_JUSTIFICATION}
                }
            )
        if not (confirmed and by.has_role(Role.DESIGNATED_OFFICER)):
            raise ValidationError(
                {"confirmed": _("The designated officer confirms the lawful basis.")}
            )
    allowed = allowed_dossier_types(
        consent=consent,
        objection=objection,
        statistical_after_objection=policy.statistical_after_objection,
    )
    if not allowed:
        raise ValidationError(
            _(
                "The youth objects and the organisation does not register after an objection: "
                "record the reason not to register."
            )
        )
    if dossier_type not in allowed:
        raise ValidationError(
            {
                "dossier_type": _(
                    "Without consent only the pseudonymised statistical registration is possible."
                )
            }
        )
    if consent == GIVEN:
        return "consent"
    if consent == REFUSED or objection:
        return "pseudonymised_statistics"
    return "statistics_exception"


@transaction.atomic
def submit_registration(
    *,
    task: RegistrationTask,
    by: User,
    request: HttpRequest | None,
    consent: str,
    not_asked_reason: str = "",
    justification: str = "",
    confirmed: bool = False,
    objection: bool = False,
    dossier_type: str = STATISTICAL,
    forms: list[str],
    sector: str = "",
    cross_border: bool | None = None,
    contact: dict[str, Any] | None = None,
) -> OutboundRegistration:
    """The decision tree's "register" branch: check consent and lawful basis by age, put the
    registration in the outbox and close the task, all in one transaction."""
    check_task_transition(task.status, TaskStatus.REGISTERED)
    if not may_register(by, task):
        raise ValidationError(_("Your role does not register for this organisation."))
    lawful_basis = _check_consent(
        task=task,
        by=by,
        consent=consent,
        not_asked_reason=not_asked_reason,
        justification=justification,
        confirmed=confirmed,
        objection=objection,
        dossier_type=dossier_type,
    )
    youth = task.youth
    consent_from = who_must_consent(youth)
    outbound = enqueue_registration(
        youth=youth,
        by=by,
        request=request,
        dossier_type=dossier_type,
        forms=forms,
        sector=sector,
        cross_border=cross_border,
        contact=contact,
    )
    outbound.task = task
    outbound.age_at_time = youth.age
    outbound.consent = consent
    outbound.consent_from = consent_from
    outbound.not_asked_reason = not_asked_reason if consent == NOT_ASKED else ""
    outbound.lawful_basis = lawful_basis
    outbound.justification = justification.strip() or None
    outbound.objection = objection
    outbound.confirmed_by = by if consent == NOT_ASKED else None
    outbound.save()
    task.status = TaskStatus.REGISTERED
    task.decided_by = by
    task.decided_at = timezone.now()
    task.save()
    return outbound


@transaction.atomic
def correct_and_resend(
    *,
    outbound: OutboundRegistration,
    by: User,
    request: HttpRequest | None,
    forms: list[str],
    sector: str,
    cross_border: bool | None,
) -> OutboundRegistration:
    """After the registry refused a registration (4xx): correct it and queue it again."""
    if outbound.status != DeliveryStatus.NEEDS_CORRECTION:
        raise ValidationError(_("Only a registration that needs correction can be resent."))
    check_delivery_transition(outbound.status, DeliveryStatus.QUEUED)
    if not forms:
        raise ValidationError({"forms": _("Choose at least one form of exploitation.")})
    outbound.payload = {
        **outbound.payload,
        "forms": forms,
        "sector": sector,
        "cross_border": cross_border,
    }
    outbound.status = DeliveryStatus.QUEUED
    outbound.next_attempt_at = timezone.now()
    outbound.last_error = ""
    outbound.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=outbound.youth.pseudonym,
    )
    return outbound


@transaction.atomic
def enqueue_registration(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    dossier_type: str,
    forms: list[str],
    sector: str = "",
    cross_border: bool | None = None,
    contact: dict[str, Any] | None = None,
) -> OutboundRegistration:
    """Put the registration in the outbox, in the same transaction as the decision to register;
    `baken send_registrations` delivers it."""
    if not forms:
        raise ValidationError(_("Choose at least one form of exploitation."))
    if dossier_type != "statistical" and not contact:
        raise ValidationError(_("A registration with a request needs contact details."))
    try:
        payload = build_payload(
            youth=youth,
            dossier_type=dossier_type,
            forms=forms,
            sector=sector,
            cross_border=cross_border,
            reported_on=timezone.localdate(),
            contact=contact,
        )
    except PseudonymisationError as error:
        raise ValidationError(str(error)) from error
    outbound = OutboundRegistration.objects.create(
        youth=youth, created_by=by, dossier_type=dossier_type, payload=payload
    )
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=youth.pseudonym,
    )
    return outbound
