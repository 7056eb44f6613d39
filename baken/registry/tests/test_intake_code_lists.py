"""The registry accepts only what it can count: fields that the statistics count by are checked
against the code lists (forms, sex, ISO 3166-1 countries, police units), in the API (422 naming
the field and the allowed values, documented in the OpenAPI document) and in CSV uploads (the row,
the field and the allowed values reported; every other row is stored)."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.registry.code_lists import FORM_CODES, REGION_CODES
from baken.registry.models import CountReport, Registration, Source
from baken.registry.tests.test_intake_api import payload, post
from baken.registry.tokens import issue_source
from baken.registry.upload import import_csv
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture
def source() -> tuple[Source, str]:
    return issue_source(name="Politie Oost-Nederland", kind="police")


@pytest.mark.parametrize(
    ("field", "value", "reported_as", "allowed"),
    [
        ("forms", ["not-a-form"], "forms.0", list(FORM_CODES)),
        ("sex", "vrouw", "sex", ["female", "male", "other", "unknown"]),
        ("nationality", "Nederlandse", "nationality", None),
        ("nationality", "Нідерланди", "nationality", None),
        ("country_of_birth", "Holland", "country_of_birth", None),
        ("reporter_region", "RE99", "reporter_region", ["", *REGION_CODES]),
    ],
)
def test_a_value_off_the_code_list_is_refused_naming_the_field_and_the_allowed_values(
    client: Client,
    source: tuple[Source, str],
    field: str,
    value: Any,
    reported_as: str,
    allowed: list[str] | None,
) -> None:
    response = post(client, source[1], payload(**{field: value}))

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == reported_as
    assert "code list" in error["message"] and "codelijst" in error["message_nl"]
    if allowed is not None:
        assert error["allowed"] == allowed
        assert ", ".join(a for a in allowed if a) in error["message"]
    else:  # the country list: ISO 3166-1 alpha-2, named by its standard
        assert "NL" in error["allowed"] and "RO" in error["allowed"] and "" in error["allowed"]
        assert "ISO 3166-1" in error["message"]
    assert not Registration.objects.exists()


def test_codes_on_the_lists_are_accepted_and_stored_as_sent(
    client: Client, source: tuple[Source, str]
) -> None:
    body = payload(
        sex="unknown", nationality="NL", country_of_birth="", forms=["labour", "criminal"]
    )

    assert post(client, source[1], body).status_code == 201
    stored = Registration.objects.get()
    assert (stored.sex, stored.nationality, stored.country_of_birth, stored.forms) == (
        "unknown",
        "NL",
        "",
        ["labour", "criminal"],
    )


def test_an_untraceable_count_is_checked_against_the_same_lists(
    client: Client, source: tuple[Source, str]
) -> None:
    count = {"dossier_type": "count_only", "year": 2025, "forms": ["not-a-form"]}
    response = post(client, source[1], count)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "forms.0"

    response = post(client, source[1], {**count, "forms": ["labour"], "reporter_region": "X"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "reporter_region"
    assert not CountReport.objects.exists()


def test_the_openapi_document_lists_the_allowed_values(client: Client) -> None:
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    fields = schemas["RegistrationIn"]["properties"]

    assert fields["sex"]["enum"] == ["female", "male", "other", "unknown"]
    assert fields["forms"]["items"]["enum"] == list(FORM_CODES)
    assert (
        "NL" in fields["nationality"]["enum"] and "Nederlandse" not in fields["nationality"]["enum"]
    )
    assert fields["country_of_birth"]["enum"] == fields["nationality"]["enum"]
    assert fields["reporter_region"]["enum"] == ["", *REGION_CODES]
    assert "allowed" in schemas["FieldError"]["properties"]


HEADER = "record_id,source,key_version,k_full,birth_year,sex,nationality,forms,reporter_region\n"
K = "cd34" * 7  # + 4 hex digits per row


def upload_content() -> bytes:
    return (
        HEADER
        + f"r1,p,k1,{K}0001,2007,female,NL,labour,RE01\n"
        + f"r2,p,k1,{K}0002,2007,female,Nederlandse,labour,RE01\n"
        + f"r3,p,k1,{K}0003,2006,male,RO,not-a-form,RE02\n"
        + f"r4,p,k1,{K}0004,2006,m,RO,criminal,RE77\n"
        + f"r5,p,k1,{K}0005,2005,unknown,,criminal,\n"
    ).encode()


def test_a_csv_upload_reports_row_field_and_allowed_values_and_keeps_every_other_row(
    source: tuple[Source, str],
) -> None:
    report = import_csv(
        source=source[0],
        content=upload_content(),
        default_forms=[],
        default_reported_on=date(2026, 11, 1),
    )

    assert report.accepted == 2
    assert sorted(Registration.objects.values_list("idempotency_key", flat=True)) == [
        "csv:r1",
        "csv:r5",
    ]
    problems = {(p.row, p.field): p for p in report.problems}
    assert set(problems) == {
        (3, "nationality"),
        (4, "forms"),
        (5, "sex"),
        (5, "reporter_region"),
    }
    assert "ISO 3166-1" in problems[(3, "nationality")].allowed
    assert problems[(4, "forms")].allowed == ", ".join(FORM_CODES)
    assert problems[(5, "sex")].allowed == "female, male, other, unknown"
    assert "RE01" in problems[(5, "reporter_region")].allowed
    assert [row for row, _reason in report.rejected] == [3, 4, 5]


def test_the_upload_page_shows_the_refused_rows_with_field_and_allowed_values(
    client_for: ClientFor, cast: Cast, source: tuple[Source, str]
) -> None:
    response = client_for(cast.analyst).post(
        reverse("registry:upload"),
        {
            "source": source[0].pk,
            "file": SimpleUploadedFile("upload.csv", upload_content()),
            "default_reported_on": "2026-11-01",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200 and Registration.objects.count() == 2
    assert "not-a-form" in page and "sexual-domestic, sexual-cross-border" in page
    assert "female, male, other, unknown" in page


def test_the_upload_forms_for_rows_without_forms_are_chosen_from_the_list(
    client_for: ClientFor, cast: Cast, source: tuple[Source, str]
) -> None:
    response = client_for(cast.analyst).post(
        reverse("registry:upload"),
        {
            "source": source[0].pk,
            "file": SimpleUploadedFile("upload.csv", upload_content()),
            "default_reported_on": "2026-11-01",
            "default_forms": ["labour", "loverboy"],
        },
    )

    assert response.status_code == 200 and response.context["report"] is None
    assert "loverboy" in str(response.context["form"].errors["default_forms"])
    assert not Registration.objects.exists()
    page = client_for(cast.analyst).get(reverse("registry:upload")).content.decode()
    assert 'type="checkbox" name="default_forms" value="labour"' in page
    assert "Arbeidsuitbuiting" in page  # the form's name, not its code
    assert 'type="date"' not in page  # a typed date: 31 February is an error, never dropped


def test_the_upload_date_is_typed_day_month_year_and_an_impossible_one_is_an_error(
    client_for: ClientFor, cast: Cast, source: tuple[Source, str]
) -> None:
    response = client_for(cast.analyst).post(
        reverse("registry:upload"),
        {
            "source": source[0].pk,
            "file": SimpleUploadedFile("upload.csv", upload_content()),
            "default_reported_on": "31-02-2026",
        },
    )
    assert response.status_code == 200 and response.context["report"] is None
    assert "bestaat niet" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_source_kind_off_the_list_is_refused_by_the_service_and_the_database() -> None:
    with pytest.raises(ValueError, match="'politie' is not one of: police, kmar"):
        issue_source(name="Politie", kind="politie")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(name="Politie", kind="politie", token_hash="0" * 64)
    assert not Source.objects.exists()
