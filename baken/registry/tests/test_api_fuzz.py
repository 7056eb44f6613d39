"""Schemathesis generates requests from the published OpenAPI document; none may cause a server
error (valid ones are stored, invalid ones are refused with 4xx). Driven through Hypothesis
directly, since schemathesis' pytest plugin does not support this pytest version."""

import uuid
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from baken.registry.tokens import issue_source
from baken.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Iterator[None]:
    """Calling the WSGI app directly would close the test's database connection at the end of
    each request; Django's own test client switches that off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_no_generated_request_causes_a_server_error() -> None:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    token = issue_source(name="fuzz", kind="other")[1]
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) == 5  # create, read, correct, withdraw, withdraw by key

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
            headers = {"Authorization": f"Bearer {token}"}
            if "Idempotency-Key" not in (case.headers or {}):
                headers["Idempotency-Key"] = str(uuid.uuid4())
            response = case.call(headers=headers)
            assert response.status_code < 500, f"{case.method} {case.path}: {response.text}"

        call()
