"""The registry counts nationality and country of birth by ISO 3166-1 code, so the institution
maps what a worker wrote ("Nederlandse", "Roemenië", "Dutch") to the code before it sends, and
refuses what it cannot map, before anything leaves."""

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client

from baken.cases.testing import make_youth
from baken.lib.countries import UnknownCountry, country_code
from baken.registration.delivery import Reply, deliver_due
from baken.registration.models import OutboundRegistration
from baken.registration.pseudonymise import PseudonymisationError, check_key, pseudonymise
from baken.registration.services import enqueue_registration
from baken.testing import Cast

KEY = check_key("a-test-key-that-is-long-enough-0123456789")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Nederlandse", "NL"),
        ("nederlands", "NL"),
        ("Nederland", "NL"),
        ("Dutch", "NL"),
        ("the Netherlands", "NL"),
        ("NLD", "NL"),
        ("nl", "NL"),
        ("Roemeense", "RO"),
        ("Roemenië", "RO"),
        ("roemenie", "RO"),
        ("Romanian", "RO"),
        ("Oekraïense", "UA"),
        ("Eritrese", "ER"),
        ("Vietnamees", "VN"),
        ("Viet Nam", "VN"),
        ("Syrië", "SY"),
        ("Britse", "GB"),
        ("Verenigd Koninkrijk", "GB"),
        ("onbekend", ""),
        ("", ""),
    ],
)
def test_names_and_adjectives_in_dutch_or_english_map_to_the_iso_code(
    written: str, code: str
) -> None:
    assert country_code(written) == code


@pytest.mark.parametrize("written", ["Нідерланди", "Nederlandsch", "not-a-country", "Congolese"])
def test_what_names_no_country_or_two_is_refused(written: str) -> None:
    with pytest.raises(UnknownCountry):
        country_code(written)


def test_pseudonymise_sends_codes_and_refuses_unknown_countries() -> None:
    fields = {"given_name": "Ioana", "surname": "Popescu", "date_of_birth": "2008-11-14"}
    out = pseudonymise(
        key=KEY,
        key_version="k1",
        sex="v",
        nationality="Roemeense",
        country_of_birth="Roemenië",
        **fields,
    )
    assert (out["nationality"], out["country_of_birth"]) == ("RO", "RO")
    with pytest.raises(PseudonymisationError, match="nationality 'Roemeens-ish'"):
        pseudonymise(
            key=KEY,
            key_version="k1",
            sex="v",
            nationality="Roemeens-ish",
            country_of_birth="",
            **fields,
        )


def test_the_pseudonymise_command_writes_codes_and_reports_the_unmappable_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "key.txt"
    key.write_text("a-shared-secret-key-of-sufficient-length-42", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text(
        "record_id,source,given_name,surname,date_of_birth,sex,nationality,country_of_birth\n"
        "r1,police,Ioana,Popescu,2008-11-14,f,Roemeense,Roemenië\n"
        "r2,police,Sem,Jansen,2008,m,Nederlandsch,\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"

    with pytest.raises(SystemExit):
        call_command("pseudonymise", "--key-file", key, "--input", people, "--output", output)

    assert "row 3: nationality 'Nederlandsch' is not a country" in capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert [(r["record_id"], r["nationality"], r["country_of_birth"]) for r in rows] == [
        ("r1", "RO", "RO")
    ]


@pytest.fixture
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


@pytest.mark.django_db
@pytest.mark.usefixtures("pseudonym_key")
def test_a_youths_dutch_nationality_arrives_at_the_registry_as_nl(cast: Cast) -> None:
    out = io.StringIO()
    call_command("registry_source", "add", "Jeugdzorg A", "--kind", "youth_care", stdout=out)
    token = out.getvalue().strip()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])  # "Nederlandse", born in "Nederland"
    enqueue_registration(
        youth=youth, by=cast.officer_a, request=None, dossier_type="statistical", forms=["labour"]
    )
    client = Client()

    def post(key: str, body: dict[str, Any]) -> Reply:
        response = client.post(
            "/api/registrations",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        )
        return Reply(response.status_code, response.json())

    assert deliver_due(transport=post).delivered == 1
    with connection.cursor() as cursor:  # the institution side never imports the registry
        cursor.execute("SELECT nationality, country_of_birth FROM registry_registration")
        assert cursor.fetchall() == [("NL", "NL")]


@pytest.mark.django_db
@pytest.mark.usefixtures("pseudonym_key")
def test_a_nationality_that_names_no_country_is_refused_before_sending(cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    youth.nationality = "Nederlands-Antilliaans"
    youth.save()

    with pytest.raises(ValidationError, match="Nederlands-Antilliaans"):
        enqueue_registration(
            youth=youth,
            by=cast.officer_a,
            request=None,
            dossier_type="statistical",
            forms=["labour"],
        )
    assert not OutboundRegistration.objects.exists()
