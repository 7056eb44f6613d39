"""Registration tasks and outbound registrations are reached through their youth: whoever may see
the youth may see them, and the youth's access function logs each read. A missing one, or
another organisation's, is the same 404, logged as denied. Deciding a task is for the registrar
the organisation's policy names: anyone else gets a 403 (logged as denied, before anything is
read)."""

from django.db.models import QuerySet
from django.http import HttpRequest

from baken.accounts.access import refuse, refuse_as_missing
from baken.accounts.models import User
from baken.cases.access import get_youth_for_user, youths_visible_to
from baken.cases.models import Youth
from baken.registration.models import (
    ConsentDecision,
    Disclosure,
    DisclosureStatus,
    OutboundRegistration,
    Purpose,
    RegistrationTask,
    Route,
)
from baken.registration.services import (
    is_designated_officer_for,
    may_register,
    may_register_youth,
)


def registration_panel(youth: Youth) -> dict[str, object]:
    """What the youth's page shows about registration (for a youth its caller has read through
    its access function): the decisions on disclosure with their parties, and objections."""
    disclosures = (
        Disclosure.objects.filter(youth=youth)
        .exclude(status=DisclosureStatus.DECLINED)
        .select_related("registration__replaces", "confirmed_by")
        .prefetch_related("parties__guardian", "registration__calls", "registration__replaced_by")
    )
    objections = youth.objections.select_related("guardian")
    return {"disclosures": list(disclosures), "objections": list(objections)}


def tasks_visible_to(user: User) -> QuerySet[RegistrationTask]:
    return RegistrationTask.objects.filter(youth__in=youths_visible_to(user))


def registrations_visible_to(user: User) -> QuerySet[OutboundRegistration]:
    return OutboundRegistration.objects.filter(youth__in=youths_visible_to(user))


def get_task_to_decide(
    user: User, task_id: int, *, request: HttpRequest | None
) -> RegistrationTask:
    task = tasks_visible_to(user).select_related("youth").filter(pk=task_id).first()
    if task is None:
        refuse_as_missing(user, request=request, object_type="registrationtask", object_id=task_id)
    if not may_register(user, task):
        refuse(user, request=request, reason="not the registrar this organisation's policy names")
    get_youth_for_user(user, task.youth.pseudonym, request=request, object_type="registration")
    return task


def get_registration_for_user(
    user: User, outbound_id: int, *, request: HttpRequest | None
) -> OutboundRegistration:
    outbound = registrations_visible_to(user).select_related("youth").filter(pk=outbound_id).first()
    if outbound is None:
        refuse_as_missing(
            user, request=request, object_type="outboundregistration", object_id=outbound_id
        )
    get_youth_for_user(user, outbound.youth.pseudonym, request=request, object_type="registration")
    return outbound


def get_proposal_for_officer(
    user: User, disclosure_id: int, *, request: HttpRequest | None
) -> Disclosure:
    """A proposal to register without consent, for the designated officer of the youth's
    organisation to confirm."""
    proposal = (
        Disclosure.objects.filter(
            youth__in=youths_visible_to(user), pk=disclosure_id, status=DisclosureStatus.PROPOSED
        )
        .select_related("youth", "task")
        .first()
    )
    if proposal is None:
        refuse_as_missing(user, request=request, object_type="disclosure", object_id=disclosure_id)
    if not is_designated_officer_for(user, proposal.youth):
        refuse(
            user, request=request, reason="not the designated officer of the youth's organisation"
        )
    get_youth_for_user(user, proposal.youth.pseudonym, request=request, object_type="registration")
    return proposal


def get_consent_for_user(
    user: User, party_id: int, *, request: HttpRequest | None
) -> ConsentDecision:
    """One person's consent, reached through the youth."""
    party = (
        ConsentDecision.objects.filter(disclosure__youth__in=youths_visible_to(user), pk=party_id)
        .select_related("disclosure__youth", "guardian")
        .first()
    )
    if party is None:
        refuse_as_missing(user, request=request, object_type="consentdecision", object_id=party_id)
    get_youth_for_user(
        user, party.disclosure.youth.pseudonym, request=request, object_type="registration"
    )
    return party


def get_count_to_replace(
    user: User, disclosure_id: int, *, request: HttpRequest | None
) -> Disclosure:
    """An untraceable count of a youth the user may see, for the registrar the organisation's
    policy names to replace by a registration once consent is given."""
    count = (
        Disclosure.objects.filter(
            youth__in=youths_visible_to(user),
            pk=disclosure_id,
            route=Route.COUNT_ONLY,
            purpose=Purpose.REGISTRATION,
        )
        .select_related("youth", "registration")
        .first()
    )
    if count is None:
        refuse_as_missing(user, request=request, object_type="disclosure", object_id=disclosure_id)
    if not may_register_youth(user, count.youth):
        refuse(user, request=request, reason="not the registrar this organisation's policy names")
    get_youth_for_user(user, count.youth.pseudonym, request=request, object_type="registration")
    return count
