"""The audit log's hash chain, free of Django: compute an entry's digest and verify a sequence.

Each entry's hash is HMAC-SHA256(key, previous hash + canonical JSON of the entry's fields).
Without the key nobody can forge a hash, so a row changed, inserted or deleted with raw SQL is
found by `verify_chain`, which names the first entry that does not fit.
"""

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GENESIS_HASH = "0" * 64

ChainFields = Mapping[str, str | int | None]


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
class ChainProblem:
    sequence: int
    kind: str  # "changed", "missing", "inserted", "truncated"

    def describe(self) -> str:
        if self.kind == "changed":
            return f"entry #{self.sequence} was changed (its hash does not match its contents)"
        if self.kind == "missing":
            return f"entry #{self.sequence} is missing (deleted)"
        if self.kind == "inserted":
            return f"entry #{self.sequence} does not follow the entry before it (inserted)"
        return f"entries after #{self.sequence} are missing (deleted from the end)"


def verify_chain(
    entries: Iterable[ChainedEntry], *, key: bytes, head_sequence: int, head_hash: str
) -> tuple[int, ChainProblem | None]:
    """Walk the entries in sequence order; return how many were checked and the first problem."""
    expected_sequence = 1
    running_hash = GENESIS_HASH
    checked = 0
    for entry in entries:
        if entry.sequence != expected_sequence:
            return checked, ChainProblem(expected_sequence, "missing")
        if entry.previous_hash != running_hash:
            return checked, ChainProblem(entry.sequence, "inserted")
        recomputed = digest_entry(key=key, previous_hash=running_hash, fields=entry.fields)
        if not hmac.compare_digest(recomputed, entry.entry_hash):
            return checked, ChainProblem(entry.sequence, "changed")
        running_hash = entry.entry_hash
        expected_sequence += 1
        checked += 1
    if head_sequence != checked or (checked and head_hash != running_hash):
        return checked, ChainProblem(checked, "truncated")
    return checked, None
