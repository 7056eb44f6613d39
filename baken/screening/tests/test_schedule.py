"""When screenings are due: intake, every few months, and after events; with time frozen."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.screening import services
from baken.screening.schedule import Trigger, next_screening
from baken.signalling.services import record_signal
from baken.testing import Cast

ClientFor = Callable[[User], Client]
START = date(2026, 1, 5)  # make_youth's start of care


def test_intake_screening_is_due_two_weeks_after_care_starts() -> None:
    due = next_screening(
        care_start=START,
        last_screening_on=None,
        interval_days=91,
        triggers=[],
        today=date(2026, 1, 10),
    )
    assert (due.due_on, due.reason, due.overdue, due.soon) == (
        date(2026, 1, 19),
        "intake",
        False,
        True,
    )


def test_periodic_screening_follows_the_interval() -> None:
    due = next_screening(
        care_start=START,
        last_screening_on=date(2026, 2, 1),
        interval_days=91,
        triggers=[],
        today=date(2026, 6, 1),
    )
    assert (due.due_on, due.reason, due.overdue) == (date(2026, 5, 3), "periodic", True)


def test_an_event_after_the_last_screening_brings_it_forward() -> None:
    due = next_screening(
        care_start=START,
        last_screening_on=date(2026, 2, 1),
        interval_days=91,
        triggers=[
            Trigger(date(2026, 1, 20), "missing_return"),
            Trigger(date(2026, 3, 2), "placement_change"),
        ],
        today=date(2026, 3, 3),
    )
    assert (due.due_on, due.reason) == (date(2026, 3, 9), "placement_change")


@pytest.mark.django_db
def test_schedule_from_the_database_with_frozen_time(cast: Cast) -> None:
    with time_machine.travel(date(2026, 1, 5), tick=False) as clock:
        youth = make_youth(cast.worker_a, teams=[cast.team_a1])
        services.set_policy(
            organisation=cast.institution_a,
            by=cast.officer_a,
            request=None,
            instrument=services.policy_for(cast.institution_a).instrument,
            interval_days=30,
        )

        def due() -> tuple[date, str, bool]:
            (item,) = services.screening_schedule(Youth.objects.filter(pk=youth.pk))
            return item.due.due_on, item.due.reason, item.due.overdue

        assert due() == (date(2026, 1, 19), "intake", False)
        clock.move_to(date(2026, 1, 25))
        assert due() == (date(2026, 1, 19), "intake", True)

        screening = services.start_screening(
            youth=youth, by=cast.worker_a, request=None, reason="intake"
        )
        services.save_answers(
            screening=screening, by=cast.worker_a, request=None, answers={}, complete=True
        )
        assert due() == (date(2026, 2, 24), "periodic", False)

        clock.move_to(date(2026, 2, 1))
        services.record_event(
            youth=youth,
            by=cast.worker_a,
            request=None,
            kind="missing_return",
            occurred_on=date(2026, 1, 31),
            note="",
        )
        assert due() == (date(2026, 2, 7), "missing_return", False)

        record_signal(
            youth=youth,
            by=cast.worker_a,
            request=None,
            observed_on=date(2026, 1, 30),
            context="outside",
            source="seen",
            concern="high",
            indicators=[],
            note="zorg",
        )
        assert due() == (date(2026, 2, 6), "high_concern", False)


@pytest.mark.django_db
def test_due_list_shows_a_workers_own_youths(client_for: ClientFor, cast: Cast) -> None:
    mine = make_youth(cast.worker_a, teams=[cast.team_a1])
    other = make_youth(cast.officer_a, teams=[cast.team_a2], given_names="Kim")
    with time_machine.travel(START + timedelta(days=20), tick=False):
        response = client_for(cast.worker_a).get(reverse("screening:due"))
    youths = [item.youth for item in response.context["due"]]
    assert youths == [mine]
    assert other not in youths
