"""The backup and restore procedure of docs/operations.md, end to end on PostgreSQL: pg_dump of
the database, the keys and the checkpoint directory kept apart, pg_restore into a fresh
database, and Baken started on it with the keys: names decrypt, the blind-index search finds the
youth, and `baken audit verify` passes against the checkpoints. Without the right keys it does
not: the keys are as much a part of the backup as the dump."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from baken.cases.testing import make_youth
from baken.testing import make_cast

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or shutil.which("pg_restore") is None,
        reason="the procedure is for PostgreSQL (pg_dump and pg_restore)",
    ),
]

CHECK_RESTORED = """
from django.core.management import call_command
from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.services import search_youths
youth = Youth.objects.get()
print("NAME", youth.given_names, youth.family_name, youth.date_of_birth)
officer = User.objects.get(username="officer_a")
found = search_youths(youths=Youth.objects.all(), query="jans", by=officer, request=None)
print("FOUND", [y.pseudonym for y in found])
call_command("audit", "verify")
"""


def database_args() -> list[str]:
    db = connection.settings_dict
    return [
        "--host",
        db["HOST"] or "127.0.0.1",
        "--port",
        str(db["PORT"] or 5432),
        "--username",
        db["USER"] or "postgres",
    ]


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603


def baken_on(
    database: str, keys: dict[str, str], checkpoints: Path
) -> subprocess.CompletedProcess[str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{database}"
    env = {
        **os.environ,
        **keys,
        "DATABASE_URL": url,
        "BAKEN_AUDIT_CHECKPOINT_DIR": str(checkpoints),
    }
    return run([sys.executable, "-m", "baken.cli", "shell", "-c", CHECK_RESTORED], env=env)


@pytest.fixture
def restored_name() -> Iterator[str]:
    name = f"{connection.settings_dict['NAME']}_restore".replace("test_", "", 1)
    yield name
    run(["dropdb", *database_args(), "--if-exists", name])


def test_a_restored_database_decrypts_searches_and_verifies(
    tmp_path: Path, settings: Any, restored_name: str
) -> None:
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "live-checkpoints")
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], family_name="Jansen")
    call_command("audit", "checkpoint")

    # Backup: the dump, and (kept elsewhere) the checkpoint directory and the keys.
    dump = tmp_path / "baken.dump"
    dumped = run(
        [
            "pg_dump",
            *database_args(),
            "--format=custom",
            "--file",
            str(dump),
            connection.settings_dict["NAME"],
        ]
    )
    assert dumped.returncode == 0, dumped.stderr
    checkpoints = tmp_path / "restored-checkpoints"
    shutil.copytree(tmp_path / "live-checkpoints", checkpoints)
    keys = {
        "BAKEN_SECRET_KEY": settings.SECRET_KEY,
        "BAKEN_FIELD_KEY_SALTS": ",".join(settings.SALT_KEY),
        "BAKEN_BLIND_INDEX_KEY": settings.BLIND_INDEX_KEY,
        "BAKEN_AUDIT_KEY": settings.AUDIT_KEY,
    }

    # Restore into a fresh database.
    created = run(["createdb", *database_args(), restored_name])
    assert created.returncode == 0, created.stderr
    restored = run(
        [
            "pg_restore",
            *database_args(),
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            restored_name,
            str(dump),
        ]
    )
    assert restored.returncode == 0, restored.stderr

    result = baken_on(restored_name, keys, checkpoints)
    assert result.returncode == 0, result.stderr
    assert "NAME Lisa Jansen 2010-05-17" in result.stdout
    assert f"FOUND ['{youth.pseudonym}']" in result.stdout
    assert "Audit log intact" in result.stdout

    # Without the audit key the log cannot be verified; without the salts names do not decrypt.
    wrong_audit = baken_on(restored_name, {**keys, "BAKEN_AUDIT_KEY": "not-the-key"}, checkpoints)
    assert wrong_audit.returncode != 0 and "NOT intact" in wrong_audit.stderr
    wrong_salt = baken_on(restored_name, {**keys, "BAKEN_FIELD_KEY_SALTS": "other"}, checkpoints)
    assert "NAME Lisa Jansen" not in wrong_salt.stdout
