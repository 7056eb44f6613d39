"""The analyst's statistics: published with disclosure control, shown, exported and reported."""

from collections.abc import Callable
from datetime import date
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from baken.accounts.models import User
from baken.registry import persons
from baken.registry.models import Registration, StatisticsRelease
from baken.registry.releases import publish
from baken.registry.tokens import issue_source
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def registrations(count: int, *, form: str, year: int, sex: str = "female", start: int = 0) -> None:
    source = issue_source(name=f"Bron {form} {year} {start}", kind="police")[0]
    Registration.objects.bulk_create(
        Registration(
            source=source,
            idempotency_key=f"{form}-{year}-{start + n}",
            dossier_type="statistical",
            key_version="k1",
            k_name=f"{form}{year}{start + n:05d}",
            birth_year=2008,
            sex=sex,
            forms=[form],
            reported_on=date(year, 5, 1),
        )
        for n in range(count)
    )


@pytest.fixture
def release() -> StatisticsRelease:
    registrations(40, form="sexual-domestic", year=2025)
    registrations(12, form="labour", year=2025, sex="male", start=100)
    registrations(3, form="criminal", year=2025, start=200)
    registrations(30, form="sexual-domestic", year=2026, start=300)
    persons.recluster()
    return publish()


def test_a_release_counts_persons_and_hides_small_counts(release: StatisticsRelease) -> None:
    assert release.persons == 85 and release.years == [2025, 2026]
    form = next(t for t in release.tables if t["key"] == "form")
    values = {row["category"]: row["values"] for row in form["rows"]}
    assert values["criminal"][0] == "primary"
    assert values["labour"][0] == "secondary"  # else criminal = total - 40 - labour
    assert values["sexual-domestic"] == [40, 30]
    assert form["total"] == [55, 30]


def test_the_dashboard_shows_a_table_with_hidden_counts_and_charts(
    release: StatisticsRelease, cast: Cast, client_for: ClientFor
) -> None:
    page = client_for(cast.analyst).get(reverse("registry:statistics"), {"table": "form"})
    html = page.content.decode()
    assert "Criminele uitbuiting" in html
    assert "&lt; 10" in html and ">x<" in html
    assert "Geregistreerde personen per jaar" in html
    assert client_for(cast.worker_a).get(reverse("registry:statistics")).status_code == 403


def test_exports_and_the_annual_report(
    release: StatisticsRelease, cast: Cast, client_for: ClientFor
) -> None:
    client = client_for(cast.analyst)
    csv_text = client.get(reverse("registry:export_csv"), {"table": "form"}).content.decode(
        "utf-8-sig"
    )
    assert "Vorm van uitbuiting,Criminele uitbuiting,2025,< 10" in csv_text
    assert "Vorm van uitbuiting,Personen,2025,55" in csv_text

    xlsx = client.get(reverse("registry:export_xlsx"), {"all": "1"})
    book = load_workbook(BytesIO(xlsx.content))
    assert "Vorm van uitbuiting" in book.sheetnames
    sheet = book["Vorm van uitbuiting"]
    assert [c.value for c in sheet[2]] == [None, 2025, 2026]

    report = client.get(reverse("registry:report", kwargs={"year": 2025})).content.decode()
    assert "Mensenhandel: geregistreerde personen 2025" in report
    pdf = client.get(reverse("registry:report_pdf", kwargs={"year": 2025}))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("registry:report", kwargs={"year": 1999})).status_code == 404


def test_the_analyst_can_recount(cast: Cast, client_for: ClientFor) -> None:
    registrations(20, form="labour", year=2026)
    response = client_for(cast.analyst).post(reverse("registry:publish"))
    assert response.status_code == 302
    assert StatisticsRelease.objects.get().persons == 20  # not linked yet: each one a person


def test_cross_tables_are_shown_and_exported_with_the_same_protection(
    release: StatisticsRelease, cast: Cast, client_for: ClientFor
) -> None:
    cross = next(t for t in release.tables if t["key"] == "form_x_sex")
    values = {row["category"]: row["values"] for row in cross["rows"]}
    assert values["sexual-domestic|female"][1] == 30
    assert values["criminal|female"][0] == "primary"
    # Female persons (43, published in "sex") are at most the female column's sum: beside the
    # one hidden 3 the column's other cell is hidden too.
    assert values["sexual-domestic|female"][0] == "secondary"
    client = client_for(cast.analyst)
    page = client.get(reverse("registry:statistics"), {"table": "form_x_sex"}).content.decode()
    assert "Vorm van uitbuiting naar geslacht" in page
    assert "Criminele uitbuiting · vrouw" in page
    csv_text = client.get(reverse("registry:export_csv"), {"all": "1"}).content.decode()
    assert "Vorm van uitbuiting naar leeftijdsgroep,Criminele uitbuiting · 16-17,2025,< 10" in (
        csv_text
    )


def test_the_overall_counts_are_not_shown_beside_a_hidden_years_total(
    cast: Cast, client_for: ClientFor
) -> None:
    registrations(40, form="labour", year=2025)
    registrations(4, form="labour", year=2024, start=100)  # the year's total is "< 10"
    persons.recluster()
    release = publish()
    sex = next(t for t in release.tables if t["key"] == "sex")
    assert sex["total"][0] == "primary"
    page = client_for(cast.analyst).get(reverse("registry:statistics")).content.decode()
    # 44 registrations over all years - 40 in 2025 would be the hidden 4.
    assert "44 registraties" not in page and "Geteld op" in page


def test_the_page_says_which_tables_the_release_withheld(cast: Cast, client_for: ClientFor) -> None:
    registrations(40, form="sexual-domestic", year=2025)
    persons.recluster()
    stored = publish()
    overlap = next(t for t in stored.tables if t["key"] == "overlap")
    for row in overlap["rows"]:  # as publish() stores a table-year it could not protect
        row["values"] = ["withheld" for _ in row["values"]]
    stored.withheld = [["overlap", 2025]]
    stored.save()
    client = client_for(cast.analyst)
    page = client.get(reverse("registry:statistics"), {"table": "form"}).content.decode()
    assert "Soorten meldende bronnen samen (overlap) 2025" in page
    withheld = client.get(reverse("registry:statistics"), {"table": "overlap"}).content.decode()
    assert 'numeric">.</td>' in withheld
