"""During a registry outage a registration shows more than "In de wachtrij": its attempts, the
last error in plain words and the next try, on the youth's page and the registration list; the
designated officer hears (home page and daily digest) of a registration that has waited more than
a working day, weekends not counted."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from baken.accounts.models import User
from baken.cases.testing import make_youth
from baken.home.reminders import send_digests
from baken.registration.deadlines import waited_longer_than_a_working_day, working_time_between
from baken.registration.delivery import Reply, deliver_due, registrations_waiting_too_long
from baken.registration.delivery_errors import explain_delivery_error
from baken.registration.models import OutboundRegistration
from baken.registration.testing import add_parents, open_task, register_with_consent
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FRIDAY_2PM = datetime(2026, 11, 27, 14, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def pseudonym_key(settings: Any) -> None:
    settings.BAKEN_PSEUDONYM_KEY = "the-key-shared-by-registering-organisations-42"


def refused(key: str, body: dict[str, Any]) -> Reply:
    raise ConnectionRefusedError(111, "Connection refused")


def registered(cast: Cast) -> OutboundRegistration:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1], born="2008-02-01")
    add_parents(youth, cast.worker_a)
    disclosure = register_with_consent(open_task(youth), cast.officer_a)
    assert disclosure.registration is not None
    return disclosure.registration


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("network: URLError: <urlopen error [Errno 111] Connection refused>", "niet bereikbaar"),
        ("network: TimeoutError: timed out", "niet bereikbaar"),
        ("network: ConnectionRefusedError: [Errno 111] Connection refused", "niet bereikbaar"),
        ("HTTP 503", "gaf een storing"),
        ("HTTP 500: detail: Internal Server Error", "gaf een storing"),
        ("HTTP 429", "te druk"),
        ("network: RemoteDisconnected: Remote end closed connection", "onderbroken"),
        ("network: TransientDeliveryError: the reply is not JSON: b'<html>'", "niet verwachtte"),
        ("network: something nobody foresaw", "Het versturen is niet gelukt"),
        ("date_of_birth: Geboortedatum ligt in de toekomst", "Geboortedatum ligt in de toekomst"),
    ],
)
def test_technical_errors_are_shown_in_plain_dutch(stored: str, shown: str) -> None:
    assert shown in explain_delivery_error(stored)


def test_the_youths_page_shows_attempts_last_error_and_next_try(
    client_for: ClientFor, cast: Cast
) -> None:
    outbound = registered(cast)
    now = timezone.now()
    deliver_due(transport=refused, now=now)
    deliver_due(transport=refused, now=now + timedelta(hours=2))
    outbound.refresh_from_db()
    assert outbound.attempts == 2 and "refused" in outbound.last_error.lower()

    client = client_for(cast.officer_a)
    youth_page = client.get(reverse("home:youth", args=[outbound.youth.pseudonym]))
    task_list = client.get(reverse("registration:tasks"))

    for page in (youth_page.content.decode(), task_list.content.decode()):
        assert "2 pogingen" in page
        assert "Het registratiecentrum was niet bereikbaar" in page
        assert "Errno" not in page and "Connection refused" not in page
        next_try = date_format(
            timezone.localtime(outbound.next_attempt_at), "SHORT_DATETIME_FORMAT"
        )
        assert f"volgende poging: {next_try}" in page


@pytest.mark.parametrize(
    ("since", "now", "late"),
    [
        (FRIDAY_2PM, datetime(2026, 11, 30, 13, 59, tzinfo=AMSTERDAM), False),  # Mon 13:59
        (FRIDAY_2PM, datetime(2026, 11, 30, 14, 1, tzinfo=AMSTERDAM), True),  # Mon 14:01
        (FRIDAY_2PM, datetime(2026, 11, 29, 23, 0, tzinfo=AMSTERDAM), False),  # Sunday
        (
            datetime(2026, 11, 28, 10, tzinfo=AMSTERDAM),
            datetime(2026, 11, 30, 23, 59, tzinfo=AMSTERDAM),
            False,
        ),
        (
            datetime(2026, 11, 28, 10, tzinfo=AMSTERDAM),
            datetime(2026, 12, 1, 0, 1, tzinfo=AMSTERDAM),
            True,
        ),
        (
            datetime(2026, 12, 1, 9, tzinfo=AMSTERDAM),
            datetime(2026, 12, 2, 9, 1, tzinfo=AMSTERDAM),
            True,
        ),
    ],
)
def test_a_working_day_does_not_count_the_weekend(
    since: datetime, now: datetime, late: bool
) -> None:
    assert waited_longer_than_a_working_day(since, now) is late


def test_working_time_counts_weekdays_only() -> None:
    monday = datetime(2026, 11, 30, 0, 0, tzinfo=AMSTERDAM)
    assert working_time_between(FRIDAY_2PM, monday) == timedelta(hours=10)


def test_the_officer_is_told_on_the_home_page_and_in_the_digest(
    client_for: ClientFor, cast: Cast
) -> None:
    with time_machine.travel(FRIDAY_2PM, tick=False) as clock:
        outbound = registered(cast)
        deliver_due(transport=refused, now=timezone.now())
        clock.move_to(datetime(2026, 11, 30, 13, 0, tzinfo=AMSTERDAM))  # Monday, not yet late
        assert registrations_waiting_too_long(outbound.youth.organisation.youths.all()) == []
        clock.move_to(datetime(2026, 11, 30, 15, 0, tzinfo=AMSTERDAM))

        officer_home = client_for(cast.officer_a).get(reverse("home")).content.decode()
        worker_home = client_for(cast.worker_a).get(reverse("home")).content.decode()
        outcome = send_digests(today=timezone.localdate(), base_url="https://baken.example")

    assert "meer dan een werkdag" in officer_home
    assert outbound.youth.full_name in officer_home
    assert "Het registratiecentrum was niet bereikbaar" in officer_home
    assert "meer dan een werkdag" not in worker_home
    assert outcome.sent >= 1
    officer_mail = next(m for m in mail.outbox if cast.officer_a.email in m.to)
    assert outbound.youth.pseudonym in officer_mail.body
    assert "Het registratiecentrum was niet bereikbaar" in officer_mail.body
    assert outbound.youth.full_name not in officer_mail.body  # no names by e-mail
    assert not any(
        outbound.youth.pseudonym in m.body and "registratie" in m.body.lower()
        for m in mail.outbox
        if cast.worker_a.email in m.to
    )
