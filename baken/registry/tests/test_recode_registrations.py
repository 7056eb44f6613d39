"""Values stored before the intake enforced the code lists are mapped to codes where possible
(`baken recode_registrations`, and once by a data migration); the rest is reported."""

import io
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command

from baken.registry.models import CountReport, Registration
from baken.registry.tokens import issue_source

pytestmark = pytest.mark.django_db


def stored(number: int, **values: object) -> Registration:
    source = issue_source(name=f"Oude bron {number}", kind="police")[0]
    fields: dict[str, object] = {
        "sex": "female",
        "nationality": "",
        "country_of_birth": "",
        "forms": ["labour"],
        "reporter_region": "",
        **values,
    }
    return Registration.objects.create(
        source=source,
        idempotency_key=f"old-{number}",
        dossier_type="statistical",
        key_version="k1",
        k_name=f"{number:032x}",
        reported_on=date(2024, 3, 1),
        **fields,
    )


def legacy() -> tuple[Registration, Registration, Registration]:
    return (
        stored(1, nationality="Nederlandse", country_of_birth="Nederland", sex="vrouw"),
        stored(2, nationality="NL", forms=["Arbeidsuitbuiting", "not-a-form"], sex="M"),
        stored(3, nationality="Нідерланди", reporter_region="Midden-Nederland"),
    )


def test_the_command_reports_without_writing_then_maps_what_it_can() -> None:
    first, second, third = legacy()
    CountReport.objects.create(
        source=first.source, idempotency_key="c1", year=2024, forms=["criminal"]
    )

    dry = io.StringIO()
    call_command("recode_registrations", stdout=dry)
    assert "mapped   nationality: 'Nederlandse' → 'NL' (1 row(s))" in dry.getvalue()
    assert "UNMAPPED nationality: 'Нідерланди' (1 row(s))" in dry.getvalue()
    assert "UNMAPPED forms: 'not-a-form' (1 row(s))" in dry.getvalue()
    assert "Would change 3 row(s); 2 value(s) could not be mapped." in dry.getvalue()
    first.refresh_from_db()
    assert first.nationality == "Nederlandse"

    call_command("recode_registrations", "--apply", stdout=io.StringIO())
    for registration in (first, second, third):
        registration.refresh_from_db()
    assert (first.nationality, first.country_of_birth, first.sex) == ("NL", "NL", "female")
    assert (second.forms, second.sex) == (["labour", "not-a-form"], "male")
    assert (third.nationality, third.reporter_region) == ("Нідерланди", "RE03")

    call_command("recode_registrations", "--apply", "--clear-unmapped", stdout=io.StringIO())
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.forms == ["labour"] and third.nationality == ""


def test_the_data_migration_maps_stored_values() -> None:
    first, _second, third = legacy()
    migration = import_module("baken.registry.migrations.0007_stored_values_to_codes")

    migration.to_codes(apps, None)

    first.refresh_from_db()
    third.refresh_from_db()
    assert (first.nationality, first.sex) == ("NL", "female")
    assert third.nationality == "Нідерланди"  # kept for the command's report
