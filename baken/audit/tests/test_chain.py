"""The hash chain itself, without Django."""

from dataclasses import replace

from baken.audit.chain import (
    GENESIS_HASH,
    ChainedEntry,
    ChainFields,
    digest_entry,
    verify_chain,
)

KEY = b"test key"


def build_chain(count: int) -> list[ChainedEntry]:
    entries, previous = [], GENESIS_HASH
    for sequence in range(1, count + 1):
        fields: ChainFields = {"sequence": sequence, "event": "read", "username": f"user{sequence}"}
        entry_hash = digest_entry(key=KEY, previous_hash=previous, fields=fields)
        entries.append(ChainedEntry(sequence, previous, entry_hash, fields))
        previous = entry_hash
    return entries


def check(entries: list[ChainedEntry], head: ChainedEntry | None = None) -> str | None:
    last = head or entries[-1]
    _checked, problem = verify_chain(
        entries, key=KEY, head_sequence=last.sequence, head_hash=last.entry_hash
    )
    return problem.describe() if problem else None


def test_an_intact_chain_verifies() -> None:
    assert check(build_chain(5)) is None


def test_a_changed_field_is_named() -> None:
    entries = build_chain(5)
    entries[2] = replace(entries[2], fields={**entries[2].fields, "username": "someone else"})
    assert check(entries) == "entry #3 was changed (its hash does not match its contents)"


def test_a_deleted_entry_is_named() -> None:
    entries = build_chain(5)
    del entries[1]
    assert check(entries) == "entry #2 is missing (deleted)"


def test_an_entry_deleted_from_the_end_is_found_through_the_head() -> None:
    entries = build_chain(5)
    head = entries[-1]
    assert check(entries[:-1], head=head) == "entries after #4 are missing (deleted from the end)"


def test_an_entry_replaced_by_a_forged_one_is_named() -> None:
    entries = build_chain(5)
    forged_fields: ChainFields = {"sequence": 3, "event": "read", "username": "forger"}
    forged_hash = digest_entry(key=b"guessed key", previous_hash="f" * 64, fields=forged_fields)
    entries[2] = ChainedEntry(3, "f" * 64, forged_hash, forged_fields)
    assert check(entries) == "entry #3 does not follow the entry before it (inserted)"


def test_without_the_key_a_recomputed_hash_does_not_verify() -> None:
    entries = build_chain(3)
    fields = {**entries[1].fields, "username": "forger"}
    rehashed = digest_entry(key=b"wrong", previous_hash=entries[1].previous_hash, fields=fields)
    entries[1] = replace(entries[1], fields=fields, entry_hash=rehashed)
    assert check(entries) == "entry #2 was changed (its hash does not match its contents)"
