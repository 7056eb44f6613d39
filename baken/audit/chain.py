"""The audit log's hash chain, free of Django: compute an entry's digest and verify a sequence.

Each entry's hash is HMAC-SHA256(key, previous hash + canonical JSON of the entry's fields).
Without the key nobody can forge a hash, so a row changed, inserted or deleted with raw SQL is
found by `verify_chain`, which names the first entry that does not fit.

Two anchors make cutting entries off the end visible as well:

- the head (last sequence and hash, and where the retained chain starts after pruning) carries
  its own HMAC, so a head reset to an earlier entry without the key does not verify;
- checkpoints (sequence, hash, time, HMAC) are written outside the database, where a database
  administrator cannot rewrite them; every entry a checkpoint names must still be there with the
  same hash. A head replayed from an earlier state is signed, but the checkpoints give it away.
"""

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace

GENESIS_HASH = "0" * 64

ChainFields = Mapping[str, str | int | None]


def _mac(key: bytes, label: str, fields: Mapping[str, str | int]) -> str:
    payload = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, (label + "|" + payload).encode("utf-8"), hashlib.sha256).hexdigest()


def digest_entry(*, key: bytes, previous_hash: str, fields: ChainFields) -> str:
    payload = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    message = (previous_hash + "|" + payload).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainedEntry:
    sequence: int
    previous_hash: str
    entry_hash: str
    fields: ChainFields


@dataclass(frozen=True)
class Head:
    """The chain head as stored: the last entry, and the signed start of the retained chain
    (base_sequence 0 and the genesis hash until entries are pruned)."""

    sequence: int
    entry_hash: str
    base_sequence: int = 0
    base_hash: str = GENESIS_HASH
    mac: str = ""

    def signed_fields(self) -> dict[str, str | int]:
        return {
            "sequence": self.sequence,
            "entry_hash": self.entry_hash,
            "base_sequence": self.base_sequence,
            "base_hash": self.base_hash,
        }


def sign_head(head: Head, *, key: bytes) -> Head:
    return replace(head, mac=_mac(key, "head", head.signed_fields()))


def head_is_signed(head: Head, *, key: bytes) -> bool:
    return bool(head.mac) and hmac.compare_digest(head.mac, _mac(key, "head", head.signed_fields()))


@dataclass(frozen=True)
class Checkpoint:
    """The chain at one moment, kept outside the database. kind: "checkpoint" (periodic) or
    "prune" (entries up to and including `sequence` were deleted after this was written)."""

    sequence: int
    entry_hash: str
    written_at: str  # ISO 8601, UTC
    kind: str = "checkpoint"
    mac: str = ""

    def signed_fields(self) -> dict[str, str | int]:
        fields = asdict(self)
        del fields["mac"]
        return fields

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> "Checkpoint":
        data = json.loads(line)
        return cls(
            sequence=int(data["sequence"]),
            entry_hash=str(data["entry_hash"]),
            written_at=str(data["written_at"]),
            kind=str(data.get("kind", "checkpoint")),
            mac=str(data.get("mac", "")),
        )


def sign_checkpoint(checkpoint: Checkpoint, *, key: bytes) -> Checkpoint:
    return replace(checkpoint, mac=_mac(key, "checkpoint", checkpoint.signed_fields()))


def checkpoint_is_signed(checkpoint: Checkpoint, *, key: bytes) -> bool:
    expected = _mac(key, "checkpoint", checkpoint.signed_fields())
    return bool(checkpoint.mac) and hmac.compare_digest(checkpoint.mac, expected)


@dataclass(frozen=True)
class ChainProblem:
    sequence: int
    kind: str
    # "changed", "missing", "inserted", "truncated", "head_missing", "head_forged",
    # "checkpoint_forged", "checkpoint_ahead", "checkpoint_mismatch"
    note: str = ""

    def describe(self) -> str:
        if self.kind == "changed":
            return f"entry #{self.sequence} was changed (its hash does not match its contents)"
        if self.kind == "missing":
            return f"entry #{self.sequence} is missing (deleted)"
        if self.kind == "inserted":
            return f"entry #{self.sequence} does not follow the entry before it (inserted)"
        if self.kind == "head_missing":
            return "the chain head is missing (entries or checkpoints exist without it)"
        if self.kind == "head_forged":
            return (
                f"the chain head (at #{self.sequence}) is not signed with the audit key "
                "(reset or replaced)"
            )
        if self.kind == "checkpoint_forged":
            return f"checkpoint for #{self.sequence} is not signed with the audit key ({self.note})"
        if self.kind == "checkpoint_ahead":
            return (
                f"entries up to #{self.sequence} existed at checkpoint {self.note}, but the log "
                "ends before it (entries deleted from the end)"
            )
        if self.kind == "checkpoint_mismatch":
            return (
                f"entry #{self.sequence} differs from checkpoint {self.note} (replaced or rebuilt)"
            )
        return f"entries after #{self.sequence} are missing (deleted from the end)"


def verify_chain(
    entries: Iterable[ChainedEntry],
    *,
    key: bytes,
    head: Head | None,
    checkpoints: Sequence[Checkpoint] = (),
    start: tuple[int, str] | None = None,
) -> tuple[int, ChainProblem | None]:
    """Walk the entries in sequence order; return how many were checked and the first problem.

    `start` (sequence, hash) begins the walk after an entry already known to be good, as an
    incremental check from the last checkpoint does; otherwise the walk begins at the head's
    signed base (the genesis, until entries are pruned)."""
    if head is None:
        if start is None and not checkpoints:
            for _entry in entries:
                return 0, ChainProblem(0, "head_missing")
            return 0, None
        return 0, ChainProblem(0, "head_missing")
    if not head_is_signed(head, key=key):
        return 0, ChainProblem(head.sequence, "head_forged")
    for checkpoint in checkpoints:
        if not checkpoint_is_signed(checkpoint, key=key):
            return 0, ChainProblem(checkpoint.sequence, "checkpoint_forged", checkpoint.written_at)

    start_sequence, running_hash = start or (head.base_sequence, head.base_hash or GENESIS_HASH)
    wanted = {c.sequence for c in checkpoints if c.sequence > start_sequence}
    seen: dict[int, str] = {start_sequence: running_hash}
    expected_sequence = start_sequence + 1
    checked = 0
    for entry in entries:
        if entry.sequence != expected_sequence:
            return checked, ChainProblem(expected_sequence, "missing")
        if entry.previous_hash != running_hash:
            return checked, ChainProblem(entry.sequence, "inserted")
        recomputed = digest_entry(key=key, previous_hash=running_hash, fields=entry.fields)
        if not hmac.compare_digest(recomputed, entry.entry_hash):
            return checked, ChainProblem(entry.sequence, "changed")
        if entry.sequence in wanted:
            seen[entry.sequence] = entry.entry_hash
        running_hash = entry.entry_hash
        expected_sequence += 1
        checked += 1
    last_sequence = expected_sequence - 1

    for checkpoint in sorted(checkpoints, key=lambda c: c.sequence):
        if checkpoint.sequence < start_sequence:
            continue  # pruned (or checked before the incremental start)
        if checkpoint.sequence > last_sequence:
            return checked, ChainProblem(
                checkpoint.sequence, "checkpoint_ahead", checkpoint.written_at
            )
        if not hmac.compare_digest(seen[checkpoint.sequence], checkpoint.entry_hash):
            return checked, ChainProblem(
                checkpoint.sequence, "checkpoint_mismatch", checkpoint.written_at
            )
    if head.sequence != last_sequence or (
        last_sequence > start_sequence and head.entry_hash != running_hash
    ):
        return checked, ChainProblem(last_sequence, "truncated")
    return checked, None
