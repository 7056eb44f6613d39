"""The hash chain itself, without Django."""

from dataclasses import replace

from baken.audit.chain import (
    GENESIS_HASH,
    ChainedEntry,
    ChainFields,
    Checkpoint,
    Head,
    digest_entry,
    sign_checkpoint,
    sign_head,
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


def signed_head(entry: ChainedEntry, base: ChainedEntry | None = None) -> Head:
    head = Head(entry.sequence, entry.entry_hash)
    if base is not None:
        head = Head(entry.sequence, entry.entry_hash, base.sequence, base.entry_hash)
    return sign_head(head, key=KEY)


def checkpoint_of(entry: ChainedEntry, kind: str = "checkpoint") -> Checkpoint:
    return sign_checkpoint(
        Checkpoint(entry.sequence, entry.entry_hash, "2026-01-01T00:00:00+00:00", kind), key=KEY
    )


def check(
    entries: list[ChainedEntry],
    head: ChainedEntry | Head | None = None,
    checkpoints: list[Checkpoint] | None = None,
) -> str | None:
    if not isinstance(head, Head):
        head = signed_head(head or entries[-1])
    _checked, problem = verify_chain(entries, key=KEY, head=head, checkpoints=checkpoints or [])
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


def test_a_head_reset_to_an_earlier_entry_without_the_key_is_found() -> None:
    entries = build_chain(5)
    reset = Head(
        3, entries[2].entry_hash, mac=sign_head(Head(5, entries[4].entry_hash), key=KEY).mac
    )
    assert check(entries[:3], head=reset) == (
        "the chain head (at #3) is not signed with the audit key (reset or replaced)"
    )


def test_a_replayed_old_head_is_caught_by_a_later_checkpoint() -> None:
    entries = build_chain(5)
    replayed = signed_head(entries[2])  # a head as it was, signed, captured before #4 and #5
    assert check(entries[:3], head=replayed, checkpoints=[checkpoint_of(entries[4])]) == (
        "entries up to #5 existed at checkpoint 2026-01-01T00:00:00+00:00, but the log ends "
        "before it (entries deleted from the end)"
    )


def test_a_wiped_log_without_its_head_is_caught_by_a_checkpoint() -> None:
    entries = build_chain(2)
    _checked, problem = verify_chain(
        [], key=KEY, head=None, checkpoints=[checkpoint_of(entries[1])]
    )
    assert problem is not None and problem.kind == "head_missing"


def test_an_empty_log_without_checkpoints_is_a_fresh_one() -> None:
    assert verify_chain([], key=KEY, head=None) == (0, None)


def test_a_forged_checkpoint_is_named() -> None:
    entries = build_chain(3)
    forged = Checkpoint(9, "f" * 64, "2026-01-01T00:00:00+00:00", mac="0" * 64)
    assert check(entries, checkpoints=[forged]) == (
        "checkpoint for #9 is not signed with the audit key (2026-01-01T00:00:00+00:00)"
    )


def test_a_rebuilt_entry_differs_from_its_checkpoint() -> None:
    entries = build_chain(3)
    other = build_chain(3)
    other_fields: ChainFields = {"sequence": 2, "event": "read", "username": "rebuilt"}
    other[1] = ChainedEntry(
        2,
        entries[0].entry_hash,
        digest_entry(key=KEY, previous_hash=entries[0].entry_hash, fields=other_fields),
        other_fields,
    )
    rebuilt = [entries[0], other[1]]
    assert check(rebuilt, checkpoints=[checkpoint_of(entries[1])]) == (
        "entry #2 differs from checkpoint 2026-01-01T00:00:00+00:00 (replaced or rebuilt)"
    )


def test_after_pruning_the_rest_verifies_from_the_signed_base() -> None:
    entries = build_chain(6)
    head = signed_head(entries[-1], base=entries[2])
    checkpoints = [checkpoint_of(entries[1]), checkpoint_of(entries[2], "prune")]
    assert check(entries[3:], head=head, checkpoints=checkpoints) is None


def test_a_base_moved_without_the_key_is_found() -> None:
    entries = build_chain(6)
    honest = signed_head(entries[-1], base=entries[2])
    moved = Head(6, entries[5].entry_hash, 4, entries[3].entry_hash, mac=honest.mac)
    assert check(entries[4:], head=moved) == (
        "the chain head (at #6) is not signed with the audit key (reset or replaced)"
    )
