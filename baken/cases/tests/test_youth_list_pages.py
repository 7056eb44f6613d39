"""A long list of youths comes in pages: the database counts and slices, only the youths on the
page are shown (and decrypted), the audit entry names only them, and the navigation says where
the user is, in Dutch by default."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.audit.models import AuditEntry
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.lib import pagination
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def five_youths(cast: Cast, monkeypatch: pytest.MonkeyPatch) -> list[Youth]:
    monkeypatch.setattr(pagination, "PAGE_SIZE", 2)
    youths = [
        make_youth(cast.worker_a, teams=[cast.team_a1], given_names=f"Kind{number}")
        for number in range(5)
    ]
    return sorted(youths, key=lambda youth: youth.pseudonym)


def _listed_in_the_audit_log(since: int) -> list[str]:
    entry = AuditEntry.objects.get(sequence__gt=since, object_type="youth_list")
    return entry.detail.split()


def test_the_youth_list_shows_one_page_and_logs_only_the_youths_on_it(
    client_for: ClientFor, cast: Cast, five_youths: list[Youth]
) -> None:
    client = client_for(cast.officer_a)
    before = AuditEntry.objects.latest("sequence").sequence

    response = client.get(reverse("cases:list"), {"page": 2})

    assert list(response.context["youths"]) == five_youths[2:4]
    page = response.content.decode()
    assert five_youths[2].full_name in page and five_youths[0].full_name not in page
    assert _listed_in_the_audit_log(before) == [y.pseudonym for y in five_youths[2:4]]
    assert "3\N{EN DASH}4 van 5" in page
    assert 'href="?page=1"' in page and 'rel="prev"' in page
    assert 'href="?page=3"' in page and ">Volgende<" in page
    assert 'aria-current="page"' in page


def test_a_page_number_past_the_end_or_unreadable_still_shows_a_page(
    client_for: ClientFor, cast: Cast, five_youths: list[Youth]
) -> None:
    client = client_for(cast.officer_a)

    last = client.get(reverse("cases:list"), {"page": 99})
    unreadable = client.get(reverse("cases:list"), {"page": "x"})

    assert list(last.context["youths"]) == five_youths[4:]
    assert list(unreadable.context["youths"]) == five_youths[:2]


def test_each_list_on_a_page_keeps_its_own_page_in_the_links(
    client_for: ClientFor, cast: Cast, five_youths: list[Youth]
) -> None:
    """The home page's lists page on their own; a link to another page of one list keeps the
    page the user is on in the others."""
    response = client_for(cast.worker_a).get(reverse("home"), {"youths": 2})

    assert list(response.context["my_youths"]) == five_youths[2:4]
    assert 'href="?youths=3"' in response.content.decode()


def test_the_english_interface_says_next_and_previous(
    client_for: ClientFor, cast: Cast, five_youths: list[Youth]
) -> None:
    client = client_for(cast.officer_a)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = client.get(reverse("cases:list"), {"page": 2}).content.decode()

    assert ">Previous<" in page and ">Next<" in page and "3\N{EN DASH}4 of 5" in page
