"""Schemathesis generates requests from the published OpenAPI document; none may cause a server
error (valid ones are stored, invalid ones are refused with 4xx). Driven through Hypothesis
directly, since schemathesis' pytest plugin does not support this pytest version."""

import uuid

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from baken.registry.tokens import issue_source
from baken.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 25


def test_no_generated_request_causes_a_server_error() -> None:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    token = issue_source(name="fuzz", kind="other")[1]
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) == 4

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
