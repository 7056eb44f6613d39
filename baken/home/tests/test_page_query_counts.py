"""Each main page costs the same number of queries with a little data and with more: youths,
signals, daily reports, screenings, consultations and meldcode trajectories. An N+1 (a query per
row) fails here. Speed itself is measured in bench/institution_load.py, not in tests."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import Role, Team, User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.meldcode.services import start_trajectory
from baken.screening.services import save_answers, start_screening
from baken.signalling.models import Indicator, IndicatorKind
from baken.signalling.services import record_signal, request_consultation, write_daily_report
from baken.testing import Cast, log_in_verified, make_user

pytestmark = pytest.mark.django_db

# (role, URL name, whether the URL takes the first youth's pseudonym)
PAGES = [
    ("worker", "home", False),
    ("worker", "cases:list", False),
    ("worker", "cases:detail", True),
    ("worker", "signalling:record", True),
    ("worker", "screening:due", False),
    ("worker", "screening:history", True),
    ("worker", "partners:youth", True),
    ("worker", "learning:list", False),
    ("officer", "home", False),
    ("officer", "signalling:overview", False),
    ("officer", "cases:list", False),
    ("officer", "cases:detail", True),
    ("officer", "screening:due", False),
    ("officer", "meldcode:overview", False),
    ("officer", "registration:tasks", False),
    ("manager", "home", False),
    ("manager", "insight:dashboard", False),
    ("privacy", "audit:log", False),
]


def add_signals(youth: Youth, worker: User, count: int) -> None:
    indicators = list(
        Indicator.objects.filter(catalogue__is_current=True, kind=IndicatorKind.SIGNAL)[:3]
    )
    for number in range(count):
        record_signal(
            youth=youth,
            by=worker,
            request=None,
            observed_on=timezone.localdate() - timedelta(days=5 + 20 * number),
            context="living_group",
            source="seen",
            concern="high" if number == 0 else "medium",
            indicators=indicators[: number % 3],
            note="Nieuwe telefoon en kleding.",
        )


def add_case(worker: User, officer: User, team: Team, name: str) -> Youth:
    """A youth with what a busy case file has: signals, a daily report, a completed screening,
    a consultation request and a meldcode trajectory."""
    youth = make_youth(worker, teams=[team], given_names=name)
    add_signals(youth, worker, 3)
    write_daily_report(
        youth=youth,
        by=worker,
        request=None,
        report_date=timezone.localdate(),
        text="Rustige dag.",
        safety_note="",
        suspicion=False,
    )
    screening = start_screening(youth=youth, by=worker, request=None, reason="intake")
    answers = {
        question["code"]: "no"
        for section in screening.instrument.sections()
        for question in section["questions"]
    }
    save_answers(screening=screening, by=worker, request=None, answers=answers, complete=True)
    request_consultation(
        youth=youth, by=worker, request=None, addressed_to=officer, question="Zorgen?"
    )
    start_trajectory(youth=youth, by=worker, request=None)
    return youth


@pytest.fixture
def users(cast: Cast) -> dict[str, User]:
    return {
        "worker": cast.worker_a,
        "officer": cast.officer_a,
        "manager": make_user("manager_a", cast.institution_a, [Role.MANAGER]),
        "privacy": cast.privacy_officer,
    }


@pytest.mark.parametrize(("role", "url_name", "for_youth"), PAGES)
def test_a_page_costs_the_same_queries_with_more_data(
    client: Client,
    cast: Cast,
    users: dict[str, User],
    role: str,
    url_name: str,
    for_youth: bool,
) -> None:
    first = add_case(cast.worker_a, cast.officer_a, cast.team_a1, "Eerste")
    url = reverse(url_name, args=[first.pseudonym] if for_youth else [])
    log_in_verified(client, users[role])
    get: Callable[[], int] = lambda: client.get(url).status_code  # noqa: E731
    assert get() == 200  # warm-up
    with CaptureQueriesContext(connection) as small:
        get()

    add_signals(first, cast.worker_a, 4)
    for number in range(4):
        add_case(cast.worker_a, cast.officer_a, cast.team_a1, f"Kind{number}")
    with CaptureQueriesContext(connection) as large:
        assert get() == 200

    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
