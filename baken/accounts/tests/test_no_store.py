"""Pages shown to a logged-in user, a youth's page above all, are never kept in a browser's or a
proxy's cache (a shared computer after log-out)."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.testing import make_youth
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def test_pages_and_exports_for_a_logged_in_user_are_not_stored(
    client_for: ClientFor, cast: Cast
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    worker = client_for(cast.worker_a)

    for response in [
        worker.get(reverse("cases:detail", args=[youth.pseudonym])),
        worker.get(reverse("cases:list")),
        worker.get(reverse("home")),
        client_for(cast.privacy_officer).get(
            reverse("audit:youth_overview"), {"youth_pseudonym": youth.pseudonym, "format": "csv"}
        ),
    ]:
        assert response.status_code == 200
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives


def test_the_public_log_in_page_is_left_alone(client: Client) -> None:
    response = client.get(reverse("accounts:login"))
    assert "no-store" not in response.get("Cache-Control", "")
