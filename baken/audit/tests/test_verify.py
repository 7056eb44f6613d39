"""`baken audit verify` against the real database: tampering with raw SQL is found and named."""

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from baken.audit.models import AuditEntry, AuditEvent
from baken.audit.services import log_access
from baken.testing import Cast

pytestmark = pytest.mark.django_db


def write_entries(cast: Cast, count: int) -> None:
    for number in range(count):
        log_access(
            event=AuditEvent.READ,
            user=cast.worker_a,
            object_type="youth",
            object_id=number,
            youth_pseudonym=f"Y-{number:04d}",
        )


def raw_sql(statement: str, params: list[Any]) -> None:
    """Tamper as someone with database access would, bypassing the app (and its trigger)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
        cursor.execute(statement, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only")


def verify_output(capsys: pytest.CaptureFixture[str]) -> str:
    call_command("audit", "verify")
    return capsys.readouterr().out


def test_intact_log_verifies(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    write_entries(cast, 5)
    assert "Audit log intact: 5 entries verified." in verify_output(capsys)


def test_a_row_changed_with_raw_sql_is_named(cast: Cast) -> None:
    write_entries(cast, 5)
    raw_sql("UPDATE audit_auditentry SET username = %s WHERE sequence = %s", ["someone", 3])

    with pytest.raises(CommandError, match=r"entry #3 was changed"):
        call_command("audit", "verify")


def test_a_row_deleted_with_raw_sql_is_named(cast: Cast) -> None:
    write_entries(cast, 5)
    raw_sql("DELETE FROM audit_auditentry WHERE sequence = %s", [2])

    with pytest.raises(CommandError, match=r"entry #2 is missing"):
        call_command("audit", "verify")


def test_the_last_row_deleted_with_raw_sql_is_found(cast: Cast) -> None:
    write_entries(cast, 5)
    raw_sql("DELETE FROM audit_auditentry WHERE sequence = %s", [5])

    with pytest.raises(CommandError, match=r"entries after #4 are missing"):
        call_command("audit", "verify")


def test_a_row_inserted_with_raw_sql_is_named(cast: Cast) -> None:
    write_entries(cast, 3)
    entry = AuditEntry.objects.get(sequence=3)
    raw_sql(
        "INSERT INTO audit_auditentry (sequence, occurred_at, event, outcome, username, role,"
        " organisation_name, on_behalf_of, user_agent, object_type, object_id, youth_pseudonym,"
        " detail, previous_hash, entry_hash) VALUES (%s, %s, 'read', 'success', 'ghost', '', '',"
        " '', '', 'youth', '9', '', '', %s, %s)",
        [4, entry.occurred_at, entry.entry_hash, "0" * 64],
    )

    with pytest.raises(CommandError, match=r"entry #4 was changed"):
        call_command("audit", "verify")


def test_the_app_cannot_update_or_delete_entries_on_postgresql(cast: Cast) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the database-level guard exists on PostgreSQL only")
    write_entries(cast, 1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.update(username="x")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.all().delete()
