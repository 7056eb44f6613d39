from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.cases.testing import make_youth
from baken.signalling.services import record_signal, request_consultation
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def test_a_worker_starts_from_their_youths_with_the_last_signal(
    client_for: ClientFor, cast: Cast
) -> None:
    lisa = make_youth(cast.worker_a, teams=[cast.team_a1])
    other_team = make_youth(cast.officer_a, teams=[cast.team_a2], given_names="Kim")
    record_signal(
        youth=lisa,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="school",
        source="seen",
        concern="low",
        indicators=[],
        note="niet pluis",
    )
    request_consultation(
        youth=lisa, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )

    response = client_for(cast.worker_a).get(reverse("home"))

    (row,) = response.context["my_youths"]
    assert row == lisa and row.last_signal == timezone.localdate() and row.open_requests == 1
    assert other_team.full_name not in response.content.decode()


def test_a_designated_officer_sees_the_requests_addressed_to_them(
    client_for: ClientFor, cast: Cast
) -> None:
    lisa = make_youth(cast.worker_a, teams=[cast.team_a1])
    request_consultation(
        youth=lisa, by=cast.worker_a, request=None, addressed_to=cast.officer_a, question="?"
    )

    response = client_for(cast.officer_a).get(reverse("home"))

    assert [c.youth for c in response.context["requests_to_me"]] == [lisa]
    assert "Lisa de Boer" in response.content.decode()


def test_the_home_page_query_count_does_not_grow_with_the_number_of_youths(
    client_for: ClientFor, cast: Cast
) -> None:
    client = client_for(cast.worker_a)
    make_youth(cast.worker_a, teams=[cast.team_a1])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    for number in range(5):
        make_youth(cast.worker_a, teams=[cast.team_a1], given_names=f"Kind{number}")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("home"))
    assert len(many) == len(few)
