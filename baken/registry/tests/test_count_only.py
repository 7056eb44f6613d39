"""Untraceable counts (`dossier_type: "count_only"`): what a source sends when no personal data may
go. The registry takes only the year, the forms, minor or not and the police unit; keeps the count
apart from registrations; never links it or puts it in a capture table; and counts it in the
statistics as not deduplicated."""

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.registry import persons
from baken.registry.capture_tables import default_grouping, estimate_years
from baken.registry.models import CountReport, Registration, RegistrationStatus, Source
from baken.registry.releases import publish, registrations_frame
from baken.registry.tokens import issue_source
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def count(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "dossier_type": "count_only",
        "year": 2026,
        "forms": ["criminal"],
        "minor": True,
        "reporter_region": "RE09",
    }
    body.update(changes)
    return body


@pytest.fixture
def source() -> tuple[Source, str]:
    return issue_source(name="Jeugdzorg Utrecht", kind="youth_care")


def call(
    client: Client, token: str, path: str, body: dict[str, Any], key: str = "count-0001"
) -> Any:
    return client.post(
        path,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def test_a_count_is_stored_apart_once_per_idempotency_key(
    client: Client, source: tuple[Source, str]
) -> None:
    first = call(client, source[1], "/api/registrations", count())
    again = call(client, source[1], "/api/registrations", count())

    assert first.status_code == 201 and again.status_code == 200
    body = first.json()
    assert body["reference"].startswith("C-") and body["dossier_type"] == "count_only"
    assert again.json()["reference"] == body["reference"]
    stored = CountReport.objects.get()
    assert (stored.year, stored.forms, stored.minor, stored.reporter_region) == (
        2026,
        ["criminal"],
        True,
        "RE09",
    )
    assert stored.source == source[0]
    assert not Registration.objects.exists()  # never among the registrations that are linked


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pseudonyms", {"key_version": "k1", "k_full": "9f2c" * 8}),
        ("birth_year", 2010),
        ("sex", "female"),
        ("nationality", "NL"),
        ("country_of_birth", "NL"),
        ("reported_on", "2026-03-14"),
        ("sector", "drugs"),
        ("contact", {"name": "X"}),
    ],
)
def test_a_count_refuses_anything_that_could_single_out_the_person(
    client: Client, source: tuple[Source, str], field: str, value: object
) -> None:
    response = call(client, source[1], "/api/registrations", count(**{field: value}))

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field
    assert response.json()["errors"][0]["message_nl"] == "dit veld is onbekend en niet toegestaan"
    assert not CountReport.objects.exists()


def test_a_count_needs_a_form_and_a_year_not_in_the_future(
    client: Client, source: tuple[Source, str]
) -> None:
    no_forms = call(client, source[1], "/api/registrations", count(forms=[]))
    future = call(
        client, source[1], "/api/registrations", count(year=timezone.localdate().year + 1)
    )
    unknown_kind = call(client, source[1], "/api/registrations", count(dossier_type="telling"))

    assert no_forms.json()["errors"][0]["field"] == "forms"
    assert future.json()["errors"][0]["field"] == "year"
    assert future.json()["errors"][0]["message_nl"] == "het jaar kan niet in de toekomst liggen"
    assert unknown_kind.json()["errors"][0]["field"] == "dossier_type"
    assert not CountReport.objects.exists()


def test_a_registration_s_errors_still_name_its_own_fields(
    client: Client, source: tuple[Source, str]
) -> None:
    body = {"dossier_type": "statistical", "forms": ["labour"]}
    fields = {
        e["field"] for e in call(client, source[1], "/api/registrations", body).json()["errors"]
    }
    assert {"pseudonyms", "sex", "reported_on"} <= fields


def test_a_count_is_read_corrected_and_withdrawn_by_its_own_source_only(
    client: Client, source: tuple[Source, str]
) -> None:
    reference = call(client, source[1], "/api/registrations", count()).json()["reference"]
    other = issue_source(name="Andere instelling", kind="youth_care")[1]
    auth = {"Authorization": f"Bearer {source[1]}"}

    assert client.get(f"/api/registrations/{reference}", headers=auth).status_code == 200
    assert (
        client.get(
            f"/api/registrations/{reference}", headers={"Authorization": f"Bearer {other}"}
        ).status_code
        == 404
    )
    corrected = client.put(
        f"/api/registrations/{reference}",
        data=json.dumps(count(forms=["labour"])),
        content_type="application/json",
        headers=auth,
    )
    assert corrected.status_code == 200 and CountReport.objects.get().forms == ["labour"]
    into_registration = client.put(
        f"/api/registrations/{reference}",
        data=json.dumps({**count(), "dossier_type": "statistical"}),
        content_type="application/json",
        headers=auth,
    )
    assert into_registration.status_code == 422  # a registration needs its pseudonyms
    withdrawn = call(
        client, source[1], f"/api/registrations/{reference}/withdraw", {"reason": "vergissing"}
    )
    assert withdrawn.status_code == 200
    assert CountReport.objects.get().status == RegistrationStatus.WITHDRAWN


def registration(source: Source, key: str, year: int, form: str) -> None:
    Registration.objects.create(
        source=source,
        idempotency_key=key,
        dossier_type="statistical",
        key_version="k1",
        k_name=key.ljust(32, "0"),
        birth_year=2009,
        sex="female",
        forms=[form],
        minor=True,
        reported_on=date(year, 5, 1),
    )


def test_counts_are_not_deduplicated_in_the_statistics_and_on_no_list_of_the_estimate(
    cast: Cast, client_for: ClientFor, source: tuple[Source, str]
) -> None:
    police = issue_source(name="Politie", kind="police")[0]
    for n in range(12):
        registration(police, f"p{n:03d}", 2026, "criminal")
    for n in range(11):
        CountReport.objects.create(
            source=source[0], idempotency_key=f"c{n}", year=2026, forms=["criminal"], minor=True
        )
    CountReport.objects.create(
        source=source[0],
        idempotency_key="gone",
        year=2026,
        forms=["criminal"],
        status=RegistrationStatus.WITHDRAWN,
    )
    persons.recluster()

    release = publish()

    assert release.persons == 12 and release.registrations == 12
    table = next(t for t in release.tables if t["key"] == "not_deduplicated")
    assert table["total"] == [11] and table["rows"] == [{"category": "criminal", "values": [11]}]
    assert len(registrations_frame()) == 12  # the frame the linkage and the estimate read
    grouping = default_grouping()
    assert estimate_years(years=[2026], grouping=grouping)[0].registered == 12
    client = client_for(cast.analyst)
    statistics = client.get(reverse("registry:statistics"), {"table": "not_deduplicated"})
    page = statistics.content.decode()
    assert "niet ontdubbeld" in page
    estimation = client.get(reverse("registry:estimation"), {"start": 2026, "end": 2026})
    assert "Onherleidbare tellingen in deze periode (11)" in estimation.content.decode()
