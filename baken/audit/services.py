"""Writing to the audit log. `log_access` is the only way an entry is made."""

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from baken.audit.chain import (
    GENESIS_HASH,
    ChainedEntry,
    ChainFields,
    ChainProblem,
    digest_entry,
    verify_chain,
)
from baken.audit.models import AuditChainHead, AuditEntry, AuditEvent, AuditOutcome

if TYPE_CHECKING:
    from baken.accounts.models import User

CHAINED_FIELDS = (
    "sequence",
    "occurred_at",
    "event",
    "outcome",
    "user_id",
    "username",
    "role",
    "organisation_name",
    "organisation_id_at_time",
    "on_behalf_of",
    "ip_address",
    "user_agent",
    "object_type",
    "object_id",
    "youth_pseudonym",
    "detail",
    "previous_hash",
    "entry_hash",
)


def audit_key() -> bytes:
    return settings.AUDIT_KEY.encode("utf-8")


def _normalise_ip(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return str(ipaddress.ip_address(raw.strip()))
    except ValueError:
        return None


def _chain_fields(values: dict[str, object]) -> ChainFields:
    occurred_at = values["occurred_at"]
    if not isinstance(occurred_at, datetime):
        raise TypeError("occurred_at must be a datetime")
    fields: dict[str, str | int | None] = {}
    for name in CHAINED_FIELDS[:-2]:
        value = values[name]
        if name == "occurred_at":
            fields[name] = occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
        elif name == "ip_address":
            fields[name] = _normalise_ip(value if isinstance(value, str) else None)
        elif value is None or isinstance(value, int):
            fields[name] = value
        else:
            fields[name] = str(value)
    return fields


def client_ip(request: HttpRequest) -> str | None:
    """The client's address. Behind a proxy (BAKEN_BEHIND_PROXY), the one the proxy appended last
    to X-Forwarded-For (what it saw; earlier ones the client can make up)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded.strip():
        return _normalise_ip(forwarded.split(",")[-1])
    return _normalise_ip(request.META.get("REMOTE_ADDR"))


@transaction.atomic
def log_access(
    *,
    event: AuditEvent,
    user: "User | None",
    request: HttpRequest | None = None,
    object_type: str = "",
    object_id: str | int = "",
    youth_pseudonym: str = "",
    outcome: AuditOutcome = AuditOutcome.SUCCESS,
    detail: str = "",
    on_behalf_of: str = "",
    username: str = "",
) -> AuditEntry:
    """Append one entry to the audit log, chained to the previous one.

    Call it inside the transaction that does the audited work, so both land or neither does.
    """
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    organisation = user.organisation if user is not None and user.pk else None
    values: dict[str, object] = {
        "sequence": head.sequence + 1,
        "occurred_at": timezone.now(),
        "event": str(event),
        "outcome": str(outcome),
        "user_id": user.pk if user is not None and user.pk else None,
        "username": (user.get_username() if user is not None and user.pk else username)[:150],
        "role": ", ".join(sorted(user.role_set))[:200] if user is not None and user.pk else "",
        "organisation_name": organisation.name if organisation else "",
        "organisation_id_at_time": organisation.pk if organisation else None,
        "on_behalf_of": on_behalf_of[:200],
        "ip_address": client_ip(request) if request is not None else None,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else "",
        "object_type": object_type,
        "object_id": str(object_id),
        "youth_pseudonym": youth_pseudonym,
        "detail": detail[:500],
    }
    previous_hash = head.entry_hash or GENESIS_HASH
    entry_hash = digest_entry(
        key=audit_key(), previous_hash=previous_hash, fields=_chain_fields(values)
    )
    entry = AuditEntry.objects.create(previous_hash=previous_hash, entry_hash=entry_hash, **values)
    head.sequence = entry.sequence
    head.entry_hash = entry_hash
    head.save(update_fields=["sequence", "entry_hash"])
    return entry


def log_object_access(
    *,
    event: AuditEvent,
    by: "User",
    request: HttpRequest | None,
    obj: Model,
    youth_pseudonym: str = "",
) -> AuditEntry:
    """Log an action on one stored object, named by its model and primary key."""
    return log_access(
        event=event,
        user=by,
        request=request,
        object_type=obj._meta.model_name or "",
        object_id=obj.pk,
        youth_pseudonym=youth_pseudonym,
    )


def _stored_entries() -> Iterator[ChainedEntry]:
    rows = AuditEntry.objects.order_by("sequence").values(*CHAINED_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        yield ChainedEntry(
            sequence=row["sequence"],
            previous_hash=row["previous_hash"],
            entry_hash=row["entry_hash"],
            fields=_chain_fields(row),
        )


def verify_audit_log() -> tuple[int, ChainProblem | None]:
    """Recompute the whole chain; return the number of good entries and the first problem."""
    head = AuditChainHead.objects.filter(id=1).first()
    return verify_chain(
        _stored_entries(),
        key=audit_key(),
        head_sequence=head.sequence if head else 0,
        head_hash=head.entry_hash if head else "",
    )
