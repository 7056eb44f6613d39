"""The intake API's limits and refusals: every refusal has the published error body and status,
the OpenAPI document lists them, and the rate limits hold across server processes."""

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from baken.registry.models import ApiRateCount, Registration, Source
from baken.registry.tokens import issue_source

pytestmark = pytest.mark.django_db

BODY = {
    "dossier_type": "statistical",
    "pseudonyms": {"key_version": "k1", "k_full": "9f2c" * 8},
    "sex": "female",
    "forms": ["labour"],
    "reported_on": "2026-01-02",
}


@pytest.fixture
def source() -> tuple[Source, str]:
    return issue_source(name="Politie Oost-Nederland", kind="police")


def post(client: Client, token: str, data: str | bytes, **extra: Any) -> Any:
    return client.post(
        "/api/registrations",
        data=data,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "idem-key-0001"},
        **extra,
    )


def error_fields(response: Any) -> list[str]:
    """The fields named in the API's error schema (fails if the body has another shape)."""
    errors = response.json()["errors"]
    assert all(set(error) == {"field", "message", "message_nl"} for error in errors)
    return [error["field"] for error in errors]


def test_a_20_mb_body_gets_413_with_the_error_schema(
    client: Client, source: tuple[Source, str]
) -> None:
    response = post(client, source[1], "x" * 20_000_000)

    assert response.status_code == 413
    assert error_fields(response) == ["body"]
    assert not Registration.objects.exists()


def test_a_body_just_over_the_limit_gets_413_before_its_fields_are_read(
    client: Client, source: tuple[Source, str]
) -> None:
    response = post(client, source[1], json.dumps({**BODY, "sector": "x" * 70_000}))
    assert response.status_code == 413 and error_fields(response) == ["body"]


def test_a_body_that_is_not_json_gets_400_with_the_error_schema(
    client: Client, source: tuple[Source, str]
) -> None:
    response = post(client, source[1], "{not json")
    assert response.status_code == 400 and error_fields(response) == ["body"]
    assert "JSON" in response.json()["errors"][0]["message_nl"]


def test_an_unknown_reference_gets_404_with_the_error_schema(
    client: Client, source: tuple[Source, str]
) -> None:
    response = client.get(
        "/api/registrations/R-NOPE", headers={"Authorization": f"Bearer {source[1]}"}
    )
    assert response.status_code == 404 and error_fields(response) == ["reference"]


def test_the_openapi_document_lists_every_status_and_the_rules_between_fields(
    client: Client,
) -> None:
    document = client.get("/api/openapi.json").json()
    paths = document["paths"]

    def statuses(path: str, method: str) -> set[str]:
        return set(paths[path][method]["responses"])

    refusals = {"400", "401", "413", "422", "429"}
    # 409: a registration whose `replaces_count` finds no count of the source to replace.
    assert statuses("/api/registrations", "post") == {"200", "201", "409"} | refusals
    assert statuses("/api/registrations/{reference}", "get") == {"200", "401", "404", "429"}
    assert statuses("/api/registrations/{reference}", "put") == {"200", "404", "409"} | refusals
    assert statuses("/api/registrations/{reference}/withdraw", "post") == {"200", "404"} | refusals
    rules = " ".join(document["components"]["schemas"]["RegistrationIn"]["description"].split())
    assert "statistical registration carries no `contact`" in rules
    assert "`k_*` pseudonym" in rules and "future" in rules


def test_the_rate_limit_per_source_is_counted_in_the_database(
    client: Client, source: tuple[Source, str], settings: Any
) -> None:
    settings.BAKEN_API_RATE = "3/d"
    headers = {"Authorization": f"Bearer {source[1]}"}

    codes = [client.get("/api/registrations/R-NOPE", headers=headers).status_code for _ in "1234"]

    assert codes == [404, 404, 404, 429]
    refused = client.get("/api/registrations/R-NOPE", headers=headers)
    assert error_fields(refused) == ["request"] and int(refused["Retry-After"]) >= 1
    assert ApiRateCount.objects.get(key=f"source:{source[0].pk}").count == 3


def test_wrong_and_missing_tokens_are_throttled_per_client_address(
    client: Client, source: tuple[Source, str], settings: Any
) -> None:
    settings.BAKEN_API_FAILED_AUTH_RATE = "2/d"
    body = json.dumps(BODY)

    wrong = [post(client, "bk_guess", body).status_code for _ in "12"]
    missing = client.post("/api/registrations", data=body, content_type="application/json")
    again = post(client, "bk_another_guess", body)
    elsewhere = post(client, "bk_guess", body, REMOTE_ADDR="192.0.2.7")
    valid = post(client, source[1], body)

    assert wrong == [401, 401]
    assert missing.status_code == 429 and again.status_code == 429
    assert error_fields(again) == ["request"]
    assert elsewhere.status_code == 401  # another address has its own count
    assert valid.status_code == 201  # a source with its real token is never locked out


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a second process needs a database it shares with the test: PostgreSQL",
)
def test_another_server_process_sees_the_same_count(
    client: Client, source: tuple[Source, str], settings: Any
) -> None:
    settings.BAKEN_API_RATE = "2/d"
    headers = {"Authorization": f"Bearer {source[1]}"}
    assert [client.get("/api/registrations/R-1", headers=headers).status_code for _ in "12"] == [
        404,
        404,
    ]
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "BAKEN_API_RATE": "2/d",
        "BAKEN_HTTPS": "0",
    }
    code = (
        "from django.test import Client; "
        f"print(Client().get('/api/registrations/R-1', headers={headers!r}, "
        "HTTP_HOST='localhost').status_code)"
    )

    other = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "baken.cli", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert other.stdout.split()[-1:] == ["429"], other.stderr
