"""`check --deploy`, and so `baken serve`, refuses production while a key is unset or falls back
to a default derived from the secret key or published in the code. (That production with every
key set passes is tested in accounts/tests/test_interface.py.)"""

import os
import subprocess
import sys
from typing import Any

import pytest

from baken.operations.checks import DEFAULT_FIELD_SALT, check_keys

SECRET = "a-real-production-secret-with-more-than-fifty-characters-0123456789"
KEYS = ("BAKEN_AUDIT_KEY", "BAKEN_FIELD_KEY_SALTS", "BAKEN_BLIND_INDEX_KEY")


def test_serve_refuses_production_without_the_three_keys() -> None:
    env = {
        **os.environ,
        "BAKEN_SECRET_KEY": SECRET,
        "BAKEN_ALLOWED_HOSTS": "baken.example.nl",
        "DATABASE_URL": "postgres://baken@db.invalid/baken",
    }
    for name in ("BAKEN_DEBUG", "BAKEN_DEMO_MODE", "BAKEN_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    for name in KEYS:
        env.pop(name, None)
        env.pop(f"{name}_FILE", None)

    result = subprocess.run(
        [sys.executable, "-m", "baken.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    for name in KEYS:
        assert f"{name} is not set" in result.stderr


@pytest.mark.parametrize(
    ("overrides", "refused"),
    [
        ({}, set()),
        ({"AUDIT_KEY": ""}, {"BAKEN_AUDIT_KEY"}),
        ({"AUDIT_KEY": SECRET}, {"BAKEN_AUDIT_KEY"}),
        ({"AUDIT_KEY": "old-secret", "SECRET_KEY_FALLBACKS": ["old-secret"]}, {"BAKEN_AUDIT_KEY"}),
        ({"SALT_KEY": [DEFAULT_FIELD_SALT]}, {"BAKEN_FIELD_KEY_SALTS"}),
        ({"SALT_KEY": ["new-salt", DEFAULT_FIELD_SALT]}, {"BAKEN_FIELD_KEY_SALTS"}),
        ({"BLIND_INDEX_KEY": SECRET + ":blind-index"}, {"BAKEN_BLIND_INDEX_KEY"}),
        ({"BLIND_INDEX_KEY": ""}, {"BAKEN_BLIND_INDEX_KEY"}),
    ],
)
def test_each_key_must_be_set_on_its_own(
    settings: Any, overrides: dict[str, Any], refused: set[str]
) -> None:
    settings.SECRET_KEY = SECRET
    settings.SECRET_KEY_FALLBACKS = []
    settings.AUDIT_KEY = "an-audit-key-of-its-own-kept-apart-from-the-database"
    settings.SALT_KEY = ["a-random-field-salt-of-this-deployment"]
    settings.BLIND_INDEX_KEY = "a-blind-index-key-of-its-own-for-searching-names"
    for name, value in overrides.items():
        setattr(settings, name, value)

    messages = [str(error.msg) for error in check_keys(None)]

    assert {message.split()[0] for message in messages} == refused
