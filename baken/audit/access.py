"""The audit log has its own access control: only privacy officers, for their own organisation."""

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from baken.accounts.models import Role, User
from baken.audit.models import AuditEntry, AuditEvent
from baken.audit.services import log_access

# A page that lists youths logs one entry per view with this object type, naming the youths'
# pseudonyms in its detail (see cases.access.log_youths_listed).
YOUTH_LIST = "youth_list"


def audit_entries_visible_to(user: User) -> QuerySet[AuditEntry]:
    if not user.has_role(Role.PRIVACY_OFFICER) or user.organisation_id is None:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(organisation_id_at_time=user.organisation_id)


def youth_access_overview(user: User, youth_pseudonym: str) -> QuerySet[AuditEntry]:
    """Who accessed this youth's data and when (a client's right under NEN 7513), including the
    lists that showed the youth's name."""
    if not youth_pseudonym:
        return AuditEntry.objects.none()
    return (
        audit_entries_visible_to(user)
        .filter(
            Q(youth_pseudonym=youth_pseudonym)
            | Q(object_type=YOUTH_LIST, detail__contains=youth_pseudonym)
        )
        .order_by("sequence")
    )


def youth_in_log(user: User, youth_pseudonym: str) -> bool:
    """Whether the organisation's log knows this pseudonym: opening a case file is logged, so a
    pseudonym without any entry belongs to no youth of the organisation."""
    return audit_entries_visible_to(user).filter(youth_pseudonym=youth_pseudonym).exists()


def youth_file_destroyed(user: User, youth_pseudonym: str) -> bool:
    """Whether the organisation's log records that this youth's file was destroyed (on request;
    the entries stay for the log's own term)."""
    return (
        audit_entries_visible_to(user)
        .filter(youth_pseudonym=youth_pseudonym, object_type="youth", event=AuditEvent.DELETE)
        .exists()
    )


def export_youth_access_overview(
    user: User, youth_pseudonym: str, *, request: HttpRequest | None
) -> QuerySet[AuditEntry]:
    """The overview for a file that leaves Baken: the export itself is logged."""
    log_access(
        event=AuditEvent.EXPORT,
        user=user,
        request=request,
        object_type="access_overview",
        youth_pseudonym=youth_pseudonym,
    )
    return youth_access_overview(user, youth_pseudonym)
