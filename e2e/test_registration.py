"""The three routes of a registration, walked in the browser and checked at the registry:
(a) consent of a 14-year-old and both parents with parental authority; (b) the statistics
exception, proposed by a worker and confirmed by the designated officer; (c) an objection
honoured: only the untraceable count reaches the registry; and (c) then (a): a parent's refusal
sends the count, the parent later consents, and one action replaces the count by a registration,
so the registry's statistics count the youth once."""

import io
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.registration.delivery import deliver_due, http_transport
from baken.registration.models import Disclosure, OutboundRegistration, RegistrationPolicy
from baken.registration.testing import add_parents
from baken.registry.registration_frames import counts_frame, registrations_frame
from baken.signalling.services import conclude_consultation, request_consultation
from baken.testing import Cast, make_cast
from e2e.conftest import log_in

KEY = "the-key-shared-by-registering-organisations-42"


def registry_rows(table: str) -> list[dict[str, Any]]:
    """What the registry holds, read on its side (the institution never imports it)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def confirmed_suspicion(cast: Cast, youth: Youth) -> None:
    consultation = request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    conclude_consultation(
        consultation=consultation,
        by=cast.officer_a,
        request=None,
        participants=[],
        external_participants="",
        conclusion="Vermoeden van criminele uitbuiting bevestigd.",
        next_step="monitor",
        suspicion_confirmed=True,
    )


def source_token() -> str:
    out = io.StringIO()
    call_command("registry_source", "add", "Instelling A", "--kind", "youth_care", stdout=out)
    return out.getvalue().strip()


def born(years: int) -> str:
    today = timezone.localdate()
    return date(today.year - years, 1, 1).isoformat()


@pytest.mark.django_db(transaction=True)
def test_consent_of_a_14_year_old_and_both_parents(
    page: Page, live_server: LiveServer, settings: Any
) -> None:
    settings.BAKEN_PSEUDONYM_KEY = KEY
    cast = make_cast()
    youth = make_youth(
        cast.worker_a,
        teams=[cast.team_a1],
        given_names="Amber",
        family_name="Kuipers",
        born=born(14),
    )
    add_parents(youth, cast.worker_a, "Marieke Kuipers", "Ahmed Kuipers")
    confirmed_suspicion(cast, youth)
    token = source_token()

    log_in(page, live_server.url, cast.officer_a)
    page.get_by_role("link", name="Beslissen over registratie van Amber Kuipers").click()
    expect(page.get_by_text("Marieke Kuipers (Ouder met gezag)")).to_be_visible()
    expect(page.get_by_text("het blijven dus persoonsgegevens")).to_be_visible()
    page.get_by_label("Toestemming is gevraagd").check()
    page.get_by_label("Criminele uitbuiting").check()
    for who in ("De jongere: Amber Kuipers", "Ouder met gezag: Marieke Kuipers"):
        page.get_by_role("group", name=f"Registratie · {who}").get_by_label(
            "Toestemming gegeven"
        ).check()
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("Leg het antwoord van deze persoon vast.")).to_be_visible()
    assert not OutboundRegistration.objects.exists()  # one parent's answer is missing

    page.get_by_role("group", name="Registratie · Ouder met gezag: Ahmed Kuipers").get_by_label(
        "Toestemming gegeven"
    ).check()
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("De registratie staat klaar")).to_be_visible()
    expect(
        page.get_by_text("Ahmed Kuipers (Ouder met gezag): Toestemming gegeven").first
    ).to_be_visible()

    assert deliver_due(transport=http_transport(live_server.url, token)).delivered == 1
    page.reload()
    expect(page.locator(".baken-delivery--delivered").first).to_have_text("Afgeleverd")
    disclosure = Disclosure.objects.get()
    assert disclosure.parties.count() == 3 and disclosure.art6_basis == "6(1)(a)"
    stored = registry_rows("registry_registration")
    assert len(stored) == 1 and stored[0]["k_name"] and stored[0]["dossier_type"] == "statistical"
    text = " ".join(str(v) for v in stored[0].values())
    assert "Amber" not in text and "Kuipers" not in text


@pytest.mark.django_db(transaction=True)
def test_the_statistics_exception_proposed_by_a_worker_and_confirmed_by_the_officer(
    page: Page, browser: Browser, live_server: LiveServer, settings: Any
) -> None:
    settings.BAKEN_PSEUDONYM_KEY = KEY
    cast = make_cast()
    RegistrationPolicy.objects.create(organisation=cast.institution_a, registrar="youth_worker")
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Smit", born=born(15)
    )
    confirmed_suspicion(cast, youth)
    token = source_token()

    log_in(page, live_server.url, cast.worker_a)
    page.get_by_role("link", name="Noor Smit").first.click()
    page.get_by_role("link", name="Beslissen over registratie", exact=True).click()
    page.get_by_label("Toestemming kan nu niet aan deze jongere worden gevraagd").check()
    page.get_by_label("Criminele uitbuiting").check()
    page.get_by_label(
        "Waarom toestemming nu niet aan deze jongere kan worden gevraagd"
    ).select_option("not_reachable")
    page.get_by_label("Licht toe, voor deze jongere nu").fill(
        "Noor is sinds drie weken vermist; de ouders zijn in het buitenland onbereikbaar."
    )
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("Wacht op bevestiging door de aandachtfunctionaris.")).to_be_visible()
    assert not OutboundRegistration.objects.exists()

    officer_context = browser.new_context(locale="en-US")
    officer = officer_context.new_page()
    log_in(officer, live_server.url, cast.officer_a)
    officer.get_by_role("link", name="Beslissen over registratie van Noor Smit").click()
    expect(officer.get_by_text("sinds drie weken vermist")).to_be_visible()
    officer.get_by_label("Bevestigen: registreren op grond van de statistiekuitzondering").check()
    officer.get_by_role("button", name="Besluit vastleggen").click()
    expect(officer.get_by_text("Bevestigd: de registratie staat klaar")).to_be_visible()
    expect(
        officer.get_by_text("Verstrekking zonder toestemming (BW 7:458 lid 3)").first
    ).to_be_visible()
    officer_context.close()

    assert deliver_due(transport=http_transport(live_server.url, token)).delivered == 1
    disclosure = Disclosure.objects.get()
    assert disclosure.confirmed_by == cast.officer_a and disclosure.proposed_by == cast.worker_a
    assert (disclosure.art6_basis, disclosure.secrecy_basis) == ("6(1)(f)", "BW 7:458")
    stored = registry_rows("registry_registration")
    assert len(stored) == 1 and stored[0]["k_name"] and stored[0]["contact"] is None


@pytest.mark.django_db(transaction=True)
def test_an_objection_is_honoured_only_the_count_reaches_the_registry(
    page: Page, live_server: LiveServer, settings: Any
) -> None:
    settings.BAKEN_PSEUDONYM_KEY = KEY
    cast = make_cast()
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Daan", family_name="Bos", born=born(16)
    )
    confirmed_suspicion(cast, youth)
    token = source_token()

    log_in(page, live_server.url, cast.officer_a)
    page.get_by_role("link", name="Beslissen over registratie van Daan Bos").click()
    expect(page.get_by_text("alleen een onherleidbare telling").first).to_be_visible()
    page.get_by_label("De jongere of een ouder maakt bezwaar tegen registratie").check()
    page.get_by_label("Criminele uitbuiting").check()
    page.get_by_label("Wie maakt bezwaar").select_option("youth")
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("Het bezwaar is vastgelegd.")).to_be_visible()
    assert youth.objections.get().role == "youth"

    assert deliver_due(transport=http_transport(live_server.url, token)).delivered == 1
    page.reload()
    expect(page.get_by_text("geen kenmerk bewaard")).to_be_visible()
    assert registry_rows("registry_registration") == []  # no pseudonyms, nothing linkable
    (count,) = registry_rows("registry_countreport")
    assert count["year"] == timezone.localdate().year and count["minor"] in (True, 1)
    assert set(count) == {
        "id",
        "source_id",
        "reference",
        "idempotency_key",
        "status",
        "received_at",
        "updated_at",
        "withdrawn_reason",
        "year",
        "forms",
        "minor",
        "reporter_region",
    }
    outbound = OutboundRegistration.objects.get()
    assert (
        outbound.registry_reference == "" and outbound.idempotency_key != count["idempotency_key"]
    )


@pytest.mark.django_db(transaction=True)
def test_a_refusal_sends_the_count_and_later_consent_replaces_it(
    page: Page, live_server: LiveServer, settings: Any
) -> None:
    settings.BAKEN_PSEUDONYM_KEY = KEY
    cast = make_cast()
    youth = make_youth(
        cast.worker_a,
        teams=[cast.team_a1],
        given_names="Sanne",
        family_name="Visser",
        born=born(15),
    )
    add_parents(youth, cast.worker_a, "Ilse Visser", "Joris Visser")
    confirmed_suspicion(cast, youth)
    sender = http_transport(live_server.url, source_token())
    parties = (
        "De jongere: Sanne Visser",
        "Ouder met gezag: Ilse Visser",
        "Ouder met gezag: Joris Visser",
    )

    log_in(page, live_server.url, cast.officer_a)
    page.get_by_role("link", name="Beslissen over registratie van Sanne Visser").click()
    page.get_by_label("Toestemming is gevraagd").check()
    page.get_by_label("Criminele uitbuiting").check()
    for who in parties:
        answer = "Toestemming geweigerd" if "Ilse" in who else "Toestemming gegeven"
        page.get_by_role("group", name=f"Registratie · {who}").get_by_label(answer).check()
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("alleen de onherleidbare telling staat klaar")).to_be_visible()
    assert deliver_due(transport=sender).delivered == 1
    assert len(counts_frame()) == 1 and registrations_frame().empty  # counted, not deduplicated

    # Weeks later the mother changes her mind: everyone the law asks now consents.
    page.reload()
    page.get_by_role("link", name="De eerdere telling vervangen door een registratie").click()
    expect(page.get_by_label("Criminele uitbuiting")).to_be_checked()  # what the count said
    for who in parties:
        page.get_by_role("group", name=f"Registratie · {who}").get_by_label(
            "Toestemming gegeven"
        ).check()
    page.get_by_role("button", name="Telling vervangen door de registratie").click()
    expect(
        page.get_by_text("De registratie staat klaar; het registratiecentrum trekt")
    ).to_be_visible()
    expect(page.get_by_text("Vervanging wacht op verzending").first).to_be_visible()
    expect(page.get_by_text("De eerdere telling vervangen door een registratie")).to_have_count(0)

    assert deliver_due(transport=sender).delivered == 1
    page.reload()
    expect(
        page.get_by_text(
            "Vervangen: het registratiecentrum heeft de registratie en trok de telling in"
        ).first
    ).to_be_visible()
    (stored,) = registry_rows("registry_registration")
    assert stored["k_name"] and stored["replaced_count_id"] is not None
    (count,) = registry_rows("registry_countreport")
    assert count["status"] == "withdrawn" and count["withdrawn_reason"].startswith("replaced by")
    frame = registrations_frame()
    assert counts_frame().empty and len(frame) == 1 and frame["person_key"].nunique() == 1
