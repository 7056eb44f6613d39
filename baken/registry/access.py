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
from baken.registry.models import (
    CandidatePair,
    LinkJob,
    Registration,
    RegistrationStatus,
    StatisticsRelease,
)
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


def get_registration_for_user(
    user: User, reference: str, *, request: HttpRequest | None
) -> Registration:
    """One registration by its reference (for joining it with a person), logged."""
    registration = (
        registrations_visible_to(user).filter(reference=reference).select_related("source").first()
    )
    if registration is None:
        refuse_as_missing(user, request=request, object_type="registration", object_id=reference)
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="registration",
        object_id=registration.reference,
    )
    return registration


def get_registration_pair_for_user(
    user: User, reference_a: str, reference_b: str, *, request: HttpRequest | None
) -> tuple[Registration, Registration]:
    """Two registrations, for the review of the pair they make: its address stays the same when
    a re-link gives the pair's row a new number. Either missing: a 404."""
    found = {
        r.reference: r
        for r in registrations_visible_to(user)
        .filter(reference__in=[reference_a, reference_b])
        .select_related("source")
    }
    key = f"{reference_a}/{reference_b}"
    if reference_a == reference_b or len(found) != 2:
        refuse_as_missing(user, request=request, object_type="candidate_pair", object_id=key)
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="candidate_pair",
        object_id=key,
    )
    return found[reference_a], found[reference_b]


def get_person_of_registration_for_user(
    user: User, reference: str, *, request: HttpRequest | None
) -> tuple[Registration, list[Registration]]:
    """The person a registration belongs to now, found by the registration (its address stays
    the same across re-links, which may renew person keys): the registration and all
    registrations linked with it. A withdrawn registration belongs to no person: a 404."""
    anchor = (
        registrations_visible_to(user)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .filter(reference=reference)
        .select_related("source")
        .first()
    )
    if anchor is None:
        refuse_as_missing(user, request=request, object_type="person", object_id=reference)
    members = (
        list(
            Registration.objects.active()
            .filter(person_key=anchor.person_key)
            .select_related("source")
            .order_by("reported_on", "pk")
        )
        if anchor.person_key
        else [anchor]
    )
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="person",
        object_id=reference,
        detail=f"{len(members)} registration(s)",
    )
    return anchor, members


def get_link_job_for_user(user: User, job_id: int, *, request: HttpRequest | None) -> LinkJob:
    job = LinkJob.objects.filter(pk=job_id).select_related("source").first()
    if job is None or not holds(user, ANALYSTS):
        refuse_as_missing(user, request=request, object_type="link_job", object_id=job_id)
    return job


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
