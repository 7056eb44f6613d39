"""When screenings are due: intake, every few months, and after events; with time frozen."""

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.services import open_case_file
from baken.cases.testing import make_youth
from baken.screening import services
from baken.screening.models import Screening, ScreeningEvent
from baken.screening.schedule import Trigger, next_screening
from baken.signalling.models import Signal
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


AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _screen(youth: Youth, worker: User, moment: datetime) -> None:
    with time_machine.travel(moment, tick=False):
        screening = services.start_screening(youth=youth, by=worker, request=None, reason="other")
        services.save_answers(
            screening=screening, by=worker, request=None, answers={}, complete=True
        )


@pytest.mark.django_db
def test_the_database_computes_the_due_date_the_rule_gives(cast: Cast) -> None:
    """Lists are filtered, ordered, counted and paginated on the due date the database computes
    (`with_screening_due`); each row's date and reason come from `next_screening`. Both must
    agree, for youths with and without screenings, events and signals of high concern, and for
    screenings just after local midnight (the day before in UTC)."""
    rng = random.Random(16)  # noqa: S311 - test data, not secrets
    worker = cast.worker_a
    today = date(2026, 6, 1)
    services.set_policy(
        organisation=cast.institution_a,
        by=cast.officer_a,
        request=None,
        instrument=services.policy_for(cast.institution_a).instrument,
        interval_days=30,
    )
    youths = []
    for number in range(24):
        care_start = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 60))
        with time_machine.travel(care_start, tick=False):
            youth = open_case_file(
                by=worker,
                request=None,
                given_names=f"Kind{number}",
                family_name="Test",
                date_of_birth=date(2010, 1, 1),
                sex="female",
                care_form="residential",
                care_start=care_start,
                teams=[cast.team_a1],
            )
        youths.append(youth)
        screened_on = []
        for _screening in range(rng.choice([0, 0, 1, 2])):
            day = care_start + timedelta(days=rng.randrange(0, 60))
            at = rng.choice([time(0, 30), time(12, 0), time(23, 45)])
            _screen(youth, worker, datetime.combine(day, at, tzinfo=AMSTERDAM))
            screened_on.append(day)
        with time_machine.travel(today, tick=False):
            for _event in range(rng.choice([0, 1, 2])):
                # some on the very day of a screening: not after it, so no trigger
                day = rng.choice([*screened_on, care_start + timedelta(days=rng.randrange(0, 80))])
                services.record_event(
                    youth=youth,
                    by=worker,
                    request=None,
                    kind=rng.choice(["missing_return", "placement_change"]),
                    occurred_on=day,
                    note="",
                )
            for _signal in range(rng.choice([0, 1, 3])):
                record_signal(
                    youth=youth,
                    by=worker,
                    request=None,
                    observed_on=rng.choice(
                        [*screened_on, care_start + timedelta(days=rng.randrange(0, 80))]
                    ),
                    context="outside",
                    source="seen",
                    concern=rng.choice(["high", "medium"]),
                    indicators=[],
                    note="zorg",
                )
    ended = youths[0]
    ended.care_end = date(2026, 5, 1)
    ended.save(update_fields=["care_end"])

    everyone = Youth.objects.filter(pk__in=[y.pk for y in youths])
    with time_machine.travel(today, tick=False):
        in_database = dict(
            services.with_screening_due(everyone).values_list("pk", "screening_due_on")
        )
        by_rule = {
            item.youth.pk: item.due
            for item in services.screening_schedule(list(everyone.order_by("pk")))
        }
        listed = [y.pk for y in services.screenings_due(everyone)]
        counts = services.count_screenings_due(everyone)
        one_by_one = {
            youth.pk: services.next_screening_of(
                youth,
                screenings=list(Screening.objects.filter(youth=youth)),
                signals=list(Signal.objects.filter(youth=youth)),
                events=ScreeningEvent.objects.filter(youth=youth)
                .order_by("occurred_on", "pk")
                .values_list("kind", "occurred_on"),
                interval_days=30,
            )
            for youth in everyone
        }

    # the youth's page computes it from the screenings and signals it has read: the same
    assert one_by_one == {youth.pk: by_rule.get(youth.pk) for youth in youths}

    assert ended.pk not in in_database and ended.pk not in by_rule
    assert in_database == {pk: due.due_on for pk, due in by_rule.items()}
    assert {due.reason for due in by_rule.values()} >= {"intake", "periodic", "high_concern"}
    soon_or_overdue = sorted(
        (pk for pk, due in by_rule.items() if due.overdue or due.soon),
        key=lambda pk: (by_rule[pk].due_on, everyone.get(pk=pk).pseudonym),
    )
    assert listed == soon_or_overdue
    assert counts.overdue == sum(due.overdue for due in by_rule.values())
    assert counts.soon == sum(due.soon and not due.overdue for due in by_rule.values())
