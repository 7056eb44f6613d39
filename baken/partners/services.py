"""Keeping the organisation's own entries in the chain-partner directory."""

from django.db import transaction
from django.http import HttpRequest

from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.partners.models import Partner


@transaction.atomic
def save_partner(*, partner: Partner, by: User, request: HttpRequest | None) -> Partner:
    """Create or change one of the organisation's own directory entries."""
    creating = partner.pk is None
    partner.owner = by.organisation
    partner.full_clean()
    partner.save()
    log_access(
        event=AuditEvent.CREATE if creating else AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="partner",
        object_id=partner.pk,
    )
    return partner
