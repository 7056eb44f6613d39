"""Who may see which youth. Every read of a youth goes through `get_youth_for_user`, which logs it.

- a youth worker: the youths of their own team(s), plus youths opened with break-the-glass
  (for a limited time);
- a designated officer, behavioural scientist or manager: every youth of their organisation;
- nobody else (privacy officer, functional administrator, registry): no youth at all; a privacy
  officer can only find a youth by name for the access overview.
A youth of another organisation gives the same 404 as one that does not exist; the attempt is
logged as denied. A page that lists youths' names logs one entry per view naming them.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import OrganisationKind, Role, User
from baken.audit.access import YOUTH_LIST
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.cases.models import EmergencyAccess, Youth

ORGANISATION_WIDE_ROLES = (Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.MANAGER)
# Encrypted fields no list of youths shows: a list leaves them undecrypted (`.defer(...)`).
UNLISTED_FIELDS = ("sex", "nationality", "country_of_birth")
CASE_ROLES = (Role.YOUTH_WORKER, *ORGANISATION_WIDE_ROLES)


def _in_institution(user: User) -> bool:
    organisation = user.organisation
    return organisation is not None and organisation.kind == OrganisationKind.INSTITUTION


def sees_whole_organisation(user: User) -> bool:
    return _in_institution(user) and user.has_role(*ORGANISATION_WIDE_ROLES)


def may_use_break_the_glass(user: User) -> bool:
    return _in_institution(user) and user.has_role(Role.YOUTH_WORKER)


def youths_visible_to(user: User) -> QuerySet[Youth]:
    if not _in_institution(user):
        return Youth.objects.none()
    own = Youth.objects.filter(organisation=user.organisation)
    if sees_whole_organisation(user):
        return own
    if not user.has_role(Role.YOUTH_WORKER):
        return Youth.objects.none()
    # Two subqueries rather than a join with the teams, so the result needs no DISTINCT and
    # the database can test these cheap conditions before any costly one a caller adds.
    in_team = Youth.teams.through.objects.filter(team__members=user).values("youth_id")
    emergency = EmergencyAccess.objects.filter(user=user, expires_at__gt=timezone.now())
    return own.filter(Q(pk__in=in_team) | Q(pk__in=emergency.values("youth_id")))


def youths_findable_by(user: User) -> QuerySet[Youth]:
    """Whom a worker may look up by name to ask for break-the-glass: their whole organisation."""
    if not may_use_break_the_glass(user) and not sees_whole_organisation(user):
        return Youth.objects.none()
    return Youth.objects.filter(organisation=user.organisation)


def youths_findable_for_access_overview(user: User) -> QuerySet[Youth]:
    """Whom a privacy officer may look up by name, to answer a youth's or parent's request for
    the overview of who accessed the file (NEN 7513): every youth of their organisation, by
    name only (the search shows no more of the file; it is logged like any search and list)."""
    if not _in_institution(user) or not user.has_role(Role.PRIVACY_OFFICER):
        return Youth.objects.none()
    return Youth.objects.filter(organisation=user.organisation)


def get_youth_for_break_the_glass(
    user: User, pseudonym: str, *, request: HttpRequest | None
) -> Youth:
    """A youth of the worker's organisation, to ask for emergency access; the look-up is logged
    (a search: the page shows the name before any access is granted)."""
    youth = youths_findable_by(user).filter(pseudonym=pseudonym).first()
    if youth is None:
        refuse_as_missing(user, request=request, object_type="youth", object_id=pseudonym)
    log_access(
        event=AuditEvent.SEARCH,
        user=user,
        request=request,
        object_type="youth",
        object_id=youth.pk,
        youth_pseudonym=youth.pseudonym,
        detail="break-the-glass request",
    )
    return youth


def _active_emergency(user: User, youth: Youth) -> EmergencyAccess | None:
    return EmergencyAccess.objects.filter(
        user=user, youth=youth, expires_at__gt=timezone.now()
    ).first()


def get_youth_for_user(
    user: User,
    pseudonym: str,
    *,
    request: HttpRequest | None,
    event: AuditEvent = AuditEvent.READ,
    object_type: str = "youth",
    select_related: tuple[str, ...] = (),
) -> Youth:
    """The youth, if this user may see them; the access is logged (as emergency access when it
    rests on break-the-glass). Raises Http404 otherwise. `select_related` names related objects
    the caller's page shows (the municipality), read in the same query."""
    whole_organisation = sees_whole_organisation(user)
    visible = youths_visible_to(user).filter(pseudonym=pseudonym).select_related(*select_related)
    if not whole_organisation:
        # whether the youth is in one of the user's teams, in the same query
        visible = visible.annotate(
            in_users_team=Exists(
                Youth.teams.through.objects.filter(youth_id=OuterRef("pk"), team__members=user)
            )
        )
    youth = visible.first()
    if youth is None:
        refuse_as_missing(user, request=request, object_type=object_type, object_id=pseudonym)
    in_team = whole_organisation or youth.in_users_team  # type: ignore[attr-defined]
    emergency = None if in_team else _active_emergency(user, youth)
    log_access(
        event=AuditEvent.EMERGENCY_ACCESS if emergency else event,
        user=user,
        request=request,
        object_type=object_type,
        object_id=youth.pk,
        youth_pseudonym=youth.pseudonym,
        detail=f"break-the-glass #{emergency.pk}; {event}" if emergency else "",
    )
    return youth


def emergency_accesses_for_review(user: User) -> QuerySet[EmergencyAccess]:
    """Break-the-glass accesses of the privacy officer's organisation."""
    if not user.has_role(Role.PRIVACY_OFFICER) or user.organisation_id is None:
        return EmergencyAccess.objects.none()
    return EmergencyAccess.objects.filter(youth__organisation_id=user.organisation_id)


def get_emergency_access_for_review(
    user: User, access_id: int, *, request: HttpRequest | None
) -> EmergencyAccess:
    access = (
        emergency_accesses_for_review(user)
        .select_related("youth", "user")
        .filter(pk=access_id)
        .first()
    )
    if access is None:
        refuse_as_missing(user, request=request, object_type="emergencyaccess", object_id=access_id)
    return access


PSEUDONYMS_PER_ENTRY = 40  # an entry's detail holds 500 characters


def log_youths_listed(
    user: User, youths: Iterable[Youth], *, request: HttpRequest | None, page: str
) -> None:
    """A page that shows youths' names writes one audit entry per view, naming the youths shown
    by their pseudonyms (one more entry for each further 40: an entry holds 500 characters).
    The privacy officer's overview per youth finds these entries too. One transaction, so the
    audit chain's head is locked (and the log flushed to disk) once per page view."""
    pseudonyms = sorted({youth.pseudonym for youth in youths})
    with transaction.atomic():
        for start in range(0, len(pseudonyms), PSEUDONYMS_PER_ENTRY):
            log_access(
                event=AuditEvent.READ,
                user=user,
                request=request,
                object_type=YOUTH_LIST,
                object_id=page[:64],
                detail=" ".join(pseudonyms[start : start + PSEUDONYMS_PER_ENTRY]),
            )
