"""The privacy officer destroys a youth's file on a written request (Jeugdwet art. 7.3.9): finds
the youth by name in the access overview's search, reads what will go, makes a mistake in the
confirmation, corrects it without losing what was filled in, destroys the file, and can no longer
find the youth."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.retention.policy import destruction_deadline
from baken.signalling.models import Signal
from baken.signalling.services import record_signal
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_the_privacy_officer_destroys_a_file_on_request(
    page: Page, live_server: LiveServer
) -> None:
    cast = make_cast()
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Jansen"
    )
    record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="school",
        source="seen",
        concern="low",
        indicators=[],
        note="Niet pluis.",
    )
    received = timezone.localdate() - timedelta(days=14)
    deadline = destruction_deadline(received_on=received)

    log_in(page, live_server.url, cast.privacy_officer)
    page.get_by_role("link", name="Toegangsoverzicht van een jongere").first.click()
    page.get_by_label("Naam of pseudoniem van de jongere").fill("noor jansen")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Dossier vernietigen op verzoek: Noor Jansen").click()

    expect(page.get_by_role("heading", name="Dossier vernietigen op verzoek")).to_be_visible()
    expect(page.get_by_text("Jeugdwet artikel 7.3.9")).to_be_visible()
    expect(page.get_by_role("row", name="Signaal 1")).to_be_visible()
    page.get_by_label("Een ouder met gezag").check()
    page.get_by_label("Het schriftelijke verzoek is ontvangen op").fill(
        received.strftime("%d-%m-%Y")
    )
    page.get_by_label("Geen van beide uitzonderingen geldt").check()
    page.get_by_label("Typ ter bevestiging het pseudoniem").fill("Noor Jansen")
    page.get_by_role("button", name="Dossier definitief vernietigen").click()

    expect(page.get_by_text("Dit is niet het pseudoniem van deze jongere.")).to_be_visible()
    expect(page.get_by_label("Een ouder met gezag")).to_be_checked()
    expect(page.get_by_label("Het schriftelijke verzoek is ontvangen op")).to_have_value(
        received.strftime("%d-%m-%Y")
    )
    expect(page.get_by_label("Geen van beide uitzonderingen geldt")).to_be_checked()
    assert Youth.objects.filter(pk=youth.pk).exists() and Signal.objects.exists()

    page.get_by_label("Typ ter bevestiging het pseudoniem").fill(youth.pseudonym)
    page.get_by_role("button", name="Dossier definitief vernietigen").click()

    done = page.get_by_role("status")
    expect(done).to_contain_text(f"Het dossier van {youth.pseudonym} is definitief vernietigd.")
    expect(done).to_contain_text("Jongere: 1")
    expect(done).to_contain_text("Signaal: 1")
    expect(done).to_contain_text(f"uiterlijk op {deadline.day}-{deadline.month}-{deadline.year}")
    assert not Youth.objects.filter(pk=youth.pk).exists() and not Signal.objects.exists()
    assert AuditEntry.objects.filter(
        event=AuditEvent.DELETE, user=cast.privacy_officer, youth_pseudonym=youth.pseudonym
    ).exists()

    page.get_by_label("Naam of pseudoniem van de jongere").fill("noor jansen")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Geen jongere gevonden.")).to_be_visible()
    expect(
        page.get_by_role("link", name="Dossier vernietigen op verzoek: Noor Jansen")
    ).to_have_count(0)
