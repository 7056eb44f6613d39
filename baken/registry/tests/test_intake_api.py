"""The registry's intake API: authentication, idempotent create, validation, correct, withdraw."""

import json
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from baken.registry.models import Registration, RegistrationStatus, Source
from baken.registry.tokens import issue_source, revoke, rotate_token

pytestmark = pytest.mark.django_db

# What a source sends: keyed pseudonyms made at the source. The registry (and its tests) never
# import the pseudonymisation code or hold its key, so these are fixed example values.
PSEUDONYMS = {
    "key_version": "k1",
    "k_full": "9f2c" * 8,
    "k_name": "1a2b" * 8,
    "k_surname": "3c4d" * 8,
    "k_dob": "5e6f" * 8,
    "bf_name": "AAECQgIEACg0",
}


def payload(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "dossier_type": "statistical",
        "pseudonyms": dict(PSEUDONYMS),
        "birth_year": 2008,
        "sex": "female",
        "nationality": "RO",
        "country_of_birth": "RO",
        "forms": ["labour"],
        "sector": "nagelsalon",
        "cross_border": True,
        "minor": True,
        "reported_on": "2026-11-01",
        "reporter_region": "RE03",
    }
    body.update(changes)
    return body


@pytest.fixture
def source() -> tuple[Source, str]:
    return issue_source(name="Politie Midden-Nederland", kind="police")


def post(client: Client, token: str, body: dict[str, Any], key: str = "idem-key-0001") -> Any:
    return client.post(
        "/api/registrations",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def test_a_source_registers_once_per_idempotency_key(
    client: Client, source: tuple[Source, str]
) -> None:
    _source, token = source

    first = post(client, token, payload())
    again = post(client, token, payload())

    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["reference"] == again.json()["reference"]
    assert Registration.objects.count() == 1
    assert post(client, token, payload(), key="idem-key-0002").status_code == 201


def test_the_registry_tables_hold_no_plaintext_name_or_date_of_birth(
    client: Client, source: tuple[Source, str]
) -> None:
    post(client, source[1], payload())
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM registry_registration")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row).lower()
    for secret in ("ioana", "popescu", "2008-11-14"):
        assert secret not in stored


def test_unknown_missing_and_bad_fields_are_named_in_english_and_dutch(
    client: Client, source: tuple[Source, str]
) -> None:
    body = payload(surname="Popescu", sex="vrouw", reported_on="2999-01-01")
    del body["forms"]

    response = post(client, source[1], body)

    assert response.status_code == 422
    errors = {e["field"]: e for e in response.json()["errors"]}
    assert errors["surname"]["message_nl"] == "dit veld is onbekend en niet toegestaan"
    assert errors["forms"]["message_nl"] == "dit veld is verplicht"
    assert "sex" in errors and "reported_on" in errors
    assert not Registration.objects.exists()


def test_a_statistical_registration_refuses_contact_details(
    client: Client, source: tuple[Source, str]
) -> None:
    response = post(client, source[1], payload(contact={"name": "Ioana Popescu"}))
    assert response.status_code == 422
    assert "geen contactgegevens" in response.json()["errors"][0]["message_nl"]


def test_a_request_for_shelter_keeps_its_contact_details_encrypted(
    client: Client, source: tuple[Source, str]
) -> None:
    response = post(
        client,
        source[1],
        payload(dossier_type="shelter", contact={"name": "Ioana Popescu", "phone": "06-12345678"}),
    )
    assert response.status_code == 201
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM registry_registration")
        (stored,) = cursor.fetchone()
    assert "Ioana" not in str(stored)
    assert Registration.objects.get().contact["name"] == "Ioana Popescu"


def test_tokens_are_stored_hashed_and_can_be_rotated_and_revoked(
    client: Client, source: tuple[Source, str]
) -> None:
    registered, token = source
    assert token not in Source.objects.values_list("token_hash", flat=True)
    assert post(client, "bk_wrong", payload()).status_code == 401

    new_token = rotate_token(source=registered)
    assert post(client, token, payload()).status_code == 401
    assert post(client, new_token, payload()).status_code == 201
    revoke(source=registered)
    assert post(client, new_token, payload(), key="idem-key-0009").status_code == 401


def test_correct_read_and_withdraw_only_own_registrations(
    client: Client, source: tuple[Source, str]
) -> None:
    _registered, token = source
    _other, other_token = issue_source(name="KMar", kind="kmar")
    reference = post(client, token, payload()).json()["reference"]
    auth = {"Authorization": f"Bearer {token}"}

    assert (
        client.get(
            f"/api/registrations/{reference}", headers={"Authorization": f"Bearer {other_token}"}
        ).status_code
        == 404
    )
    corrected = client.put(
        f"/api/registrations/{reference}",
        data=json.dumps(payload(forms=["labour", "criminal"])),
        content_type="application/json",
        headers=auth,
    )
    assert corrected.json()["status"] == RegistrationStatus.CORRECTED
    withdrawn = client.post(
        f"/api/registrations/{reference}/withdraw",
        data=json.dumps({"reason": "bezwaar jongere"}),
        content_type="application/json",
        headers=auth,
    )
    assert withdrawn.json()["status"] == RegistrationStatus.WITHDRAWN
    stored = Registration.objects.get()
    assert stored.k_full == "" and stored.forms == ["labour", "criminal"]


def test_the_openapi_document_is_published(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/registrations" in document["paths"]
    assert document["components"]["schemas"]["RegistrationIn"]["additionalProperties"] is False


def test_reported_on_today_is_accepted(client: Client, source: tuple[Source, str]) -> None:
    assert post(client, source[1], payload(reported_on=date.today().isoformat())).status_code == 201  # noqa: DTZ011


def test_an_explicit_null_for_contact_is_accepted(
    client: Client, source: tuple[Source, str]
) -> None:
    assert post(client, source[1], payload(contact=None, cross_border=None)).status_code == 201


def test_an_oversized_request_is_refused(client: Client, source: tuple[Source, str]) -> None:
    response = post(client, source[1], payload(sector="x" * 70_000))
    assert response.status_code in (413, 422)
    assert not Registration.objects.exists()


def test_text_with_a_nul_character_is_refused_not_a_server_error(
    client: Client, source: tuple[Source, str]
) -> None:
    """PostgreSQL cannot store NUL in text; the API says so instead of failing (found by the
    fuzz test)."""
    _source, token = source
    response = post(client, token, payload(sector="nagel\x00salon"))
    assert response.status_code == 422
    assert "NUL" in response.content.decode()
    response = post(client, token, payload(), key="idem\x01key-0002")
    assert response.status_code == 422
    assert not Registration.objects.exists()
