"""The registry's retention policy, carried out by `baken purge` on the registry side.

- A withdrawn registration (after an objection, say) is erased entirely once
  `REGISTRY_WITHDRAWN_GRACE_DAYS` have passed since the withdrawal. Withdrawing already removes
  the pseudonyms and contact details; the row is kept that long only so a late repeat of the
  original delivery (same idempotency key) is recognised instead of stored again. A key a source
  withdrew before anything arrived under it (`POST /api/withdrawals`) is kept as long.
- Every other registration is erased `REGISTRY_RETENTION_YEARS` after the date it reports
  (`reported_on`), a term the registry's privacy officer and oversight committee set.

Published statistics releases are aggregates and stay; the next `baken link --rebuild` counts
without the erased registrations. Each erasure is in the audit log by reference only.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.models import Registration, RegistrationStatus, WithdrawnKey


@dataclass(frozen=True)
class RegistryDue:
    withdrawn: list[str]  # references
    expired: list[str]
    withdrawn_before: date
    reported_before: date


def _withdrawn(today: date) -> tuple[QuerySet[Registration], date]:
    before = today - timedelta(days=settings.REGISTRY_WITHDRAWN_GRACE_DAYS)
    start_of_day = timezone.make_aware(datetime.combine(before, datetime.min.time()))
    queryset = Registration.objects.filter(
        status=RegistrationStatus.WITHDRAWN, updated_at__lt=start_of_day
    )
    return queryset, before


def _expired(today: date) -> tuple[QuerySet[Registration], date]:
    before = today - relativedelta(years=settings.REGISTRY_RETENTION_YEARS)
    queryset = Registration.objects.exclude(status=RegistrationStatus.WITHDRAWN).filter(
        reported_on__lt=before
    )
    return queryset, before


def registrations_due(*, today: date) -> RegistryDue:
    withdrawn, withdrawn_before = _withdrawn(today)
    expired, reported_before = _expired(today)
    return RegistryDue(
        withdrawn=list(withdrawn.order_by("reference").values_list("reference", flat=True)),
        expired=list(expired.order_by("reference").values_list("reference", flat=True)),
        withdrawn_before=withdrawn_before,
        reported_before=reported_before,
    )


@transaction.atomic
def erase_due_registrations(*, due: RegistryDue) -> int:
    """Erase what `registrations_due` listed (candidate pairs go with them), one audit entry
    per registration."""
    for references, why in (
        (due.withdrawn, "withdrawn"),
        (due.expired, f"retention term of {settings.REGISTRY_RETENTION_YEARS} years passed"),
    ):
        for reference in references:
            log_access(
                event=AuditEvent.DELETE,
                user=None,
                username="baken purge",
                object_type="registration",
                object_id=reference,
                detail=f"registration erased ({why})",
            )
    _total, per_model = Registration.objects.filter(
        reference__in=[*due.withdrawn, *due.expired]
    ).delete()
    # Withdrawn keys (nothing about a person) are kept as long as withdrawn registrations.
    before = timezone.make_aware(datetime.combine(due.withdrawn_before, datetime.min.time()))
    WithdrawnKey.objects.filter(withdrawn_at__lt=before).delete()
    return per_model.get(Registration._meta.label, 0)
