"""A worker types an impossible birth date and a note that is too long: the date comes back with
a message at the field (not saved as "no birth date"), and the note's counter says how much is
too much while typing."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.cases.models import Youth
from baken.lib.text_limits import NOTE_MAX
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_31_february_is_refused_at_the_field_and_the_note_counter_counts(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    log_in(page, live_server.url, cast.worker_a)
    page.goto(f"{live_server.url}/youths/new/")
    page.get_by_label("Voornaam of voornamen").fill("Mila")
    page.get_by_label("Achternaam").fill("Kok")
    page.get_by_label("Geboortedatum").fill("31-02-2012")
    page.get_by_label("Team A1").check()
    page.get_by_role("button", name="Opslaan").click()

    error = page.locator(".utrecht-form-field--invalid", has=page.get_by_label("Geboortedatum"))
    expect(error).to_contain_text("Deze datum bestaat niet")
    expect(page.get_by_label("Geboortedatum")).to_have_value("31-02-2012")
    assert not Youth.objects.exists()

    page.get_by_label("Geboortedatum").fill("01-01-1900")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Met deze geboortedatum is de jongere 126 jaar")).to_be_visible()
    page.get_by_label("Ik bevestig deze geboortedatum").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het dossier is aangemaakt.")).to_be_visible()
    youth = Youth.objects.get()
    assert youth.date_of_birth is not None and youth.date_of_birth.year == 1900

    page.goto(f"{live_server.url}/signals/youth/{youth.pseudonym}/daily-report/")
    report = page.get_by_label("Melding")
    counter = page.locator(f"#{report.get_attribute('id')}_counter")
    expect(counter).to_have_text(f"Nog {NOTE_MAX} tekens")
    report.fill("x" * (NOTE_MAX + 5))
    expect(counter).to_have_text("5 tekens te veel")
    assert len(report.input_value()) == NOTE_MAX + 5  # not cut short by the browser
