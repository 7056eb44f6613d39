"""Each main page costs the same number of queries with a little data and with more: youths,
signals, daily reports, screenings, consultations and meldcode trajectories. An N+1 (a query per
row) fails here. Pages are made two rows long, so with more data every list runs over more than
one page, and the count and the slice the paginator asks for are part of what is counted. Speed
itself is measured in bench/institution_load.py, not in tests."""

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
from baken.cases.services import break_the_glass
from baken.cases.testing import make_youth
from baken.home import views as home_views
from baken.lib import pagination
from baken.meldcode.services import start_trajectory
from baken.partners.models import Partner, PartnerKind
from baken.partners.services import save_partner
from baken.screening.services import save_answers, start_screening
from baken.signalling.models import Indicator, IndicatorKind
from baken.signalling.services import record_signal, request_consultation, write_daily_report
from baken.testing import Cast, log_in_verified, make_user

pytestmark = pytest.mark.django_db

# (role, URL name, whether the URL takes the first youth's pseudonym)
PAGES = [
    ("worker", "home", False),
    ("worker", "cases:list", False),
    ("worker", "home:youth", True),
    ("worker", "signalling:record", True),
    ("worker", "screening:due", False),
    ("worker", "screening:history", True),
    ("worker", "partners:youth", True),
    ("worker", "learning:list", False),
    ("officer", "home", False),
    ("officer", "signalling:overview", False),
    ("officer", "cases:list", False),
    ("officer", "home:youth", True),
    ("officer", "screening:due", False),
    ("officer", "meldcode:overview", False),
    ("officer", "registration:tasks", False),
    ("manager", "home", False),
    ("manager", "insight:dashboard", False),
    ("privacy", "audit:log", False),
    ("privacy", "cases:emergency_review_list", False),
    ("admin", "accounts:user_list", False),
    ("admin", "accounts:team_list", False),
    ("worker", "partners:directory", False),
]

# At most this many queries (with one busy case file), for pages whose queries were cut: a
# youth's file reads each kind of record once and skips the kinds the youth has none of
# (it was 35 and 34), the signal form reads its indicators once (15). A ceiling, so a cheaper
# fixed cost of every page (session, user, roles, audit entry) does not break it.
QUERY_CEILINGS = {
    ("worker", "home:youth"): 21,
    ("officer", "home:youth"): 21,
    ("worker", "signalling:record"): 13,
    ("worker", "screening:history"): 12,
    ("worker", "partners:youth"): 10,
}


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


def add_case(cast: Cast, name: str) -> Youth:
    """A youth with what a busy case file has: signals, a daily report, a completed screening,
    a consultation request and a meldcode trajectory; an emergency access to it from another
    team; and for the organisation's own lists, a colleague, a team and a directory entry."""
    worker, officer, team = cast.worker_a, cast.officer_a, cast.team_a1
    youth = make_youth(worker, teams=[team], given_names=name)
    break_the_glass(
        youth=youth, by=cast.worker_a2, request=None, reason="Crisis in de nacht, geen team."
    )
    make_user(f"colleague_{name.lower()}", cast.institution_a, [Role.YOUTH_WORKER])
    Team.objects.create(organisation=cast.institution_a, name=f"Team {name}")
    save_partner(
        partner=Partner(kind=PartnerKind.POLICE, name=f"Politie {name}"),
        by=cast.admin_a,
        request=None,
    )
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
        "admin": cast.admin_a,
    }


@pytest.fixture(autouse=True)
def short_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagination, "PAGE_SIZE", 2)
    monkeypatch.setattr(home_views, "HOME_ROWS", 2)


@pytest.mark.parametrize(("role", "url_name", "for_youth"), PAGES)
def test_a_page_costs_the_same_queries_with_more_data(
    client: Client,
    cast: Cast,
    users: dict[str, User],
    role: str,
    url_name: str,
    for_youth: bool,
) -> None:
    first = add_case(cast, "Eerste")
    url = reverse(url_name, args=[first.pseudonym] if for_youth else [])
    log_in_verified(client, users[role])
    get: Callable[[], int] = lambda: client.get(url).status_code  # noqa: E731
    assert get() == 200  # warm-up
    with CaptureQueriesContext(connection) as small:
        get()

    add_signals(first, cast.worker_a, 4)
    for number in range(4):
        add_case(cast, f"Kind{number}")
    with CaptureQueriesContext(connection) as large:
        assert get() == 200

    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
    assert len(small) <= QUERY_CEILINGS.get((role, url_name), len(small))
