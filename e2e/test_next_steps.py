"""Next steps that follow from what was recorded (issue 18): a signal of high concern leads to its
next steps and a consultation started from there; a screening pre-marked from the case file's
risk factors; a registration waiting during a registry outage shows where it stands."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.cases.models import RiskFactor
from baken.cases.testing import make_youth
from baken.registration.delivery import Reply, deliver_due
from baken.registration.models import OutboundRegistration
from baken.registration.testing import add_parents, open_task, register_with_consent
from baken.signalling.models import Consultation
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_a_high_signal_leads_to_the_next_steps_and_a_consultation(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Mila", family_name="Kok")

    log_in(page, live_server.url, cast.worker_a)
    page.get_by_role("link", name="Mila Kok").first.click()
    page.get_by_role("link", name="Signaal vastleggen").click()
    page.get_by_label("Wat viel je op?").fill("Wordt elke avond opgehaald door een oudere man.")
    page.get_by_label("Hoog: nu handelen").check()
    page.get_by_role("button", name="Signaal opslaan").click()

    expect(page.get_by_role("heading", name="Hoge zorg: wat nu?")).to_be_visible()
    expect(page.get_by_role("link", name="112")).to_be_visible()
    expect(page.get_by_role("link", name="0800-2000").first).to_be_visible()
    expect(page.get_by_role("button", name="Meldcode starten")).to_be_visible()
    question = page.get_by_label("Je vraag")
    expect(question).to_have_value(re.compile("Wordt elke avond opgehaald"))
    page.get_by_role("button", name="Verzoek om overleg versturen").click()

    expect(page.get_by_text("Je verzoek om consultatie is verstuurd.")).to_be_visible()
    consultation = Consultation.objects.get()
    assert consultation.youth == youth and consultation.addressed_to == cast.officer_a
    assert "hoge zorg" in consultation.question


@pytest.mark.django_db(transaction=True)
def test_the_screening_is_prefilled_from_the_case_file(page: Page, live_server: LiveServer) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Bos")
    youth.risk_factors.set(RiskFactor.objects.filter(code="lvb"))

    log_in(page, live_server.url, cast.worker_a)
    page.get_by_role("link", name="Noor Bos").first.click()
    page.get_by_label("Aanleiding voor deze risicotaxatie").select_option("intake")
    page.get_by_role("button", name="Risicotaxatie starten").click()

    expect(page.get_by_text('1 vraag staat al op "ja" vanuit het dossier')).to_be_visible()
    lvb = page.get_by_role("radiogroup", name="Heeft de jongere een licht verstandelijke")
    expect(lvb.get_by_label("Ja")).to_be_checked()
    expect(lvb.get_by_text("Overgenomen uit dossier")).to_be_visible()
    lvb.get_by_label("Nee").check()  # the worker can still change it
    page.get_by_role("button", name="Opslaan en later verdergaan").click()
    expect(lvb.get_by_label("Nee")).to_be_checked()


@pytest.mark.django_db(transaction=True)
def test_a_registration_waiting_during_an_outage_shows_where_it_stands(
    page: Page, live_server: LiveServer, settings: Any
) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Sem", family_name="Vos")
    add_parents(youth, cast.worker_a)
    register_with_consent(open_task(youth), cast.officer_a)

    def down(key: str, body: dict[str, Any]) -> Reply:
        raise TimeoutError("timed out")

    long_ago = timezone.now() - timedelta(days=4)  # at least two working days, whatever today is
    OutboundRegistration.objects.update(created_at=long_ago)
    deliver_due(transport=down)
    deliver_due(transport=down, now=timezone.now() + timedelta(hours=1))

    log_in(page, live_server.url, cast.officer_a)
    notice = page.locator(".utrecht-alert", has_text="meer dan een werkdag")
    expect(notice).to_contain_text("Sem Vos")
    expect(notice).to_contain_text("Het registratiecentrum was niet bereikbaar")
    notice.get_by_role("link", name="Sem Vos").click()
    state = page.locator(".baken-delivery-state")
    expect(state).to_contain_text("2 pogingen")
    expect(state).to_contain_text("laatste fout: Het registratiecentrum was niet bereikbaar")
    expect(state).to_contain_text("volgende poging")
    expect(page.get_by_text("timed out")).to_have_count(0)
