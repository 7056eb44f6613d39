"""The privacy officer's page for destruction on request (Jeugdwet art. 7.3.9): reached from the
access overview's search, it says what goes and what the law says, takes who asked, when the
written request came in, that no exception applies and the typed pseudonymous id; only the
privacy officer of the youth's organisation may use it, and a mistake destroys nothing."""

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.audit.models import AuditEntry, AuditEvent, AuditOutcome
from baken.cases.models import Guardian, Youth
from baken.cases.services import add_guardian
from baken.cases.testing import make_youth
from baken.retention.services import (
    RequestedBy,
    case_file_contents,
    destroy_case_file_on_request,
)
from baken.signalling import services as signalling
from baken.signalling.models import Consultation, Signal
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
TODAY = datetime(2026, 2, 2, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def clock() -> Iterator[None]:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def youth(cast: Cast) -> Youth:
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Jansen"
    )
    add_guardian(
        youth=youth,
        by=cast.worker_a,
        request=None,
        name="Moeder Jansen",
        relationship="moeder",
        has_parental_authority=True,
        phone="",
        email="",
    )
    for day in (6, 7):
        signalling.record_signal(
            youth=youth,
            by=cast.worker_a,
            request=None,
            observed_on=date(2026, 1, day),
            context="school",
            source="seen",
            concern="low",
            indicators=[],
            note="niet pluis",
        )
    signalling.request_consultation(
        youth=youth, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )
    return youth


def page_of(youth: Youth) -> str:
    return reverse("retention:destroy_on_request", args=[youth.pseudonym])


def filled(youth: Youth, **changes: str) -> dict[str, str]:
    data = {
        "requested_by": "parent",
        "received_on": "10-01-2026",
        "no_exception_applies": "on",
        "confirm_pseudonym": youth.pseudonym,
    }
    return {name: value for name, value in (data | changes).items() if value != ""}


def file_is_whole(youth: Youth) -> bool:
    return (
        Youth.objects.filter(pk=youth.pk).exists()
        and Signal.objects.filter(youth_id=youth.pk).count() == 2
        and Guardian.objects.filter(youth_id=youth.pk).count() == 1
        and Consultation.objects.filter(youth_id=youth.pk).count() == 1
    )


def test_the_search_links_to_the_page(client_for: ClientFor, cast: Cast, youth: Youth) -> None:
    page = client_for(cast.privacy_officer).get(
        reverse("cases:access_overview_search"), {"q": "noor jansen"}
    )

    html = page.content.decode()
    assert f'href="{page_of(youth)}"' in html and "Dossier vernietigen op verzoek" in html


def test_the_page_says_what_goes_and_what_the_law_says_and_the_visit_is_logged(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    page = client_for(cast.privacy_officer).get(page_of(youth))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Noor Jansen" in html and youth.pseudonym in html
    contents = page.context["contents"]
    assert contents[0] == ("Jongere", 1)  # the youth first, then the records by kind
    assert {"Signaal": 2, "Wettelijk vertegenwoordiger": 1, "Consultatie": 1}.items() <= dict(
        contents
    ).items()
    assert ("Team van de jongere", 1) in contents  # every kind in words, none as a code
    assert all(label[0].isupper() and "_" not in label for label, _count in contents)
    assert "artikel 7.3.9" in html and "binnen drie maanden" in html
    assert "aanmerkelijk belang" in html and "wettelijk voorschrift" in html
    assert "De jongere (12 jaar of ouder)" in html and "De voogd" in html
    assert file_is_whole(youth)  # counting what would go removed nothing
    read = AuditEntry.objects.get(
        user=cast.privacy_officer, event=AuditEvent.READ, youth_pseudonym=youth.pseudonym
    )
    assert read.outcome == AuditOutcome.SUCCESS and "7.3.9" in read.detail


def test_what_the_page_counts_is_what_the_destruction_removes(cast: Cast, youth: Youth) -> None:
    before = case_file_contents(youth=youth)

    removed = destroy_case_file_on_request(
        youth=youth,
        by=cast.privacy_officer,
        request=None,
        received_on=date(2026, 1, 10),
        requested_by="youth",
        no_exception_applies=True,
    )

    assert before == removed and removed["signal"] == 2 and removed["consultation"] == 1


def test_the_privacy_officer_destroys_the_file(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    client = client_for(cast.privacy_officer)

    response = client.post(page_of(youth), filled(youth, confirm_pseudonym=youth.pseudonym.lower()))

    assert response.status_code == 302
    assert response.url == reverse("cases:access_overview_search")  # type: ignore[attr-defined]
    assert not Youth.objects.filter(pk=youth.pk).exists()
    assert not Signal.objects.exists() and not Guardian.objects.exists()
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"Het dossier van {youth.pseudonym} is definitief vernietigd." in message
    assert "Jongere: 1" in message and "Signaal: 2" in message and "Consultatie: 1" in message
    assert "uiterlijk op 10-4-2026" in message and "10-1-2026" in message
    assert "verstreken" not in message
    entry = AuditEntry.objects.get(event=AuditEvent.DELETE, youth_pseudonym=youth.pseudonym)
    assert entry.user == cast.privacy_officer
    assert "on request (Jeugdwet art. 7.3.9) of the parent, received 2026-01-10" in entry.detail
    assert "Jansen" not in entry.detail


def test_a_destruction_after_the_three_months_says_the_term_had_passed(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    response = client_for(cast.privacy_officer).post(
        page_of(youth), filled(youth, received_on="31-10-2025")
    )

    (message,) = list(get_messages(response.wsgi_request))
    assert message.level_tag == "warning"
    assert "uiterlijk op 31-1-2026" in str(message) and "Die termijn was al verstreken." in str(
        message
    )


@pytest.mark.parametrize(
    ("field", "changes", "error"),
    [
        ("requested_by", {"requested_by": ""}, "Geef aan wie om de vernietiging vroeg."),
        ("requested_by", {"requested_by": "neighbour"}, "Selecteer een geldige keuze."),
        ("received_on", {"received_on": ""}, "Vul de datum in waarop het schriftelijke verzoek"),
        ("received_on", {"received_on": "31-02-2026"}, "Deze datum bestaat niet"),
        ("received_on", {"received_on": "03-02-2026"}, "niet in de toekomst zijn ontvangen"),
        ("no_exception_applies", {"no_exception_applies": ""}, "aanmerkelijk belang"),
        ("confirm_pseudonym", {"confirm_pseudonym": ""}, "Typ het pseudoniem ter bevestiging."),
        ("confirm_pseudonym", {"confirm_pseudonym": "J-AAAA-AAAA"}, "Dit is niet het pseudoniem"),
    ],
)
def test_each_mistake_is_shown_at_its_field_keeps_the_input_and_destroys_nothing(
    client_for: ClientFor, cast: Cast, youth: Youth, field: str, changes: dict[str, str], error: str
) -> None:
    data = filled(youth, **changes)

    page = client_for(cast.privacy_officer).post(page_of(youth), data)

    assert page.status_code == 200
    form = page.context["form"]
    assert list(form.errors) == [field] and error in form.errors[field][0]
    html = page.content.decode()
    assert f'id="id_{field}_error"' in html or f'id="id_{field}_0_error"' in html
    for name, value in data.items():  # what was typed or chosen is there again
        if name == "requested_by" and value in RequestedBy.values:
            assert re.search(rf'name="requested_by" value="{value}"[^>]* checked>', html)
        elif name == "no_exception_applies":
            assert re.search(r'type="checkbox" name="no_exception_applies"[^>]* checked>', html)
        elif name != "requested_by":
            assert f'value="{value}"' in html
    assert file_is_whole(youth)
    assert not AuditEntry.objects.filter(event=AuditEvent.DELETE).exists()


@pytest.mark.parametrize("who", ["worker_a", "officer_a", "admin_a", "analyst"])
def test_other_roles_are_refused(client_for: ClientFor, cast: Cast, youth: Youth, who: str) -> None:
    user = getattr(cast, who)
    client = client_for(user)

    shown = client.get(page_of(youth))
    posted = client.post(page_of(youth), filled(youth))

    assert shown.status_code == posted.status_code == 403
    assert file_is_whole(youth)
    assert AuditEntry.objects.filter(user=user, outcome=AuditOutcome.DENIED).count() == 2


def test_the_privacy_officer_of_another_organisation_gets_404(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    privacy_b = make_user("privacy_b", cast.institution_b, [Role.PRIVACY_OFFICER])
    client = client_for(privacy_b)

    shown = client.get(page_of(youth))
    posted = client.post(page_of(youth), filled(youth))

    assert shown.status_code == posted.status_code == 404
    assert file_is_whole(youth)
    denied = AuditEntry.objects.filter(user=privacy_b, outcome=AuditOutcome.DENIED)
    assert denied.count() == 2 and not denied.filter(youth_pseudonym=youth.pseudonym).exists()
    assert not AuditEntry.objects.filter(user=privacy_b, outcome=AuditOutcome.SUCCESS).exists()


def test_found_by_pseudonymous_id_the_overview_links_to_the_page_until_the_file_is_gone(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    client = client_for(cast.privacy_officer)
    search = reverse("cases:access_overview_search")

    before = client.get(search, {"q": youth.pseudonym}, follow=True).content.decode()
    client.post(page_of(youth), filled(youth))
    searched = client.get(search, {"q": youth.pseudonym}).content.decode()
    overview = reverse("audit:youth_overview")
    after = client.get(overview, {"youth_pseudonym": youth.pseudonym}).content.decode()

    assert f'href="{page_of(youth)}"' in before
    assert "Geen jongere gevonden." in searched
    assert "Het dossier van deze jongere is vernietigd." in after
    assert f'href="{page_of(youth)}"' not in after
