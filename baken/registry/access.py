"""The registry's own data is for its analysts: candidate pairs for clerical review and the
persons linkage made. Each read is logged; a missing pair or person is a 404, logged as denied.
(Roles are checked with the organisation's kind: an institution's staff never reach these.)"""

import pandas as pd
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from baken.accounts.access import AccessRule, holds, refuse_as_missing
from baken.accounts.models import OrganisationKind, Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.models import CandidatePair, Registration, StatisticsRelease
from baken.registry.releases import registrations_frame

ANALYSTS = AccessRule(roles=frozenset({Role.REGISTRY_ANALYST}), kind=OrganisationKind.REGISTRY)


def pairs_visible_to(user: User) -> QuerySet[CandidatePair]:
    if not holds(user, ANALYSTS):
        return CandidatePair.objects.none()
    return CandidatePair.objects.all()


def get_pair_for_user(user: User, pair_id: int, *, request: HttpRequest | None) -> CandidatePair:
    pair = (
        pairs_visible_to(user)
        .select_related("left__source", "right__source")
        .filter(pk=pair_id)
        .first()
    )
    if pair is None:
        refuse_as_missing(user, request=request, object_type="candidate_pair", object_id=pair_id)
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="candidate_pair",
        object_id=pair.pk,
    )
    return pair


def registrations_visible_to(user: User) -> QuerySet[Registration]:
    if not holds(user, ANALYSTS):
        return Registration.objects.none()
    return Registration.objects.all()


def get_person_for_user(
    user: User, person_key: str, *, request: HttpRequest | None
) -> list[Registration]:
    """The registrations linkage put together as one person."""
    registrations = list(
        registrations_visible_to(user)
        .filter(person_key=person_key)
        .exclude(person_key="")
        .select_related("source")
        .order_by("reported_on")
    )
    if not registrations:
        refuse_as_missing(user, request=request, object_type="person", object_id=person_key)
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="person",
        object_id=person_key,
        detail=f"{len(registrations)} registration(s)",
    )
    return registrations


def get_release_for_export(
    user: User, *, request: HttpRequest | None, detail: str
) -> StatisticsRelease:
    """The newest statistics release, for a file that leaves Baken: the export is logged with
    what it holds. Without a release with years, a 404."""
    release = StatisticsRelease.objects.first()
    if release is None or not release.years:
        raise Http404
    log_access(
        event=AuditEvent.EXPORT,
        user=user,
        request=request,
        object_type="statistics_release",
        object_id=release.pk,
        detail=detail[:500],
    )
    return release


def registrations_for_export(user: User, *, request: HttpRequest | None) -> pd.DataFrame:
    """The linked registrations (pseudonymous) behind a capture table that leaves Baken."""
    log_access(event=AuditEvent.EXPORT, user=user, request=request, object_type="capture_table")
    return registrations_frame()
