"""A worker runs a full screening, sees it pre-filled from earlier signals, and cannot close an
elevated result without choosing a next step."""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.cases.testing import make_youth
from baken.screening.models import Screening, ScreeningStatus
from baken.signalling.models import Consultation, Indicator
from baken.signalling.services import record_signal
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_full_screening_prefilled_and_forced_to_a_next_step(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Bos")
    record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="school",
        source="youth_told",
        concern="medium",
        indicators=list(Indicator.objects.filter(code__in=["c-drugs-running", "c-bank-card-lent"])),
        note="",
    )

    log_in(page, live_server.url, cast.worker_a)
    page.get_by_role("link", name="Noor Bos").first.click()
    page.get_by_label("Aanleiding voor deze risicotaxatie").select_option("periodic")
    page.get_by_role("button", name="Risicotaxatie starten").click()

    expect(page.get_by_role("heading", name="Risicotaxatie", exact=True)).to_be_visible()
    expect(page.get_by_text("2 vragen staan al op 'ja'")).to_be_visible()
    drugs = page.get_by_role("radiogroup", name="Vervoert of verkoopt de jongere drugs")
    expect(drugs.get_by_label("Ja")).to_be_checked()
    bank = page.get_by_role("radiogroup", name="Leent de jongere bankpas")
    expect(bank.get_by_label("Ja")).to_be_checked()
    page.get_by_role("radiogroup", name="Heeft de jongere een licht verstandelijke").get_by_label(
        "Ja"
    ).check()
    page.get_by_role("radiogroup", name="Heeft de jongere een vertrouwde volwassene").get_by_label(
        "Ja"
    ).check()
    page.get_by_role("button", name="Afronden en uitkomst bekijken").click()

    expect(page.get_by_role("heading", name="Uitkomst risicotaxatie")).to_be_visible()
    expect(page.get_by_text("beslisondersteuning, geen diagnose")).to_be_visible()
    expect(page.locator("td", has_text="Hoge zorg (7)")).to_be_visible()  # 3 + 3 + 2 - 1
    expect(page.get_by_text("Vervoert of verkoopt de jongere drugs")).to_be_visible()

    page.get_by_role("button", name="Vervolgstap vastleggen en afsluiten").click()
    expect(page.get_by_text("Kies een vervolgstap.").first).to_be_visible()
    assert Screening.objects.get().status == ScreeningStatus.AWAITING_NEXT_STEP

    page.get_by_role("radio", name="Consultatie vragen").check()
    page.get_by_label("Wie vraag je").select_option(label="Officer (Aandachtfunctionaris)")
    page.get_by_label("Vraag voor de consultatie").fill("Verhoogd op criminele uitbuiting.")
    page.get_by_role("button", name="Vervolgstap vastleggen en afsluiten").click()

    expect(page.get_by_text("De vervolgstap is vastgelegd")).to_be_visible()
    screening = Screening.objects.get()
    assert screening.status == ScreeningStatus.CLOSED
    assert screening.consultation == Consultation.objects.get()
    expect(page.locator(".baken-timeline").get_by_text("Risicotaxatie")).to_be_visible()
