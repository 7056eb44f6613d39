"""Writing to the audit log. `log_access` is the only way an entry is made.

Also: verifying the chain (against its signed head and the external checkpoints), writing
checkpoints, and pruning whole segments behind a checkpoint when the retention term has passed.
"""

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from baken.audit.chain import (
    GENESIS_HASH,
    ChainedEntry,
    ChainFields,
    ChainProblem,
    Checkpoint,
    Head,
    digest_entry,
    sign_checkpoint,
    sign_head,
    verify_chain,
)
from baken.audit.checkpoints import CheckpointFileError, append_checkpoint, read_checkpoints
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


# Without a savepoint of its own: called inside the audited work's transaction (as it should
# be), a failure here fails that whole transaction anyway, and SAVEPOINT and RELEASE cost two
# round trips on every audited page.
@transaction.atomic(savepoint=False)
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
    head.mac = sign_head(_as_head(head), key=audit_key()).mac
    head.save(update_fields=["sequence", "entry_hash", "mac"])
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


def _as_head(row: AuditChainHead) -> Head:
    return Head(
        sequence=row.sequence,
        entry_hash=row.entry_hash,
        base_sequence=row.base_sequence,
        base_hash=row.base_hash or GENESIS_HASH,
        mac=row.mac,
    )


def _stored_entries(after: int = 0) -> Iterator[ChainedEntry]:
    rows = AuditEntry.objects.filter(sequence__gt=after).order_by("sequence")
    for row in rows.values(*CHAINED_FIELDS).iterator(chunk_size=2000):
        yield ChainedEntry(
            sequence=row["sequence"],
            previous_hash=row["previous_hash"],
            entry_hash=row["entry_hash"],
            fields=_chain_fields(row),
        )


class AuditChainBroken(Exception):
    def __init__(self, problem: ChainProblem) -> None:
        super().__init__(problem.describe())
        self.problem = problem


def checkpoint_directory() -> Path | None:
    return Path(settings.AUDIT_CHECKPOINT_DIR) if settings.AUDIT_CHECKPOINT_DIR else None


def stored_checkpoints() -> list[Checkpoint]:
    directory = checkpoint_directory()
    return read_checkpoints(directory) if directory is not None else []


@contextmanager
def _snapshot() -> Iterator[None]:
    """One transaction, at REPEATABLE READ on PostgreSQL unless one is already open, so the head
    and the entries are read as of one moment while other processes go on appending."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def verify_audit_log() -> tuple[int, ChainProblem | None]:
    """Recompute the whole retained chain and check it against the signed head and every
    external checkpoint; return the number of good entries and the first problem."""
    try:
        checkpoints = stored_checkpoints()
    except CheckpointFileError as error:
        return 0, ChainProblem(0, "checkpoint_forged", str(error))
    with _snapshot():
        row = AuditChainHead.objects.filter(id=1).first()
        head = _as_head(row) if row is not None else None
        return verify_chain(
            _stored_entries(after=head.base_sequence if head else 0),
            key=audit_key(),
            head=head,
            checkpoints=checkpoints,
        )


def _write_checkpoint_file(checkpoint: Checkpoint) -> Checkpoint:
    directory = checkpoint_directory()
    if directory is None:
        raise ValueError("BAKEN_AUDIT_CHECKPOINT_DIR is not set")
    signed = sign_checkpoint(checkpoint, key=audit_key())
    append_checkpoint(directory, signed)
    if settings.AUDIT_CHECKPOINT_MAILTO:
        send_mail(
            subject=f"Baken audit checkpoint #{signed.sequence} ({signed.kind})",
            message=(
                "Keep this message: it lets `baken audit verify` prove later that no entry up to "
                f"this one was removed from the audit log.\n\n{signed.to_json()}\n"
            ),
            from_email=None,
            recipient_list=list(settings.AUDIT_CHECKPOINT_MAILTO),
        )
    return signed


def write_checkpoint() -> Checkpoint | None:
    """Check the entries since the last checkpoint, then sign the head as a new checkpoint and
    append it to the checkpoint directory (and mail it when BAKEN_AUDIT_CHECKPOINT_MAILTO is
    set). Refuses (AuditChainBroken) when the chain since the last checkpoint does not verify.
    Returns None while the log is still empty."""
    checkpoints = stored_checkpoints()
    with _snapshot():
        row = AuditChainHead.objects.filter(id=1).first()
        if row is None:
            if checkpoints:
                raise AuditChainBroken(ChainProblem(0, "head_missing"))
            return None
        head = _as_head(row)
        behind = [c for c in checkpoints if head.base_sequence <= c.sequence <= head.sequence]
        start = (behind[-1].sequence, behind[-1].entry_hash) if behind else None
        if start is not None and start[0] > head.base_sequence:
            stored = AuditEntry.objects.filter(sequence=start[0]).values_list("entry_hash")
            if [start[1]] != [h for (h,) in stored]:
                raise AuditChainBroken(
                    ChainProblem(start[0], "checkpoint_mismatch", behind[-1].written_at)
                )
        _checked, problem = verify_chain(
            _stored_entries(after=start[0] if start else head.base_sequence),
            key=audit_key(),
            head=head,
            checkpoints=[c for c in checkpoints if c.sequence > head.sequence]
            + ([behind[-1]] if behind else []),
            start=start,
        )
    if problem is not None:
        raise AuditChainBroken(problem)
    return _write_checkpoint_file(
        Checkpoint(
            sequence=head.sequence,
            entry_hash=head.entry_hash,
            written_at=timezone.now().astimezone(UTC).isoformat(timespec="seconds"),
        )
    )


@dataclass(frozen=True)
class PrunePlan:
    """Entries from `first` to `through` (inclusive) can go: all older than the cut-off, ending
    at a checkpoint kept outside the database."""

    first: int
    through: int
    newest_at: datetime | None

    @property
    def count(self) -> int:
        return max(0, self.through - self.first + 1)


def plan_prune(*, before: datetime) -> PrunePlan:
    """The longest whole segment at the start of the retained chain that ends at a checkpoint
    and holds only entries from before `before`."""
    row = AuditChainHead.objects.filter(id=1).first()
    base = row.base_sequence if row else 0
    through, newest_at = base, None
    for checkpoint in reversed(stored_checkpoints()):
        if checkpoint.kind != "checkpoint" or checkpoint.sequence <= base:
            continue
        occurred = (
            AuditEntry.objects.filter(sequence=checkpoint.sequence)
            .values_list("occurred_at", flat=True)
            .first()
        )
        if occurred is not None and occurred < before:
            through, newest_at = checkpoint.sequence, occurred
            break
    return PrunePlan(first=base + 1, through=through, newest_at=newest_at)


def prune_audit_log(*, before: datetime) -> PrunePlan:
    """Delete the segment `plan_prune` finds, after verifying the whole chain. A signed "prune"
    checkpoint is written outside the database first; then, in one transaction, the head's
    signed base moves to the segment's last entry, the pruning itself is logged, and the
    entries behind the base are deleted (the only DELETE the database allows). What remains
    verifies from the new base."""
    plan = plan_prune(before=before)
    if plan.count == 0:
        return plan
    _checked, problem = verify_audit_log()
    if problem is not None:
        raise AuditChainBroken(problem)
    boundary = AuditEntry.objects.get(sequence=plan.through)
    _write_checkpoint_file(
        Checkpoint(
            sequence=boundary.sequence,
            entry_hash=boundary.entry_hash,
            written_at=timezone.now().astimezone(UTC).isoformat(timespec="seconds"),
            kind="prune",
        )
    )
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().get(id=1)
        head.base_sequence = boundary.sequence
        head.base_hash = boundary.entry_hash
        head.mac = sign_head(_as_head(head), key=audit_key()).mac
        head.save(update_fields=["base_sequence", "base_hash", "mac"])
        log_access(
            event=AuditEvent.DELETE,
            user=None,
            username="baken audit prune",
            object_type="audit_log",
            detail=(
                f"pruned entries #{plan.first}-#{plan.through} "
                f"(retention: older than {before.date().isoformat()})"
            ),
        )
        AuditEntry.objects.filter(sequence__lte=boundary.sequence).delete()
    return plan
