"""Test configuration for the whole suite (unit, integration and browser tests)."""

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from baken.accounts.models import User
from baken.testing import Cast, log_in_verified, make_cast

# Playwright's sync API runs an event loop in the test thread; Django's ORM is used beside it
# only from test code, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _flush_past_the_audit_guard() -> None:
    """Transactional tests (the browser tests' live server) end with Django's flush, a TRUNCATE
    of every table, which the audit log's trigger refuses on PostgreSQL. In the test database
    only, flush with triggers off for that one transaction."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.sql_flush

    def sql_flush(self: DatabaseOperations, *args: Any, **kwargs: Any) -> list[str]:
        statements = original(self, *args, **kwargs)
        if statements:
            return ["SET LOCAL session_replication_role = replica", *statements]
        return statements

    DatabaseOperations.sql_flush = sql_flush  # type: ignore[method-assign, assignment]


def pytest_configure() -> None:
    _flush_past_the_audit_guard()
    # Tests talk plain HTTP to the test client and the live server.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Speed-up: Argon2 is deliberately slow; tests that check the hasher ask for it.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


@pytest.fixture
def client_for(client: Client, cast: Cast) -> Callable[[User], Client]:
    """client_for(user): the test client, logged in with both factors as that user."""

    def log_in(user: User) -> Client:
        return log_in_verified(client, user)

    return log_in
