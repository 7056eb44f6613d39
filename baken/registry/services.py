"""Receiving, correcting and withdrawing registrations."""

from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.models import (
    CountReport,
    Registration,
    RegistrationStatus,
    Source,
    StatisticsRelease,
)
from baken.registry.persons import link_new_safely
from baken.registry.releases import publish
from baken.registry.schemas import CountIn, CountReplaced, Pseudonyms, RegistrationIn


class NoCountToReplace(Exception):
    """The registration says it replaces an untraceable count, and the source has no count (not
    withdrawn) that says exactly that: nothing is stored, so the person is not counted twice."""


def _fields(data: RegistrationIn) -> dict[str, Any]:
    values = data.model_dump(exclude={"replaces_count"})
    pseudonyms = values.pop("pseudonyms")
    contact = values.pop("contact")
    if contact and contact.get("date_of_birth"):
        contact["date_of_birth"] = contact["date_of_birth"].isoformat()
    return {**values, **pseudonyms, "contact": contact}


def receive_registration(
    *, source: Source, idempotency_key: str, data: RegistrationIn, link_on_arrival: bool = True
) -> tuple[Registration, bool]:
    """Store a registration once per (source, idempotency key). Returns it and whether it is new;
    a repeated delivery (for example after a lost reply) returns the first one unchanged.
    A new registration is linked once the transaction commits (bulk uploads leave that to the
    nightly re-link)."""
    existing = Registration.objects.filter(source=source, idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                source=source, idempotency_key=idempotency_key, **_fields(data)
            )
            if data.replaces_count is not None:
                registration.replaced_count = _withdraw_count_replaced_by(
                    registration, data.replaces_count
                )
                registration.save(update_fields=["replaced_count"])
            if link_on_arrival:
                transaction.on_commit(partial(link_new_safely, registration.pk))
    except IntegrityError:
        return Registration.objects.get(source=source, idempotency_key=idempotency_key), False
    return registration, True


@transaction.atomic
def correct_registration(*, registration: Registration, data: RegistrationIn) -> Registration:
    if registration.status == RegistrationStatus.WITHDRAWN:
        raise ValueError("a withdrawn registration cannot be corrected")
    for name, value in _fields(data).items():
        setattr(registration, name, value)
    registration.status = RegistrationStatus.CORRECTED
    registration.updated_at = timezone.now()
    registration.save()
    transaction.on_commit(partial(link_new_safely, registration.pk))
    return registration


@transaction.atomic
def withdraw_registration(*, registration: Registration, reason: str) -> Registration:
    """After an objection, for example. The pseudonyms and contact details are removed; the row
    stays, so a repeated delivery with the same key does not bring it back."""
    registration.status = RegistrationStatus.WITHDRAWN
    registration.withdrawn_reason = reason
    registration.contact = None
    for name in Pseudonyms.model_fields:
        if name != "key_version":
            setattr(registration, name, "")
    registration.updated_at = timezone.now()
    registration.save()
    return registration


def _withdraw_count_replaced_by(registration: Registration, said: CountReplaced) -> CountReport:
    """Withdraw one of the source's counts that says exactly `said`, in the caller's transaction.
    The source keeps no reference to its counts, so any count that says the same will do: they
    are interchangeable in every statistic. Each candidate is taken with a conditional UPDATE, so
    two registrations never replace the same count."""
    candidates = (
        CountReport.objects.active()
        .filter(
            source=registration.source,
            year=said.year,
            minor=said.minor,
            reporter_region=said.reporter_region,
        )
        .order_by("received_at", "pk")
    )
    forms = sorted(said.forms)
    for count in candidates:
        if sorted(count.forms) != forms:
            continue
        taken = (
            CountReport.objects.active()
            .filter(pk=count.pk)
            .update(
                status=RegistrationStatus.WITHDRAWN,
                withdrawn_reason=f"replaced by registration {registration.reference}",
                updated_at=timezone.now(),
            )
        )
        if taken:
            count.refresh_from_db()
            return count
    raise NoCountToReplace


def receive_count(
    *, source: Source, idempotency_key: str, data: CountIn
) -> tuple[CountReport, bool]:
    """Store an untraceable count once per (source, idempotency key), apart from registrations:
    it is never linked. Returns it and whether it is new."""
    existing = CountReport.objects.filter(source=source, idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    values = data.model_dump(exclude={"dossier_type"})
    try:
        with transaction.atomic():
            count = CountReport.objects.create(
                source=source, idempotency_key=idempotency_key, **values
            )
    except IntegrityError:
        return CountReport.objects.get(source=source, idempotency_key=idempotency_key), False
    return count, True


@transaction.atomic
def correct_count(*, count: CountReport, data: CountIn) -> CountReport:
    if count.status == RegistrationStatus.WITHDRAWN:
        raise ValueError("a withdrawn registration cannot be corrected")
    for name, value in data.model_dump(exclude={"dossier_type"}).items():
        setattr(count, name, value)
    count.status = RegistrationStatus.CORRECTED
    count.updated_at = timezone.now()
    count.save()
    return count


@transaction.atomic
def withdraw_count(*, count: CountReport, reason: str) -> CountReport:
    count.status = RegistrationStatus.WITHDRAWN
    count.withdrawn_reason = reason
    count.updated_at = timezone.now()
    count.save()
    return count


@transaction.atomic
def publish_statistics(*, by: User, request: HttpRequest | None) -> StatisticsRelease:
    """An analyst recounts the statistics now (they are also recounted after every re-link)."""
    release = publish()
    log_access(
        event=AuditEvent.CREATE,
        user=by,
        request=request,
        object_type="statistics_release",
        object_id=release.pk,
    )
    return release
