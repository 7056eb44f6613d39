"""The privacy officer finds the youth for an access overview by name (the blind index) or by
pseudonymous id, and hears "no youth found" when there is none, instead of "nobody viewed this
youth's data"."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.access import youths_findable_for_access_overview
from baken.cases.testing import make_youth
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def test_the_privacy_officer_finds_a_youth_by_name(client_for: ClientFor, cast: Cast) -> None:
    youth = make_youth(
        cast.worker_a, teams=[cast.team_a1], given_names="Noor", family_name="Jansen"
    )
    make_youth(cast.worker_b, teams=[cast.team_b1], given_names="Noor", family_name="Jansen")
    client = client_for(cast.privacy_officer)

    page = client.get(reverse("cases:access_overview_search"), {"q": "noor jansen"})

    html = page.content.decode()
    assert "Noor Jansen" in html and youth.pseudonym in html
    assert html.count(">Noor Jansen</a>") == 1  # the other organisation's Noor is not found
    assert f"youth_pseudonym={youth.pseudonym}" in html
    assert AuditEntry.objects.filter(
        event=AuditEvent.SEARCH, user=cast.privacy_officer, object_type="youth"
    ).exists()
    listed = AuditEntry.objects.get(object_id="cases:access_overview_search")
    assert listed.detail == youth.pseudonym


def test_an_unknown_name_answers_no_youth_found(client_for: ClientFor, cast: Cast) -> None:
    make_youth(cast.worker_a, teams=[cast.team_a1])

    page = client_for(cast.privacy_officer).get(
        reverse("cases:access_overview_search"), {"q": "Pietje Puk"}
    )

    assert "Geen jongere gevonden" in page.content.decode()


def test_a_pseudonym_goes_straight_to_the_overview(client_for: ClientFor, cast: Cast) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])

    response = client_for(cast.privacy_officer).get(
        reverse("cases:access_overview_search"), {"q": youth.pseudonym.lower()}
    )

    assert response.status_code == 302
    assert response.url.endswith(f"?youth_pseudonym={youth.pseudonym}")  # type: ignore[attr-defined]


def test_an_unknown_pseudonym_answers_no_youth_found_not_nobody_looked(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    client = client_for(cast.privacy_officer)

    unknown = client.get(reverse("audit:youth_overview"), {"youth_pseudonym": "J-ZZZZ-ZZZZ"})
    known = client.get(reverse("audit:youth_overview"), {"youth_pseudonym": youth.pseudonym})

    assert "Geen jongere gevonden" in unknown.content.decode()
    assert "Niemand heeft gegevens van deze jongere" not in unknown.content.decode()
    assert "Geen jongere gevonden" not in known.content.decode()
    assert [e.username for e in known.context["entries"]] == ["worker_a"]  # who opened the file


@pytest.mark.parametrize(
    ("who", "finds"),
    [
        ("privacy_officer", True),
        ("worker_a", False),
        ("officer_a", False),
        ("admin_a", False),
        ("analyst", False),
    ],
)
def test_only_the_privacy_officer_may_search_for_the_overview(
    client_for: ClientFor, cast: Cast, who: str, finds: bool
) -> None:
    make_youth(cast.worker_a, teams=[cast.team_a1])
    user = getattr(cast, who)

    assert youths_findable_for_access_overview(user).exists() is finds
    response = client_for(user).get(reverse("cases:access_overview_search"), {"q": "Lisa"})
    assert response.status_code == (200 if finds else 403)
