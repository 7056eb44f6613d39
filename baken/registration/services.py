"""Deciding whether and how to register a youth with the registry, and queueing what goes.

Three routes (docs/legal-basis.md §2, docs/registration.md): (a) with the consent of every person
the law asks, by age; (b) without consent under the statistics exception (BW 7:458), proposed with
the reason and confirmed by the designated officer, never after an objection; (c) after a refusal
or an objection only an untraceable count, or nothing where the data protection officer decided
so. A request for shelter or advice (care coordination) is a disclosure of its own, always with
its own consent. A withdrawn consent or a later objection withdraws the registration at the
registry. Each decision is a `Disclosure`, with the persons' answers, its bases and a note in the
youth's file where the law asks for one; each write logs its audit entry in the same
transaction."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from baken.accounts.models import Division, Organisation, Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access, log_object_access
from baken.cases.models import Guardian, Youth
from baken.lib.countries import UnknownCountry, country_code
from baken.registration.consent import (
    GUARDIAN,
    YOUTH,
    bases_for,
    statistical_route,
    who_must_consent,
)
from baken.registration.deadlines import add_working_days
from baken.registration.models import (
    CallKind,
    ConsentDecision,
    CountBecause,
    DeliveryStatus,
    Disclosure,
    DisclosureStatus,
    DossierType,
    ExceptionReason,
    FileNote,
    NoteKind,
    NotRegisteredReason,
    Objection,
    OutboundCall,
    OutboundRegistration,
    PartyDecision,
    PartyRole,
    Purpose,
    Registrar,
    RegistrationPolicy,
    RegistrationTask,
    Route,
    TaskStatus,
    check_delivery_transition,
    check_disclosure_transition,
    check_task_transition,
)
from baken.registration.pseudonymise import (
    PSEUDONYM_KEYS,
    PseudonymisationError,
    check_key,
    pseudonymise,
)

MIN_JUSTIFICATION = 20
REGISTERING_ROUTES = (Route.CONSENT, Route.STATISTICS_EXCEPTION)
# What the registry is told when a registration is withdrawn: never anything about the youth.
WITHDRAWAL_REASONS = {
    CountBecause.WITHDRAWN: "consent withdrawn",
    CountBecause.OBJECTION: "objection",
    "no_basis": "no lawful basis",
}


def pseudonym_key() -> bytes:
    try:
        return check_key(settings.BAKEN_PSEUDONYM_KEY)
    except PseudonymisationError as error:
        raise ValidationError(
            _("The pseudonymisation key is not configured correctly: %(problem)s"),
            params={"problem": str(error)},
        ) from error


def _police_unit(youth: Youth) -> str:
    police_unit = youth.organisation.region_for(Division.POLICE_UNIT)
    return police_unit.code if police_unit else ""


def _country_code(value: str | None, field: str) -> str:
    """A youth's nationality or country of birth as the registry counts it: an ISO 3166-1 code.
    The file holds what the worker wrote; a name the registry cannot count is refused here,
    before anything is sent."""
    try:
        return country_code(value or "")
    except UnknownCountry:
        raise ValidationError(
            _(
                "The %(field)s in the youth's file, “%(value)s”, is not a country the registry "
                "knows. Correct the file: write the country (Nederland, Roemenië) or its code "
                "(NL, RO), or leave it empty if it is not known."
            ),
            params={"field": field, "value": value},
        ) from None


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
        nationality=_country_code(youth.nationality, _("nationality")),
        country_of_birth=_country_code(youth.country_of_birth, _("country of birth")),
    )
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
        "reporter_region": _police_unit(youth),
    }
    if dossier_type != DossierType.STATISTICAL:
        body["contact"] = contact
    return body


def build_count_payload(
    *, youth: Youth, forms: list[str], year: int, minor: bool | None
) -> dict[str, Any]:
    """An untraceable count: the year, the forms, minor or not, and the police unit. No pseudonym,
    no year of birth, sex, nationality or country, no free text and no exact date."""
    return {
        "dossier_type": DossierType.COUNT_ONLY,
        "year": year,
        "forms": forms,
        "minor": minor,
        "reporter_region": _police_unit(youth),
    }


# -- the organisation's policy ------------------------------------------------------------------


def policy_for(organisation: Organisation) -> RegistrationPolicy:
    """The organisation's policy; until someone sets one, the defaults (not saved: reading writes
    nothing)."""
    policy = RegistrationPolicy.objects.filter(organisation=organisation).first()
    return policy or RegistrationPolicy(organisation=organisation)


PRIVACY_OFFICER_SETTINGS = ("send_count", "basis_without_consent")


@transaction.atomic
def set_policy(
    *,
    organisation: Organisation,
    by: User,
    request: HttpRequest | None,
    registrar: str,
    deadline_working_days: int,
    send_count: bool,
    basis_without_consent: str,
) -> RegistrationPolicy:
    """Who registers and by when. Whether an untraceable count goes after a refusal or objection,
    and the article 6 basis without consent, are the data protection officer's to change."""
    policy = policy_for(organisation)
    changes = {"send_count": send_count, "basis_without_consent": basis_without_consent}
    if not by.has_role(Role.PRIVACY_OFFICER):
        refused = {
            name: _("Only the privacy officer changes this.")
            for name, value in changes.items()
            if getattr(policy, name) != value
        }
        if refused:
            raise ValidationError(refused)
    policy.registrar = registrar
    policy.deadline_working_days = deadline_working_days
    policy.send_count = send_count
    policy.basis_without_consent = basis_without_consent
    policy.full_clean()
    policy.save()
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="registration_policy",
        object_id=policy.pk,
        detail=(
            f"registrar {registrar}, {deadline_working_days} working days, count after a refusal "
            f"or objection {'yes' if send_count else 'no'}, art. 6 without consent "
            f"{basis_without_consent}"
        ),
    )
    return policy


def registrar_role(organisation: Organisation) -> str:
    return policy_for(organisation).registrar


def may_register(user: User, task: RegistrationTask) -> bool:
    return may_register_youth(user, task.youth)


def may_register_youth(user: User, youth: Youth) -> bool:
    """The registrar the youth's organisation names (and always its designated officer)."""
    role = registrar_role(youth.organisation)
    if role == Registrar.YOUTH_WORKER:
        return user.has_role(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER)
    return user.has_role(role, Role.DESIGNATED_OFFICER)


def is_designated_officer_for(user: User, youth: Youth) -> bool:
    return user.has_role(Role.DESIGNATED_OFFICER) and user.organisation_id == youth.organisation_id


# -- what is on file -----------------------------------------------------------------------------


def objection_on_file(youth: Youth) -> Objection | None:
    return youth.objections.first()


def refusal_on_file(youth: Youth) -> ConsentDecision | None:
    """A refusal of consent to a registration, recorded for this youth."""
    return (
        ConsentDecision.objects.filter(
            disclosure__youth=youth,
            disclosure__purpose=Purpose.REGISTRATION,
            decision=PartyDecision.REFUSED,
        )
        .order_by("-decided_on")
        .first()
    )


def current_registrations(youth: Youth) -> QuerySet[Disclosure]:
    """The youth's registrations that stand: decided, not withdrawn (an untraceable count
    included)."""
    return Disclosure.objects.filter(
        youth=youth,
        purpose=Purpose.REGISTRATION,
        status=DisclosureStatus.DECIDED,
        route__in=[*REGISTERING_ROUTES, Route.COUNT_ONLY],
    ).select_related("registration")


def pending_proposal(task: RegistrationTask) -> Disclosure | None:
    return Disclosure.objects.filter(task=task, status=DisclosureStatus.PROPOSED).first()


@dataclass(frozen=True)
class Party:
    """A person whose consent the law asks, from the youth's file."""

    key: str  # "youth" or "guardian_<pk>": the name of the answer in a form
    role: str
    name: str
    guardian: Guardian | None = None

    @property
    def role_label(self) -> str:
        return str(PartyRole(self.role).label)


def guardian_role(guardian: Guardian) -> str:
    relationship = guardian.relationship.lower()
    return (
        PartyRole.GUARDIAN
        if "voogd" in relationship or "guardian" in relationship
        else PartyRole.HOLDER_OF_AUTHORITY
    )


def holders_of_authority(youth: Youth) -> list[Guardian]:
    return [g for g in youth.guardians.all() if g.has_parental_authority]


def parties_to_ask(youth: Youth, *, on: date, youth_cannot_assess: bool = False) -> list[Party]:
    """Everyone whose consent the law asks for this youth on this day: the youth, and every holder
    of parental authority or guardian in the file (a parent without authority does not consent).
    Empty while the date of birth is unknown."""
    age = youth.age_on(on)
    if age is None:
        return []
    needed = who_must_consent(age, youth_cannot_assess=youth_cannot_assess)
    parties = []
    if YOUTH in needed:
        parties.append(Party("youth", PartyRole.YOUTH, youth.full_name))
    if GUARDIAN in needed:
        parties += [
            Party(f"guardian_{g.pk}", guardian_role(g), g.name, g)
            for g in holders_of_authority(youth)
        ]
    return parties


# -- tasks ---------------------------------------------------------------------------------------


@transaction.atomic
def open_registration_task(
    *, youth: Youth, trigger: str, trigger_id: int
) -> RegistrationTask | None:
    """A confirmed suspicion puts the question "register?" on the registrar's list (once per
    youth while it is open), with a deadline in working days. A youth who is registered already
    (or counted) gets no second task: None; the registration is corrected instead."""
    existing = youth.registration_tasks.filter(status=TaskStatus.OPEN).first()
    if existing is not None:
        return existing
    if current_registrations(youth).exists():
        return None
    policy = policy_for(youth.organisation)
    return RegistrationTask.objects.create(
        youth=youth,
        trigger=trigger,
        trigger_id=trigger_id,
        due_on=add_working_days(timezone.localdate(), policy.deadline_working_days),
    )


def _check_may_decide(task: RegistrationTask, by: User) -> None:
    check_task_transition(task.status, TaskStatus.REGISTERED)
    if not may_register(by, task):
        raise ValidationError(_("Your role does not register for this organisation."))


def _close_task(task: RegistrationTask, by: User, status: str) -> None:
    check_task_transition(task.status, status)
    task.status = status
    task.decided_by = by
    task.decided_at = timezone.now()
    task.save()


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
    task.reason_not_kind = reason_kind
    task.reason_not = reason.strip()
    _close_task(task, by, TaskStatus.NOT_REGISTERED)
    _decline_pending(task, by, _("Decided not to register."))
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=task,
        youth_pseudonym=task.youth.pseudonym,
    )
    return task


# -- notes in the file ---------------------------------------------------------------------------


def _day(value: date) -> str:
    return str(formats.date_format(value, "DATE_FORMAT"))


def _write_note(
    *, youth: Youth, by: User, kind: str, text: str, disclosure: Disclosure | None = None
) -> FileNote:
    return FileNote.objects.create(
        youth=youth, disclosure=disclosure, kind=kind, text=text, written_by=by
    )


def _who(user: User | None) -> str:
    if user is None:
        return "?"
    return user.get_full_name() or user.username


# -- content and the outbox ----------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """What a registration says besides the pseudonyms."""

    forms: list[str]
    sector: str = ""
    cross_border: bool | None = None

    def check(self) -> None:
        if not self.forms:
            raise ValidationError({"forms": _("Choose at least one form of exploitation.")})

    def as_dict(self) -> dict[str, Any]:
        return {"forms": self.forms, "sector": self.sector, "cross_border": self.cross_border}


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
    task: RegistrationTask | None = None,
) -> OutboundRegistration:
    """Put the registration in the outbox, in the same transaction as the decision to register;
    `baken send_registrations` delivers it."""
    if not forms:
        raise ValidationError(_("Choose at least one form of exploitation."))
    if dossier_type != DossierType.STATISTICAL and not contact:
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
    return _enqueue(youth=youth, by=by, request=request, payload=payload, task=task)


def _enqueue(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    payload: dict[str, Any],
    task: RegistrationTask | None,
) -> OutboundRegistration:
    outbound = OutboundRegistration.objects.create(
        youth=youth,
        created_by=by,
        dossier_type=payload["dossier_type"],
        payload=payload,
        task=task,
    )
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=youth.pseudonym,
    )
    return outbound


def _send_count(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    because: str,
    forms: list[str],
    year: int,
    minor: bool | None,
    task: RegistrationTask | None,
) -> Disclosure:
    """Route (c): queue the untraceable count and note in the file what went."""
    outbound = _enqueue(
        youth=youth,
        by=by,
        request=request,
        payload=build_count_payload(youth=youth, forms=forms, year=year, minor=minor),
        task=task,
    )
    disclosure = Disclosure.objects.create(
        youth=youth,
        task=task,
        registration=outbound,
        purpose=Purpose.REGISTRATION,
        route=Route.COUNT_ONLY,
        count_because=because,
        age_at_time=youth.age,
        decided_by=by,
    )
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "%(because)s: only an untraceable count goes to the registry (year %(year)s, "
            "form, minor or not, police unit); no pseudonyms, nothing that can be traced to the "
            "youth. Tell the youth: the registry only learns that one more young person was "
            "reported this year, for this form of exploitation, in this region."
        ) % {"because": CountBecause(because).label, "year": year}
    _write_note(youth=youth, by=by, kind=NoteKind.COUNT, text=text, disclosure=disclosure)
    return disclosure


def _count_minor(youth: Youth) -> bool | None:
    age = youth.age
    return age < 18 if age is not None else None


# -- route (a): consent --------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One person's answer: `key` names the party (Party.key)."""

    key: str
    decision: str  # PartyDecision
    on: date


@dataclass(frozen=True)
class CareRequest:
    """A request for shelter or advice (care coordination): its own disclosure, with its own
    consent, carrying the contact details the care desk needs."""

    dossier_type: str  # shelter / advice
    contact: dict[str, Any]
    answers: list[Answer]


def _check_answers(
    youth: Youth, answers: list[Answer], *, prefix: str, youth_cannot_assess: bool
) -> list[tuple[Party, Answer]]:
    """Each person the law asks must have an answer, dated not in the future; the age is taken on
    the day consent was first asked."""
    if youth.date_of_birth is None:
        raise ValidationError(_("Record the date of birth first: who consents depends on the age."))
    today = timezone.localdate()
    asked_on = min((a.on for a in answers), default=today)
    parties = parties_to_ask(youth, on=asked_on, youth_cannot_assess=youth_cannot_assess)
    by_key = {a.key: a for a in answers}
    errors: dict[str, str] = {}
    paired = []
    if not any(p.role != PartyRole.YOUTH for p in parties) and GUARDIAN in who_must_consent(
        youth.age_on(asked_on) or 0, youth_cannot_assess=youth_cannot_assess
    ):
        raise ValidationError(
            _(
                "No holder of parental authority is in the file. Check the gezagsregister and "
                "add the parents with authority or the guardian before asking consent."
            )
        )
    for party in parties:
        answer = by_key.get(party.key)
        if answer is None or answer.decision not in PartyDecision.values:
            errors[f"{prefix}{party.key}"] = _("Record this person's answer.")
        elif answer.on > today:
            errors[f"{prefix}{party.key}_on"] = _("The date cannot be in the future.")
        else:
            paired.append((party, answer))
    extra = set(by_key) - {p.key for p in parties}
    if extra:
        errors[f"{prefix}{sorted(extra)[0]}"] = _(
            "This person does not consent at this age, or has no parental authority."
        )
    if errors:
        raise ValidationError(errors)
    return paired


def _save_parties(disclosure: Disclosure, paired: list[tuple[Party, Answer]], by: User) -> None:
    ConsentDecision.objects.bulk_create(
        ConsentDecision(
            disclosure=disclosure,
            role=party.role,
            guardian=party.guardian,
            decision=answer.decision,
            decided_on=answer.on,
            recorded_by=by,
        )
        for party, answer in paired
    )


def _contact_fields(contact: dict[str, Any]) -> list[str]:
    return sorted(name for name, value in contact.items() if value)


def _check_cannot_assess(youth: Youth, youth_cannot_assess: bool, note: str) -> None:
    if not youth_cannot_assess:
        return
    age = youth.age
    if age is None or age < 12:
        raise ValidationError(
            {"youth_cannot_assess": _("This applies only to a youth of 12 or more.")}
        )
    if len(note.strip()) < MIN_JUSTIFICATION:
        raise ValidationError(
            {
                "cannot_assess_note": _(
                    "Document why the youth cannot reasonably assess his or her interests "
                    "(at least %(count)d characters)."
                )
                % {"count": MIN_JUSTIFICATION}
            }
        )


@transaction.atomic
def record_consent(
    *,
    task: RegistrationTask,
    by: User,
    request: HttpRequest | None,
    answers: list[Answer],
    content: Content,
    youth_cannot_assess: bool = False,
    cannot_assess_note: str = "",
    care: CareRequest | None = None,
) -> Disclosure:
    """Route (a), and route (c) when someone refuses. Every person the law asks answers
    separately; if all give consent the statistical registration goes (with a request for shelter
    or advice only if everyone also consents to that); if anyone refuses, only an untraceable
    count goes (or nothing, by the organisation's policy)."""
    _check_may_decide(task, by)
    youth = task.youth
    content.check()
    if objection_on_file(youth) is not None:
        raise ValidationError(
            _("An objection is on file: no registration with pseudonyms can follow it.")
        )
    _check_cannot_assess(youth, youth_cannot_assess, cannot_assess_note)
    paired = _check_answers(
        youth, answers, prefix="party_", youth_cannot_assess=youth_cannot_assess
    )
    refused = any(a.decision == PartyDecision.REFUSED for _p, a in paired)
    policy = policy_for(youth.organisation)
    route = statistical_route(
        objection=False,
        refused=refused,
        consent_given=not refused,
        exception_confirmed=False,
        send_count=policy.send_count,
    )
    care_paired: list[tuple[Party, Answer]] = []
    care_given = False
    if care is not None:
        if care.dossier_type not in (DossierType.SHELTER, DossierType.ADVICE):
            raise ValidationError({"care_request": _("Choose shelter or advice.")})
        if not care.contact.get("name"):
            raise ValidationError({"contact_name": _("A request needs the contact details.")})
        care_paired = _check_answers(
            youth, care.answers, prefix="care_", youth_cannot_assess=youth_cannot_assess
        )
        care_given = all(a.decision == PartyDecision.GIVEN for _p, a in care_paired)
        if care_given and route != Route.CONSENT:
            raise ValidationError(
                {
                    "care_request": _(
                        "A request through the registry is also a registration: without consent "
                        "to the registration it cannot go. Contact the care coordinator directly "
                        "(Who do I call?)."
                    )
                }
            )
    asked_on = min(a.on for _p, a in paired) if paired else timezone.localdate()
    common = {
        "youth": youth,
        "task": task,
        "age_at_time": youth.age_on(asked_on),
        "consent_from": sorted(
            who_must_consent(youth.age_on(asked_on) or 0, youth_cannot_assess=youth_cannot_assess)
        ),
        "youth_cannot_assess": youth_cannot_assess,
        "youth_cannot_assess_note": cannot_assess_note.strip() or None,
        "decided_by": by,
    }
    if route == Route.CONSENT:
        outbound = enqueue_registration(
            youth=youth,
            by=by,
            request=request,
            dossier_type=care.dossier_type if care is not None and care_given else "statistical",
            contact=care.contact if care is not None and care_given else None,
            task=task,
            **content.as_dict(),
        )
        bases = bases_for(route)
        disclosure = Disclosure.objects.create(
            registration=outbound,
            purpose=Purpose.REGISTRATION,
            route=route,
            art6_basis=bases.art6,
            art9_basis=bases.art9,
            secrecy_basis=bases.secrecy,
            **common,
        )
        status = TaskStatus.REGISTERED
    elif route == Route.COUNT_ONLY:
        disclosure = _send_count(
            youth=youth,
            by=by,
            request=request,
            because=CountBecause.REFUSED,
            forms=content.forms,
            year=timezone.localdate().year,
            minor=_count_minor(youth),
            task=task,
        )
        for name, value in common.items():
            setattr(disclosure, name, value)
        disclosure.save()
        status = TaskStatus.COUNTED
    else:
        disclosure = Disclosure.objects.create(
            purpose=Purpose.REGISTRATION, route=route, count_because=CountBecause.REFUSED, **common
        )
        task.reason_not_kind = NotRegisteredReason.OBJECTION
        with translation.override(settings.LANGUAGE_CODE):
            task.reason_not = _(
                "Consent was refused; the organisation sends no count after a refusal."
            )
        status = TaskStatus.NOT_REGISTERED
    _save_parties(disclosure, paired, by)
    if care is not None:
        care_disclosure = Disclosure.objects.create(
            purpose=Purpose.CARE_COORDINATION,
            route=Route.CONSENT if care_given else Route.NOTHING,
            registration=disclosure.registration if care_given else None,
            contact_fields=_contact_fields(care.contact) if care_given else [],
            **{
                **common,
                **(
                    {"art6_basis": "6(1)(a)", "art9_basis": "9(2)(a)", "secrecy_basis": "consent"}
                    if care_given
                    else {}
                ),
            },
        )
        _save_parties(care_disclosure, care_paired, by)
    _decline_pending(task, by, _("Consent was asked after all."))
    _close_task(task, by, status)
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=youth.pseudonym,
    )
    return disclosure


# -- route (b): the statistics exception ---------------------------------------------------------


def _check_exception_allowed(youth: Youth) -> None:
    if objection_on_file(youth) is not None:
        raise ValidationError(
            _(
                "An objection is on file: the statistics exception is closed (BW 7:458 lid 2) "
                "and nobody can set that aside. Only an untraceable count can go."
            )
        )
    if refusal_on_file(youth) is not None:
        raise ValidationError(
            _(
                "Consent to registration was refused: the statistics exception does not apply "
                "to someone who was asked. Only an untraceable count can go."
            )
        )


@transaction.atomic
def propose_statistics_exception(
    *,
    task: RegistrationTask,
    by: User,
    request: HttpRequest | None,
    reason_kind: str,
    reason: str,
    content: Content,
) -> Disclosure:
    """Route (b), first half: the registrar proposes to register without consent, with the reason
    why consent cannot be asked of this youth now; the designated officer confirms it."""
    _check_may_decide(task, by)
    youth = task.youth
    if pending_proposal(task) is not None:
        raise ValidationError(_("A proposal already awaits the designated officer."))
    _check_exception_allowed(youth)
    if reason_kind not in ExceptionReason.values:
        raise ValidationError(
            {"exception_reason_kind": _("Say why consent cannot be asked of this youth.")}
        )
    if len(reason.strip()) < MIN_JUSTIFICATION:
        raise ValidationError(
            {
                "exception_reason": _(
                    "Explain, for this youth now, why consent cannot be asked (at least "
                    "%(count)d characters)."
                )
                % {"count": MIN_JUSTIFICATION}
            }
        )
    content.check()
    age = youth.age
    disclosure = Disclosure.objects.create(
        youth=youth,
        task=task,
        purpose=Purpose.REGISTRATION,
        route=Route.STATISTICS_EXCEPTION,
        status=DisclosureStatus.PROPOSED,
        age_at_time=age,
        consent_from=sorted(who_must_consent(age)) if age is not None else [],
        exception_reason_kind=reason_kind,
        exception_reason=reason.strip(),
        content=content.as_dict(),
        proposed_by=by,
        proposed_at=timezone.now(),
        decided_by=by,
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=youth.pseudonym,
    )
    return disclosure


def _check_officer(disclosure: Disclosure, by: User) -> None:
    if not is_designated_officer_for(by, disclosure.youth):
        raise ValidationError(_("Only the designated officer of the youth's organisation decides."))
    check_disclosure_transition(disclosure.status, DisclosureStatus.DECIDED)


@transaction.atomic
def confirm_statistics_exception(
    *, disclosure: Disclosure, by: User, request: HttpRequest | None
) -> Disclosure:
    """Route (b), second half: the designated officer confirms; the pseudonymised registration is
    queued and the disclosure is noted in the youth's file (BW 7:458 lid 3)."""
    _check_officer(disclosure, by)
    youth = disclosure.youth
    _check_exception_allowed(youth)
    task = disclosure.task
    if task is not None:
        check_task_transition(task.status, TaskStatus.REGISTERED)
    content = disclosure.content
    outbound = enqueue_registration(
        youth=youth,
        by=by,
        request=request,
        dossier_type=DossierType.STATISTICAL,
        forms=content["forms"],
        sector=content.get("sector", ""),
        cross_border=content.get("cross_border"),
        task=task,
    )
    bases = bases_for(
        Route.STATISTICS_EXCEPTION,
        art6_without_consent=policy_for(youth.organisation).basis_without_consent,
    )
    now = timezone.now()
    disclosure.status = DisclosureStatus.DECIDED
    disclosure.registration = outbound
    disclosure.art6_basis, disclosure.art9_basis = bases.art6, bases.art9
    disclosure.secrecy_basis = bases.secrecy
    disclosure.confirmed_by, disclosure.confirmed_at = by, now
    disclosure.decided_by, disclosure.decided_at = by, now
    disclosure.save()
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "Registered for statistics without consent, under the statistics exception (BW 7:458; "
            "GDPR art. %(art6)s and art. %(art9)s). Why consent could not be asked: %(kind)s: "
            "%(reason)s. Proposed by %(proposer)s on %(proposed)s, confirmed by the designated "
            "officer %(officer)s on %(confirmed)s. Sent: keyed pseudonyms (no name, but personal "
            "data for whoever holds the key) with year of birth, sex, nationality, country of "
            "birth, form and region."
        ) % {
            "art6": bases.art6,
            "art9": bases.art9,
            "kind": ExceptionReason(disclosure.exception_reason_kind).label,
            "reason": disclosure.exception_reason,
            "proposer": _who(disclosure.proposed_by),
            "proposed": _day(timezone.localdate(disclosure.proposed_at or now)),
            "officer": _who(by),
            "confirmed": _day(timezone.localdate(now)),
        }
    _write_note(youth=youth, by=by, kind=NoteKind.WITHOUT_CONSENT, text=text, disclosure=disclosure)
    if task is not None:
        _close_task(task, by, TaskStatus.REGISTERED)
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=youth.pseudonym,
    )
    return disclosure


@transaction.atomic
def decline_statistics_exception(
    *, disclosure: Disclosure, by: User, request: HttpRequest | None, reason: str
) -> Disclosure:
    """The designated officer does not confirm: nothing goes; the task stays open."""
    if not is_designated_officer_for(by, disclosure.youth):
        raise ValidationError(_("Only the designated officer of the youth's organisation decides."))
    check_disclosure_transition(disclosure.status, DisclosureStatus.DECLINED)
    if len(reason.strip()) < MIN_JUSTIFICATION:
        raise ValidationError(
            {
                "declined_reason": _("Give the reason (at least %(count)d characters).")
                % {"count": MIN_JUSTIFICATION}
            }
        )
    disclosure.status = DisclosureStatus.DECLINED
    disclosure.declined_reason = reason.strip()
    disclosure.confirmed_by, disclosure.confirmed_at = by, timezone.now()
    disclosure.save()
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=disclosure.youth.pseudonym,
    )
    return disclosure


def _decline_pending(task: RegistrationTask, by: User, reason: str) -> None:
    proposal = pending_proposal(task)
    if proposal is not None:
        proposal.status = DisclosureStatus.DECLINED
        proposal.declined_reason = reason
        proposal.save()


# -- route (c): objection, and withdrawal --------------------------------------------------------


def _check_party(youth: Youth, role: str, guardian: Guardian | None) -> None:
    if role not in PartyRole.values:
        raise ValidationError({"objection_by": _("Say who objects.")})
    if role == PartyRole.YOUTH and guardian is not None:
        raise ValidationError({"objection_by": _("Say who objects.")})
    if role != PartyRole.YOUTH and (guardian is None or guardian.youth_id != youth.pk):
        raise ValidationError({"objection_by": _("Choose the parent or guardian from the file.")})


@transaction.atomic
def record_objection(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    role: str,
    guardian: Guardian | None,
    objected_on: date,
    note: str = "",
    task: RegistrationTask | None = None,
    forms: list[str] | None = None,
) -> Objection:
    """An explicit objection to registration is final (BW 7:458 lid 2(c)). It withdraws every
    registration of the youth with pseudonyms at the registry; an open task closes with the
    untraceable count (or nothing, by policy). Nobody can set it aside."""
    _check_party(youth, role, guardian)
    if objected_on > timezone.localdate():
        raise ValidationError({"objected_on": _("The date cannot be in the future.")})
    if task is not None:
        _check_may_decide(task, by)
        if not forms:
            raise ValidationError({"forms": _("Choose at least one form of exploitation.")})
    objection = Objection.objects.create(
        youth=youth,
        role=role,
        guardian=guardian,
        objected_on=objected_on,
        note=note.strip() or None,
        recorded_by=by,
    )
    with translation.override(settings.LANGUAGE_CODE):
        who = guardian.name if guardian is not None else PartyRole(role).label
        text = _(
            "%(who)s objected to registration on %(day)s. The objection is final: no "
            "registration with pseudonyms follows it, and earlier ones are withdrawn."
        ) % {"who": who, "day": _day(objected_on)}
    _write_note(youth=youth, by=by, kind=NoteKind.OBJECTION, text=text)
    withdrawn = list(current_registrations(youth).filter(route__in=REGISTERING_ROUTES))
    for disclosure in withdrawn:
        _withdraw(disclosure, by=by, request=request, because=CountBecause.OBJECTION)
    if task is not None and task.status == TaskStatus.OPEN:
        _decline_pending(task, by, _("The youth or a parent objected."))
        send_count = policy_for(youth.organisation).send_count
        if send_count and not withdrawn:  # a withdrawn registration is replaced by its count
            _send_count(
                youth=youth,
                by=by,
                request=request,
                because=CountBecause.OBJECTION,
                forms=forms or [],
                year=timezone.localdate().year,
                minor=_count_minor(youth),
                task=task,
            )
        if send_count:
            _close_task(task, by, TaskStatus.COUNTED)
        else:
            task.reason_not_kind = NotRegisteredReason.OBJECTION
            with translation.override(settings.LANGUAGE_CODE):
                task.reason_not = _(
                    "An objection; the organisation sends no count after an objection."
                )
            _close_task(task, by, TaskStatus.NOT_REGISTERED)
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=objection,
        youth_pseudonym=youth.pseudonym,
    )
    return objection


@transaction.atomic
def withdraw_consent(
    *,
    party: ConsentDecision,
    by: User,
    request: HttpRequest | None,
    withdrawn_on: date,
) -> Disclosure:
    """A person who gave consent withdraws it (GDPR art. 7(3)): every registration made on it is
    withdrawn at the registry and the file notes it. Withdrawing consent to care coordination
    only takes the request (and its contact details) back; the registration stays."""
    disclosure = party.disclosure
    if disclosure.route != Route.CONSENT or disclosure.status != DisclosureStatus.DECIDED:
        raise ValidationError(_("This consent no longer carries a registration."))
    if party.decision != PartyDecision.GIVEN or party.withdrawn_on is not None:
        raise ValidationError(_("Only a consent that was given can be withdrawn."))
    if withdrawn_on > timezone.localdate() or withdrawn_on < party.decided_on:
        raise ValidationError(
            {"withdrawn_on": _("The date must lie between the consent and today.")}
        )
    party.withdrawn_on = withdrawn_on
    party.save(update_fields=["withdrawn_on"])
    if disclosure.purpose == Purpose.CARE_COORDINATION:
        return _withdraw_care(disclosure, by=by, request=request)
    return _withdraw(disclosure, by=by, request=request, because=CountBecause.WITHDRAWN)


def _withdraw(
    disclosure: Disclosure, *, by: User, request: HttpRequest | None, because: str
) -> Disclosure:
    """Withdraw one registration: cancelled if it never left, otherwise withdrawn at the registry
    through the outbox; noted in the file; replaced by an untraceable count (by policy)."""
    check_disclosure_transition(disclosure.status, DisclosureStatus.WITHDRAWN)
    youth = disclosure.youth
    outbound = disclosure.registration
    now = timezone.now()
    related = Disclosure.objects.filter(registration=outbound) if outbound else None
    targets = list(related.filter(status=DisclosureStatus.DECIDED)) if related else [disclosure]
    for item in targets:
        item.status = DisclosureStatus.WITHDRAWN
        item.withdrawn_by, item.withdrawn_at = by, now
        item.withdrawal_reason = CountBecause(because).label
        item.save()
    reference = ""
    if outbound is not None:
        reference = outbound.registry_reference
        withdraw_at_registry(
            outbound=outbound, by=by, request=request, reason=WITHDRAWAL_REASONS[because]
        )
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "%(because)s: the registration of %(day)s%(reference)s is withdrawn at the registry; "
            "its pseudonyms and any contact details are erased there."
        ) % {
            "because": CountBecause(because).label,
            "day": _day(timezone.localdate(disclosure.decided_at)),
            "reference": f" ({reference})" if reference else "",
        }
    _write_note(youth=youth, by=by, kind=NoteKind.WITHDRAWAL, text=text, disclosure=disclosure)
    if outbound is not None and _count_stands_again(outbound):
        pass  # the count this registration was to replace was never withdrawn: it counts again
    elif policy_for(youth.organisation).send_count and outbound is not None:
        payload = outbound.payload
        _send_count(
            youth=youth,
            by=by,
            request=request,
            because=because,
            forms=list(payload.get("forms") or []),
            year=int(str(payload.get("reported_on") or timezone.localdate().isoformat())[:4]),
            minor=payload.get("minor"),
            task=None,
        )
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=youth.pseudonym,
    )
    return disclosure


def _count_stands_again(outbound: OutboundRegistration) -> bool:
    """A registration that was to replace a count, cancelled before it left: the registry never
    withdrew the count (it holds it, or is about to), so the count stands again and no second
    count goes."""
    counted = outbound.replaces
    if (
        counted is None
        or outbound.status != DeliveryStatus.CANCELLED
        or counted.status == DeliveryStatus.CANCELLED
    ):
        return False
    for count in counted.disclosures.filter(status=DisclosureStatus.REPLACED):
        check_disclosure_transition(count.status, DisclosureStatus.DECIDED)
        count.status = DisclosureStatus.DECIDED
        count.withdrawn_by, count.withdrawn_at, count.withdrawal_reason = None, None, None
        count.save()
    return True


def _withdraw_care(disclosure: Disclosure, *, by: User, request: HttpRequest | None) -> Disclosure:
    """Consent to care coordination withdrawn: the registration stays, without the request."""
    check_disclosure_transition(disclosure.status, DisclosureStatus.WITHDRAWN)
    disclosure.status = DisclosureStatus.WITHDRAWN
    disclosure.withdrawn_by, disclosure.withdrawn_at = by, timezone.now()
    disclosure.withdrawal_reason = CountBecause.WITHDRAWN.label
    disclosure.save()
    outbound = disclosure.registration
    if outbound is not None:
        payload = {**outbound.payload, "dossier_type": DossierType.STATISTICAL}
        payload.pop("contact", None)
        _change_at_registry(outbound=outbound, by=by, request=request, payload=payload)
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "Consent to care coordination was withdrawn: the request and its contact details are "
            "taken back at the registry; the registration for statistics stays."
        )
    _write_note(youth=disclosure.youth, by=by, kind=NoteKind.WITHDRAWAL, text=text)
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=disclosure.youth.pseudonym,
    )
    return disclosure


def withdraw_at_registry(
    *, outbound: OutboundRegistration, by: User, request: HttpRequest | None, reason: str
) -> None:
    """A registration that never left (or that the registry refused) is cancelled; any other is
    withdrawn through the outbox: the withdrawal waits for the registry's reference and is retried
    until the registry confirms it."""
    never_sent = OutboundRegistration.objects.filter(pk=outbound.pk).filter(
        status=DeliveryStatus.QUEUED, attempts=0
    ) | OutboundRegistration.objects.filter(pk=outbound.pk, status=DeliveryStatus.NEEDS_CORRECTION)
    if never_sent.update(status=DeliveryStatus.CANCELLED, claimed_until=None):
        outbound.refresh_from_db()
        return
    OutboundCall.objects.create(
        registration=outbound, kind=CallKind.WITHDRAW, body={"reason": reason}, created_by=by
    )
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=outbound.youth.pseudonym,
    )


def _change_at_registry(
    *,
    outbound: OutboundRegistration,
    by: User,
    request: HttpRequest | None,
    payload: dict[str, Any],
) -> None:
    """Change what the registry holds: in place while it has not left, otherwise a correction
    through the outbox (the whole registration, as the API wants it)."""
    unsent = OutboundRegistration.objects.filter(pk=outbound.pk, attempts=0).filter(
        status__in=[DeliveryStatus.QUEUED, DeliveryStatus.NEEDS_CORRECTION]
    )
    if unsent.update(payload=payload, dossier_type=payload["dossier_type"]):
        outbound.refresh_from_db()
        return
    outbound.payload = payload
    outbound.dossier_type = payload["dossier_type"]
    outbound.save(update_fields=["payload", "dossier_type"])
    OutboundCall.objects.create(
        registration=outbound, kind=CallKind.CORRECT, body=payload, created_by=by
    )
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=outbound.youth.pseudonym,
    )


# -- a count replaced by a registration ----------------------------------------------------------


def replaceable_count(disclosure: Disclosure) -> bool:
    """An untraceable count that stands (decided, sent or on its way) and that no objection
    closes: consent given later can replace it by a registration."""
    return (
        disclosure.purpose == Purpose.REGISTRATION
        and disclosure.route == Route.COUNT_ONLY
        and disclosure.status == DisclosureStatus.DECIDED
        and disclosure.registration is not None
        and disclosure.registration.status != DeliveryStatus.CANCELLED
        and objection_on_file(disclosure.youth) is None
    )


def _count_report_day(count: Disclosure, year: int) -> date:
    """The day the replacing registration is reported on: the day of the count, so the youth
    stays in the year the count was in (a count made when a registration was withdrawn carries
    that registration's year: then the last day of that year)."""
    day = timezone.localdate(count.decided_at)
    return day if day.year == year else date(year, 12, 31)


@transaction.atomic
def replace_count_with_registration(
    *,
    count: Disclosure,
    by: User,
    request: HttpRequest | None,
    answers: list[Answer],
    content: Content,
    youth_cannot_assess: bool = False,
    cannot_assess_note: str = "",
) -> Disclosure:
    """Consent given after only an untraceable count went (the youth turned 16 and agrees, a
    parent changed his or her mind): one action replaces the count by a registration for
    statistics. Baken keeps no reference to the count at the registry, so the registration
    carries what the count said (`replaces_count`: year, forms, minor, police unit) and the
    registry withdraws one such count of this organisation in the same transaction as it stores
    the registration, or refuses both: the youth is never counted twice, nor not at all. A count
    that never left is cancelled instead, and the registration goes plainly; one that may be on
    its way is awaited. Every person the law asks must consent now (route (a)); the statistics
    exception never replaces a count, as every count follows a refusal, an objection or a
    withdrawn consent, and an objection closes this for good (BW 7:458 lid 2(c))."""
    youth = count.youth
    if not may_register_youth(by, youth):
        raise ValidationError(_("Your role does not register for this organisation."))
    if objection_on_file(youth) is not None:
        raise ValidationError(
            _("An objection is on file: no registration with pseudonyms can follow it.")
        )
    # Two registrars at once: the second waits here, then finds the count replaced.
    count.status = (
        Disclosure.objects.select_for_update().values_list("status", flat=True).get(pk=count.pk)
    )
    if not replaceable_count(count):
        raise ValidationError(_("This is not an untraceable count that can be replaced."))
    check_disclosure_transition(count.status, DisclosureStatus.REPLACED)
    content.check()
    _check_cannot_assess(youth, youth_cannot_assess, cannot_assess_note)
    paired = _check_answers(
        youth, answers, prefix="party_", youth_cannot_assess=youth_cannot_assess
    )
    if any(a.decision != PartyDecision.GIVEN for _p, a in paired):
        raise ValidationError(
            _(
                "Everyone the law asks must consent before the count can be replaced. Without "
                "that, the count stays as it is."
            )
        )
    assert count.registration is not None  # noqa: S101 - replaceable_count checked it
    counted = OutboundRegistration.objects.select_for_update().get(pk=count.registration.pk)
    said = counted.payload
    year = int(said["year"])
    # A count that never left is cancelled (the conditional UPDATE loses to a sender that has
    # just claimed it); one that may have reached the registry is replaced there.
    never_sent = OutboundRegistration.objects.filter(pk=counted.pk).filter(
        Q(status=DeliveryStatus.QUEUED, attempts=0) | Q(status=DeliveryStatus.NEEDS_CORRECTION)
    )
    cancelled = bool(never_sent.update(status=DeliveryStatus.CANCELLED, claimed_until=None))
    try:
        payload = build_payload(
            youth=youth,
            dossier_type=DossierType.STATISTICAL,
            forms=content.forms,
            sector=content.sector,
            cross_border=content.cross_border,
            reported_on=_count_report_day(count, year),
            contact=None,
        )
    except PseudonymisationError as error:
        raise ValidationError(str(error)) from error
    if not cancelled:
        payload["replaces_count"] = {
            "year": year,
            "forms": list(said["forms"]),
            "minor": said.get("minor"),
            "reporter_region": said.get("reporter_region", ""),
        }
    outbound = OutboundRegistration.objects.create(
        youth=youth,
        created_by=by,
        dossier_type=DossierType.STATISTICAL,
        payload=payload,
        replaces=counted,
    )
    asked_on = min(a.on for _p, a in paired)
    bases = bases_for(Route.CONSENT)
    now = timezone.now()
    disclosure = Disclosure.objects.create(
        youth=youth,
        registration=outbound,
        purpose=Purpose.REGISTRATION,
        route=Route.CONSENT,
        art6_basis=bases.art6,
        art9_basis=bases.art9,
        secrecy_basis=bases.secrecy,
        age_at_time=youth.age_on(asked_on),
        consent_from=sorted(
            who_must_consent(youth.age_on(asked_on) or 0, youth_cannot_assess=youth_cannot_assess)
        ),
        youth_cannot_assess=youth_cannot_assess,
        youth_cannot_assess_note=cannot_assess_note.strip() or None,
        content=content.as_dict(),
        decided_by=by,
        decided_at=now,
    )
    _save_parties(disclosure, paired, by)
    count.status = DisclosureStatus.REPLACED
    count.withdrawn_by, count.withdrawn_at = by, now
    with translation.override(settings.LANGUAGE_CODE):
        count.withdrawal_reason = str(DisclosureStatus.REPLACED.label)
        text = _(
            "Consent given on %(day)s: the untraceable count of %(year)s is replaced by a "
            "registration for statistics (GDPR art. 6(1)(a) and 9(2)(a); keyed pseudonyms with "
            "year of birth, sex, nationality, country of birth, form and region). %(how)s"
        ) % {
            "day": _day(asked_on),
            "year": year,
            "how": _("The count never left Baken: it is cancelled, and only the registration goes.")
            if cancelled
            else _(
                "The registry withdraws the count in the same step as it stores the "
                "registration, so the youth is counted once."
            ),
        }
    count.save()
    _write_note(youth=youth, by=by, kind=NoteKind.REPLACEMENT, text=text, disclosure=disclosure)
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=disclosure,
        youth_pseudonym=youth.pseudonym,
    )
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="disclosure",
        object_id=count.pk,
        youth_pseudonym=youth.pseudonym,
        detail=(
            "untraceable count cancelled before it left; registration queued"
            if cancelled
            else "untraceable count to be replaced at the registry by the registration queued"
        ),
    )
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=youth.pseudonym,
    )
    return disclosure


# -- corrections ---------------------------------------------------------------------------------


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
    """Correct a registration: one the registry refused (4xx) is queued again; one it holds is
    corrected there through the outbox. An untraceable count cannot be corrected: Baken keeps no
    reference to it."""
    if not forms:
        raise ValidationError({"forms": _("Choose at least one form of exploitation.")})
    if outbound.is_count and outbound.status == DeliveryStatus.DELIVERED:
        raise ValidationError(
            _("A count cannot be corrected: Baken keeps no reference to it at the registry.")
        )
    if outbound.disclosures.filter(
        status__in=[DisclosureStatus.WITHDRAWN, DisclosureStatus.REPLACED]
    ).exists() or (outbound.status == DeliveryStatus.CANCELLED):
        raise ValidationError(_("This registration has been withdrawn."))
    payload = {**outbound.payload, "forms": forms}
    if not outbound.is_count:
        payload.update(sector=sector, cross_border=cross_border)
    if outbound.status == DeliveryStatus.NEEDS_CORRECTION:
        check_delivery_transition(outbound.status, DeliveryStatus.QUEUED)
        outbound.payload = payload
        outbound.status = DeliveryStatus.QUEUED
        outbound.next_attempt_at = timezone.now()
        outbound.last_error = ""
        outbound.save()
    elif outbound.status == DeliveryStatus.DELIVERED:
        _change_at_registry(outbound=outbound, by=by, request=request, payload=payload)
    else:
        raise ValidationError(
            _("This registration is on its way to the registry: correct it once it is delivered.")
        )
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=outbound.youth.pseudonym,
    )
    return outbound
