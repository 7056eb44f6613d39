"""A full meldcode trajectory from a signal to a report to Veilig Thuis; the report goes stale
after its response date; the feedback is recorded, the institution records what it still does,
and closes the trajectory by a decision with its reason."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.accounts.models import Division, Region
from baken.cases.services import update_case_file
from baken.cases.testing import make_youth
from baken.meldcode.models import Report, Status, Trajectory
from baken.partners.models import Partner, PartnerKind
from baken.signalling.services import record_signal
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_from_signal_to_report_stale_report_feedback_follow_up_and_close(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], given_names="Eline", family_name="Vos")
    utrecht = Region.objects.get(division=Division.MUNICIPALITY, code="GM0344")
    update_case_file(youth=youth, by=cast.worker_a, request=None, changes={"municipality": utrecht})
    vt_region = utrecht.containing_regions.get(division=Division.VEILIG_THUIS)
    Partner.objects.create(
        kind=PartnerKind.VEILIG_THUIS, name="Veilig Thuis Utrecht", region=vt_region
    )
    record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="outside",
        source="seen",
        concern="high",
        indicators=[],
        note="Stapt 's nachts in bij een oudere man.",
    )

    log_in(page, live_server.url, cast.worker_a)
    page.get_by_role("link", name="Eline Vos").first.click()
    page.get_by_role("button", name="Meldcode starten vanuit dit signaal").click()

    expect(page.get_by_role("heading", name=re.compile("Stap 1"))).to_be_visible()
    expect(page.get_by_label("Wat er is gedaan")).to_have_value(re.compile("oudere man"))
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_role("heading", name=re.compile("Stap 2"))).to_be_visible()
    expect(page.get_by_text("Wat mag ik delen?")).to_be_visible()
    page.get_by_label("Wat er is gedaan").fill(
        "Besproken met de aandachtfunctionaris en anoniem met VT."
    )
    page.get_by_label("Veilig Thuis", exact=True).check()
    page.get_by_label("Anoniem geraadpleegd").check()
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_role("heading", name=re.compile("Stap 3"))).to_be_visible()
    page.get_by_label("Wat er is gedaan").fill("Gesprek met Eline over haar contacten.")
    page.get_by_label("Gesproken met de jongere").check()
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_role("heading", name=re.compile("Stap 4"))).to_be_visible()
    page.get_by_label("Wat er is gedaan").fill(
        "Risico hoog: patroon van loverboy, nachtelijke ritten."
    )
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_role("heading", name=re.compile("Stap 5"))).to_be_visible()
    page.get_by_role("group", name=re.compile("^1\\.")).get_by_label("Ja").check()
    page.get_by_role("group", name=re.compile("^2\\.")).get_by_label("Ja").check()
    page.get_by_label("Je beslissing en waarop die berust").fill(
        "Structurele onveiligheid: melden."
    )
    page.get_by_label("Organisatie (uit de ketenpartners)").select_option(
        label="Veilig Thuis Utrecht"
    )
    page.get_by_label("Wat er is gemeld").fill(
        "Vermoeden van seksuele uitbuiting door een oudere man."
    )
    page.get_by_label("Contactpersoon daar").fill("A. Jansen")
    page.get_by_label("Hun kenmerk").fill("VT-UT-2026-77")
    page.get_by_label("Is de jongere geïnformeerd?").select_option("yes")
    page.get_by_label("Zijn de ouders geïnformeerd?").select_option("not_for_safety")
    page.get_by_label("Afgesproken vervolg").fill("VT koppelt binnen 10 dagen terug.")
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_role("heading", name=re.compile("Melding bij Veilig Thuis"))).to_be_visible()
    trajectory = Trajectory.objects.get()
    assert trajectory.status == Status.REPORTED and trajectory.origin_signal is not None
    report = Report.objects.get()
    assert report.reference == "VT-UT-2026-77" and report.partner is not None

    with time_machine.travel(timezone.now() + timedelta(days=11), tick=True):
        log_in(page, live_server.url, cast.officer_a)  # the earlier session has timed out
        page.get_by_role("link", name="Meldcode", exact=True).click()
        expect(page.get_by_role("heading", name="Vastgelopen meldingen")).to_be_visible()
        page.get_by_role("link", name="Eline Vos").first.click()
        expect(page.get_by_text("Vastgelopen:")).to_be_visible()
        page.get_by_label("Opgeschaald naar").fill("Teamleider VT Utrecht")
        page.get_by_label("Wat je hebt gedaan").fill("Gebeld; terugbelafspraak morgen.")
        page.get_by_role("button", name="Opschaling opslaan").click()
        expect(page.get_by_text("De opschaling is vastgelegd.")).to_be_visible()
        page.get_by_label("Terugkoppeling", exact=True).fill(
            "VT start onderzoek; hulp via zorgcoördinator."
        )
        page.get_by_role("button", name="Terugkoppeling opslaan").click()
        expect(page.get_by_text("De terugkoppeling is vastgelegd.")).to_be_visible()
        trajectory.refresh_from_db()
        assert trajectory.status == Status.REPORTED  # feedback does not end the institution's part

        page.get_by_label("Wat uw organisatie zelf nog doet").fill(
            "Veiligheidsplan op de groep; gesprekken met de mentor."
        )
        page.get_by_label("Afspraken met Veilig Thuis").fill("VT belt na het onderzoek.")
        in_two_weeks = timezone.localdate() + timedelta(days=14)
        page.get_by_label("Volgende evaluatie").fill(in_two_weeks.isoformat())
        page.get_by_role("button", name="Vervolg vastleggen").click()
        expect(page.get_by_text("Het vervolg is vastgelegd.")).to_be_visible()
        page.get_by_label("Waarom het traject kan worden afgesloten").fill(
            "VT heeft het overgenomen; de hulp loopt en er zijn geen nieuwe signalen."
        )
        page.get_by_role("button", name="Traject afsluiten").click()
        expect(page.get_by_text("Het traject is afgesloten.")).to_be_visible()

    trajectory.refresh_from_db()
    assert trajectory.status == Status.CLOSED and "overgenomen" in (trajectory.closing_note or "")
    assert Report.objects.get().escalations.count() == 1
    assert trajectory.follow_ups.get().next_evaluation_on == in_two_weeks
