"""From a confirmed suspicion to a registration delivered to the registry: consent refused, so the
pseudonymised statistical route is taken."""

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.cases.testing import make_youth
from baken.registration.delivery import deliver_due, http_transport
from baken.registration.models import DeliveryStatus, OutboundRegistration
from baken.signalling.services import conclude_consultation, request_consultation
from baken.testing import make_cast
from e2e.conftest import log_in


@pytest.mark.django_db(transaction=True)
def test_confirmed_suspicion_to_delivered_statistical_registration(
    page: Page, live_server: LiveServer, settings: Any
) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"
    cast = make_cast()
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Amber", family_name="Kuipers"
    )
    consultation = request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    conclude_consultation(
        consultation=consultation,
        by=cast.officer_a,
        request=None,
        participants=[],
        external_participants="",
        conclusion="Vermoeden van seksuele uitbuiting bevestigd.",
        next_step="meldcode",
    )
    out = io.StringIO()
    call_command("registry_source", "add", "Instelling A", "--kind", "youth_care", stdout=out)
    token = out.getvalue().strip()

    log_in(page, live_server.url, cast.officer_a)
    page.get_by_role("link", name="Beslissen over registratie van Amber Kuipers").click()
    expect(page.get_by_text("Toestemming geeft: de jongere.")).to_be_visible()
    page.get_by_role("group", name="Is er een redelijk vermoeden").get_by_label(
        "Ja: registreren"
    ).check()
    page.get_by_role("group", name="Toestemming om identificerende").get_by_label(
        "Gevraagd en geweigerd"
    ).check()
    page.get_by_role("group", name="Soort registratie").get_by_label(
        "Registratie met verzoek om opvang"
    ).check()
    page.get_by_label("Seksuele uitbuiting (binnenlands)").check()
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("Zonder toestemming is alleen de gepseudonimiseerde")).to_be_visible()

    page.get_by_role("group", name="Soort registratie").get_by_label("Alleen registratie").check()
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("De registratie staat klaar")).to_be_visible()
    expect(page.locator(".baken-delivery--queued")).to_have_text("In de wachtrij")

    run = deliver_due(transport=http_transport(live_server.url, token))  # the sender's round
    assert run.delivered == 1
    page.reload()
    expect(page.locator(".baken-delivery--delivered")).to_have_text("Afgeleverd")
    outbound = OutboundRegistration.objects.get()
    assert (
        outbound.status == DeliveryStatus.DELIVERED
        and outbound.lawful_basis == "pseudonymised_statistics"
    )
    expect(page.get_by_text(outbound.registry_reference).first).to_be_visible()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM registry_registration")
        stored = " ".join(str(v) for row in cursor.fetchall() for v in row)
    assert "Amber" not in stored and "Kuipers" not in stored
