"""Retention of the audit log (five years) and the chain coexist: whole segments behind a
checkpoint are pruned, and what remains still verifies."""

from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from baken.audit.models import AuditEntry, AuditEvent
from baken.audit.services import log_access
from baken.testing import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def checkpoint_dir(settings: Any, tmp_path: Path) -> Path:
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    return tmp_path / "checkpoints"


def write_entries(cast: Cast, count: int) -> None:
    for number in range(count):
        log_access(event=AuditEvent.READ, user=cast.worker_a, object_type="youth", object_id=number)


def history(cast: Cast) -> None:
    """Three entries in 2019 and two in 2020, each year closed by a checkpoint; two in 2026."""
    for moment, count in (
        (datetime(2019, 3, 1, tzinfo=UTC), 3),
        (datetime(2020, 3, 1, tzinfo=UTC), 2),
    ):
        with time_machine.travel(moment, tick=False):
            write_entries(cast, count)
            call_command("audit", "checkpoint")
    with time_machine.travel(datetime(2026, 6, 1, tzinfo=UTC), tick=False):
        write_entries(cast, 2)


def run(*args: str) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out)
    return out.getvalue()


def test_prune_lists_the_segments_past_five_years_and_deletes_nothing(
    cast: Cast, checkpoint_dir: Path
) -> None:
    history(cast)
    with time_machine.travel(datetime(2026, 6, 2, tzinfo=UTC), tick=False):
        output = run("prune")

    assert "Would delete entries #1-#5" in output and "all before 2021-06-02" in output
    assert AuditEntry.objects.count() == 7


def test_pruned_log_still_verifies(cast: Cast, checkpoint_dir: Path) -> None:
    history(cast)
    with time_machine.travel(datetime(2026, 6, 2, tzinfo=UTC), tick=False):
        output = run("prune", "--apply")

    assert "Deleted entries #1-#5" in output
    assert sorted(AuditEntry.objects.values_list("sequence", flat=True)) == [6, 7, 8]
    pruning = AuditEntry.objects.get(sequence=8)
    assert (pruning.event, pruning.object_type) == ("delete", "audit_log")
    assert "pruned entries #1-#5" in pruning.detail
    assert "Audit log intact: 3 entries verified." in run("verify")
    prune_lines = [line for p in checkpoint_dir.glob("*.jsonl") for line in p.read_text().split()]
    assert any('"kind":"prune"' in line and '"sequence":5' in line for line in prune_lines)


def test_only_whole_segments_behind_a_checkpoint_are_pruned(
    cast: Cast, checkpoint_dir: Path
) -> None:
    history(cast)
    with time_machine.travel(datetime(2026, 6, 2, tzinfo=UTC), tick=False):
        output = run("prune", "--before", "2020-01-01", "--apply")

    assert "Deleted entries #1-#3" in output
    assert "Audit log intact: 5 entries verified." in run("verify")


def test_nothing_is_pruned_within_the_retention_term(cast: Cast, checkpoint_dir: Path) -> None:
    write_entries(cast, 3)
    call_command("audit", "checkpoint")

    assert "Nothing to prune" in run("prune", "--apply")
    assert AuditEntry.objects.count() == 3


def test_a_broken_chain_is_not_pruned(cast: Cast, checkpoint_dir: Path) -> None:
    history(cast)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        cursor.execute("UPDATE audit_auditentry SET detail = 'edited' WHERE sequence = 2")
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")

    with (
        time_machine.travel(datetime(2026, 6, 2, tzinfo=UTC), tick=False),
        pytest.raises(CommandError, match=r"entry #2 was changed.*Nothing pruned"),
    ):
        run("prune", "--apply")
    assert AuditEntry.objects.count() == 7


def test_entries_after_the_base_still_cannot_be_deleted_on_postgresql(
    cast: Cast, checkpoint_dir: Path
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the database-level guard exists on PostgreSQL only")
    history(cast)
    with time_machine.travel(datetime(2026, 6, 2, tzinfo=UTC), tick=False):
        run("prune", "--apply")

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(sequence=6).delete()


def test_prune_needs_the_checkpoint_directory(cast: Cast, settings: Any) -> None:
    settings.AUDIT_CHECKPOINT_DIR = ""
    with pytest.raises(CommandError, match="BAKEN_AUDIT_CHECKPOINT_DIR"):
        run("prune")
