"""A worker logs a vague niet-pluis feeling, makes it concrete, asks for consultation; the
designated officer records a conclusion; both see it on the youth's timeline.

Speed of the signal form: after opening it, a niet-pluis signal takes one field (what you noticed)
and one click (save): date, place, source and concern have sensible defaults. Making it concrete
adds one click (suggest) and one tick per indicator."""

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.cases.testing import make_youth
from baken.signalling.models import Consultation, Signal
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_niet_pluis_signal_consultation_and_conclusion_on_the_timeline(
    page: Page, browser: Browser, live_server: LiveServer
) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Mila", family_name="Kok")

    log_in(page, live_server.url, cast.worker_a)
    page.get_by_role("link", name="Jongeren").first.click()
    page.get_by_role("link", name="Mila Kok").click()
    page.get_by_role("link", name="Signaal vastleggen").click()

    date_input = page.get_by_label("Wanneer merkte je het op?")
    expect(date_input).to_have_value(timezone.localdate().strftime("%d-%m-%Y"))
    page.get_by_label("Wat viel je op?").fill(
        "Niet pluis: ze heeft ineens twee telefoons en komt 's nachts laat terug."
    )
    page.get_by_role("button", name="Help me het concreet te maken").click()
    suggested = page.locator("details", has_text="Voorgesteld bij wat je schreef")
    expect(suggested).to_be_visible()
    suggested.get_by_label("Heeft meerdere telefoons of simkaarten").check()
    page.get_by_role("button", name="Signaal opslaan").click()

    expect(page.get_by_text("Het signaal is vastgelegd.")).to_be_visible()
    signal = Signal.objects.get()
    assert [i.code for i in signal.indicators.all()] == ["g-phones"]
    assert "twee telefoons" in signal.note

    page.get_by_role("link", name="Consultatie vragen").click()
    page.get_by_label("Vraag aan").select_option(label="Officer (Aandachtfunctionaris)")
    page.get_by_label("Je vraag").fill("Wil je meekijken? Ik twijfel of dit uitbuiting is.")
    page.get_by_role("button", name="Verzoek versturen").click()
    expect(page.get_by_text("Je verzoek om consultatie is verstuurd.")).to_be_visible()

    officer_context = browser.new_context(locale="en-US")
    officer = officer_context.new_page()
    log_in(officer, live_server.url, cast.officer_a)
    officer.get_by_role("link", name="Signalenoverzicht").first.click()
    officer.get_by_role("link", name="Mila Kok").first.click()
    officer.get_by_label("Conclusie").fill("Zorgen terecht; risicotaxatie doen deze week.")
    officer.get_by_label("Risicotaxatie doen").check()
    officer.get_by_role("button", name="Conclusie opslaan").click()
    expect(officer.get_by_text("De conclusie is vastgelegd.")).to_be_visible()
    expect(officer.get_by_text("Zorgen terecht; risicotaxatie doen deze week.")).to_be_visible()
    officer_context.close()

    page.reload()
    timeline = page.locator(".baken-timeline")
    expect(timeline.get_by_text("Zorgen terecht; risicotaxatie doen deze week.")).to_be_visible()
    expect(timeline.get_by_text("Heeft meerdere telefoons of simkaarten")).to_be_visible()
    assert Consultation.objects.get().next_step == "screen"
    assert youth.pseudonym in page.url
