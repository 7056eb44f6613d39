"""On PostgreSQL the database refuses TRUNCATE of the audit log (a statement-level trigger; the
row triggers never see a TRUNCATE), and DELETE of any entry that is not behind the signed base
of the chain head, that is, not part of a segment `baken audit prune` has closed.

What this cannot stop, and `baken audit verify` against the external checkpoints catches: a role
that may disable triggers (the tables' owner) or set session_replication_role=replica (a
superuser). See docs/operations.md for the database roles to use."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.sequence <= (
        SELECT base_sequence FROM audit_auditchainhead WHERE id = 1
    ) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION audit_log_refuses_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only (TRUNCATE refused)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuses_truncate();
CREATE TRIGGER audit_head_no_truncate
    BEFORE TRUNCATE ON audit_auditchainhead
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuses_truncate();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;
DROP TRIGGER IF EXISTS audit_head_no_truncate ON audit_auditchainhead;
DROP FUNCTION IF EXISTS audit_log_refuses_truncate();
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_signed_head_and_pruning")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
