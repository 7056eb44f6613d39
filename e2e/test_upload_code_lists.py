"""An analyst uploads a CSV in which some rows hold values the registry cannot count: those rows
are listed with row, field and allowed values; the others are stored and counted by label."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.registry.models import Registration
from baken.registry.tokens import issue_source
from baken.testing import make_cast
from e2e.conftest import log_in

K = "ef56" * 7


@pytest.mark.django_db(transaction=True)
def test_an_upload_reports_rows_off_the_code_lists_and_keeps_the_rest(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    cast = make_cast()
    issue_source(name="Politie Oost-Nederland", kind="police")
    upload = tmp_path / "upload.csv"
    upload.write_text(
        "record_id,source,key_version,k_full,birth_year,sex,nationality,forms,reporter_region\n"
        f"r1,p,k1,{K}0001,2007,female,NL,labour,RE01\n"
        f"r2,p,k1,{K}0002,2007,female,Nederlandse,labour,RE01\n"
        f"r3,p,k1,{K}0003,2006,male,RO,not-a-form,RE02\n",
        encoding="utf-8",
    )

    log_in(page, live_server.url, cast.analyst)
    page.goto(f"{live_server.url}/registry/upload/")
    page.get_by_label("Bron").select_option(label="Politie Oost-Nederland")
    page.get_by_label("CSV-bestand (gemaakt met baken pseudonymise)").set_input_files(upload)
    page.get_by_role("button", name="Uploaden").click()

    expect(page.get_by_text("1 aangenomen, 0 al aanwezig, 2 geweigerd.")).to_be_visible()
    nationality = page.get_by_role("row").filter(has_text="nationality")
    expect(nationality).to_contain_text("3")
    expect(nationality).to_contain_text("ISO 3166-1")
    forms = page.get_by_role("row").filter(has_text="not-a-form")
    expect(forms).to_contain_text("sexual-domestic, sexual-cross-border, labour")
    assert list(Registration.objects.values_list("nationality", flat=True)) == ["NL"]
