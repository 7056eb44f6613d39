"""The dashboard shows averages over groups only: every figure about a group of staff smaller
than MIN_GROUP_SIZE says "too few people" on the page, in its charts and in the CSV, so a group
of one never shows that worker's own score."""

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import Role, User
from baken.insight.figures import MIN_GROUP_SIZE, TOO_FEW, Period, dashboard
from baken.learning.models import Moment, SelfAssessment
from baken.testing import Cast, make_user

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
QUERY = {"start": "2026-01-01", "end": "2026-12-31"}
TOO_FEW_TEXT = "te weinig mensen (&lt; 5)"


def rated(user: User, recognising: int, acting: int) -> None:
    SelfAssessment.objects.create(
        user=user,
        module="meldcode",
        moment=Moment.AFTER,
        recognising=recognising,
        acting=acting,
        recorded_at=datetime(2026, 6, 15, 12, tzinfo=UTC),
    )


def test_the_minimum_is_five() -> None:
    assert MIN_GROUP_SIZE == 5


def test_one_untrained_workers_score_is_not_shown_as_the_groups_average(
    cast: Cast, client_for: ClientFor
) -> None:
    rated(cast.worker_a, 9, 2)  # the only one who rated: the "untrained average" would be 9 and 2
    manager = make_user("manager_a", cast.institution_a, [Role.MANAGER])
    client = client_for(manager)

    page = client.get(reverse("insight:dashboard"), QUERY).content.decode()
    export = client.get(reverse("insight:export"), QUERY).content.decode("utf-8-sig")

    rows = {row[1]: row[2] for row in csv.reader(io.StringIO(export)) if len(row) == 3}
    for figure in (
        "Signalen herkennen, niet-getrainde medewerkers (0-10)",
        "Handelen op signalen, niet-getrainde medewerkers (0-10)",
        "Getraind (alle verplichte modules actueel)",
        "Signalen per niet-getrainde medewerker",
    ):
        assert rows[figure] == "te weinig mensen (< 5)", figure
    assert "9,0" not in page and "2,0" not in page
    assert "9,0" not in export and "2,0" not in export
    assert page.count(TOO_FEW_TEXT) >= 8
    assert 'aria-label="Zelfbeoordeling (laatste score, 0-10)"' not in page  # no bar drawn


def test_a_group_of_five_shows_its_average(cast: Cast) -> None:
    workers = [cast.worker_a, cast.worker_a2, cast.officer_a]
    workers += [
        make_user(f"worker_{n}", cast.institution_a, [Role.YOUTH_WORKER], [cast.team_a1])
        for n in range(2)
    ]
    for score, worker in enumerate(workers, start=4):
        rated(worker, score, score)

    board = dashboard(cast.institution_a, YEAR)

    assert board.rating_untrained.rated == 5
    assert board.rating_untrained.shown_recognising == 6.0
    assert board.shown_trained == 0
    board_of_four = dashboard(cast.institution_b, YEAR)
    assert board_of_four.shown_trained is TOO_FEW
