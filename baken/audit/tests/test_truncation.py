"""Entries cut off the end of the audit log are found, however the head is reset: the head is
signed with the audit key, and checkpoints kept outside the database name entries that must
still be there. TRUNCATE is refused on PostgreSQL."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from baken.audit.models import AuditChainHead, AuditEvent
from baken.audit.services import log_access
from baken.testing import Cast

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a PostgreSQL guard (SQLite has no TRUNCATE)"
)


@pytest.fixture
def checkpoint_dir(settings: Any, tmp_path: Path) -> Iterator[Path]:
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    yield tmp_path / "checkpoints"


def write_entries(cast: Cast, count: int) -> None:
    for number in range(count):
        log_access(event=AuditEvent.READ, user=cast.worker_a, object_type="youth", object_id=number)


def head_row() -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sequence, entry_hash, base_sequence, base_hash, mac"
            " FROM audit_auditchainhead WHERE id = 1"
        )
        row = cursor.fetchone()
    assert row is not None
    return tuple(row)


def as_dba(*statements: tuple[str, list[Any]]) -> None:
    """What a database administrator can do without the audit key: triggers off (as the
    tables' owner), then raw SQL."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        for sql, params in statements:
            cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")


def reset_head_to(sequence: int) -> tuple[str, list[Any]]:
    return (
        "UPDATE audit_auditchainhead SET sequence = %s, entry_hash ="
        " (SELECT entry_hash FROM audit_auditentry WHERE sequence = %s) WHERE id = 1",
        [sequence, sequence],
    )


def verify_fails_with(pattern: str) -> None:
    with pytest.raises(CommandError, match=pattern):
        call_command("audit", "verify")


def test_newest_entries_deleted_and_head_reset_are_found(cast: Cast) -> None:
    write_entries(cast, 5)
    as_dba(("DELETE FROM audit_auditentry WHERE sequence > %s", [3]), reset_head_to(3))

    verify_fails_with(r"chain head \(at #3\) is not signed with the audit key")


def test_a_replayed_head_is_caught_by_the_checkpoint(cast: Cast, checkpoint_dir: Path) -> None:
    write_entries(cast, 3)
    captured = head_row()  # a DBA who watched the head row can replay it later, signature and all
    write_entries(cast, 2)
    call_command("audit", "checkpoint")
    as_dba(
        ("DELETE FROM audit_auditentry WHERE sequence > %s", [3]),
        (
            "UPDATE audit_auditchainhead SET sequence = %s, entry_hash = %s, base_sequence = %s,"
            " base_hash = %s, mac = %s WHERE id = 1",
            list(captured),
        ),
    )

    verify_fails_with(r"entries up to #5 existed at checkpoint .*, but the log ends before it")


def test_a_wiped_log_with_its_head_is_caught_by_the_checkpoint(
    cast: Cast, checkpoint_dir: Path
) -> None:
    write_entries(cast, 3)
    call_command("audit", "checkpoint")
    wipe = "TRUNCATE audit_auditentry" if connection.vendor == "postgresql" else None
    with connection.cursor() as cursor:
        if wipe:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
            cursor.execute("ALTER TABLE audit_auditchainhead DISABLE TRIGGER USER")
            cursor.execute("TRUNCATE audit_auditentry, audit_auditchainhead")
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")
            cursor.execute("ALTER TABLE audit_auditchainhead ENABLE TRIGGER USER")
        else:
            cursor.execute("DELETE FROM audit_auditentry")
            cursor.execute("DELETE FROM audit_auditchainhead")

    verify_fails_with(r"the chain head is missing")


@on_postgresql
def test_truncate_is_refused_on_postgresql(cast: Cast) -> None:
    write_entries(cast, 2)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table in ("audit_auditentry", "audit_auditchainhead"):
        with (
            pytest.raises(DatabaseError, match="TRUNCATE refused"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(f"TRUNCATE {table} CASCADE")
    assert head_row()[0] == 2


@on_postgresql
def test_rows_deleted_under_the_replica_role_are_caught_by_the_checkpoint(
    cast: Cast, checkpoint_dir: Path
) -> None:
    write_entries(cast, 3)
    captured = head_row()
    write_entries(cast, 3)
    call_command("audit", "checkpoint")
    with connection.cursor() as cursor:
        # A superuser's session skips every ordinary trigger: the database cannot refuse this.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence > 3")
        cursor.execute(
            "UPDATE audit_auditchainhead SET sequence = %s, entry_hash = %s, base_sequence = %s,"
            " base_hash = %s, mac = %s WHERE id = 1",
            list(captured),
        )
        cursor.execute("SET session_replication_role = origin")

    verify_fails_with(r"entries up to #6 existed at checkpoint")


def test_checkpoint_writes_a_signed_line_outside_the_database(
    cast: Cast, checkpoint_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entries(cast, 4)
    call_command("audit", "checkpoint")

    assert "Checkpoint at entry #4 written." in capsys.readouterr().out
    [path] = checkpoint_dir.glob("audit-checkpoints-*.jsonl")
    line = path.read_text().strip()
    assert '"sequence":4' in line and '"mac":"' in line and '"kind":"checkpoint"' in line
    call_command("audit", "verify")
    assert "Audit log intact: 4 entries verified." in capsys.readouterr().out


def test_checkpoint_refuses_a_broken_chain(cast: Cast, checkpoint_dir: Path) -> None:
    write_entries(cast, 3)
    call_command("audit", "checkpoint")
    write_entries(cast, 2)
    as_dba(("UPDATE audit_auditentry SET detail = %s WHERE sequence = %s", ["edited", 5]))

    with pytest.raises(CommandError, match=r"entry #5 was changed.*No checkpoint written"):
        call_command("audit", "checkpoint")
    [path] = checkpoint_dir.glob("audit-checkpoints-*.jsonl")
    assert len(path.read_text().splitlines()) == 1


def test_checkpoints_are_mailed_when_asked(
    cast: Cast, checkpoint_dir: Path, settings: Any, mailoutbox: list[Any]
) -> None:
    settings.AUDIT_CHECKPOINT_MAILTO = ["fg@example.nl"]
    write_entries(cast, 2)
    call_command("audit", "checkpoint")

    [mail] = mailoutbox
    assert mail.to == ["fg@example.nl"] and '"sequence":2' in mail.body


def test_a_checkpoint_file_edited_by_hand_is_named(cast: Cast, checkpoint_dir: Path) -> None:
    write_entries(cast, 2)
    call_command("audit", "checkpoint")
    [path] = checkpoint_dir.glob("*.jsonl")
    path.write_text(path.read_text().replace('"sequence":2', '"sequence":1'))

    verify_fails_with(r"checkpoint for #1 is not signed with the audit key")


def test_the_head_is_signed_as_entries_are_appended(cast: Cast) -> None:
    write_entries(cast, 1)
    first = AuditChainHead.objects.get().mac
    write_entries(cast, 1)
    assert AuditChainHead.objects.get().mac not in ("", first)


def test_the_deploy_check_asks_for_a_checkpoint_directory(settings: Any) -> None:
    settings.AUDIT_CHECKPOINT_DIR = ""
    assert "baken.audit.W001" in [m.id for m in run_checks(include_deployment_checks=True)]
    settings.AUDIT_CHECKPOINT_DIR = "/var/lib/baken-audit-checkpoints"
    assert "baken.audit.W001" not in [m.id for m in run_checks(include_deployment_checks=True)]
