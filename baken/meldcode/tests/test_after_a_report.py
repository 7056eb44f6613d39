"""The meldcode after a report: Veilig Thuis's feedback does not close the trajectory; the
institution records what it still does and when it evaluates, and closes only by a decision with
its reason; a report to the police is recorded beside the report to Veilig Thuis, never instead
of it; the page says that trafficking of a minor in every form falls under the meldcode."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.meldcode import services
from baken.meldcode.models import FollowUp, Status, Trajectory
from baken.meldcode.tests.test_trajectory import (
    HELP_FRAMEWORK,
    REPORT_FRAMEWORK,
    report_details,
    through_step_4,
)
from baken.testing import Cast

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def today() -> Any:
    with time_machine.travel(TODAY, tick=False) as clock:
        yield clock


@pytest.fixture
def youth(cast: Cast) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1])


def reported(youth: Youth, by: User) -> Trajectory:
    trajectory = through_step_4(youth, by)
    services.decide(
        trajectory=trajectory,
        by=by,
        request=None,
        done="Melden bij VT",
        framework=REPORT_FRAMEWORK,
        report=report_details(),
    )
    return trajectory


def test_the_meldcode_s_report_goes_to_veilig_thuis_not_to_the_police(
    cast: Cast, youth: Youth
) -> None:
    trajectory = through_step_4(youth, cast.worker_a)

    with pytest.raises(ValidationError) as refused:
        services.decide(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            done="Aangifte",
            framework=REPORT_FRAMEWORK,
            report=report_details(to="police"),
        )

    assert "to" in refused.value.message_dict
    trajectory.refresh_from_db()
    assert trajectory.status == Status.OPEN and not trajectory.reports.exists()


def test_a_report_to_the_police_is_recorded_beside_the_report_to_veilig_thuis(
    cast: Cast, youth: Youth
) -> None:
    trajectory = reported(youth, cast.worker_a)

    police = services.record_police_report(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        details=report_details(what="Informatie over de uitbuiter", reference="PL-2026-9"),
    )

    assert police.to == "police"
    assert sorted(trajectory.reports.values_list("to", flat=True)) == ["police", "veilig_thuis"]
    trajectory.refresh_from_db()
    assert trajectory.status == Status.REPORTED


def test_a_police_report_can_come_before_the_decision_but_never_replaces_it(
    cast: Cast, youth: Youth
) -> None:
    trajectory = through_step_4(youth, cast.worker_a)
    services.record_police_report(
        trajectory=trajectory, by=cast.worker_a, request=None, details=report_details()
    )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.OPEN and trajectory.next_step == 5


def test_feedback_does_not_close_the_trajectory_a_decision_with_a_reason_does(
    cast: Cast, youth: Youth, today: Any
) -> None:
    trajectory = reported(youth, cast.worker_a)
    report = trajectory.reports.get()
    services.record_feedback(
        report=report,
        by=cast.worker_a,
        request=None,
        feedback_on=TODAY,
        feedback="VT start onderzoek; wij blijven betrokken.",
    )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.REPORTED and trajectory.closed_at is None

    with pytest.raises(ValidationError):
        services.record_follow_up(
            trajectory=trajectory,
            by=cast.worker_a,
            request=None,
            help_offered="Traject bij LVB-hulpverlener",
            agreements="VT belt na het onderzoek",
            next_evaluation_on=TODAY,
        )
    follow_up = services.record_follow_up(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        help_offered="Traject bij LVB-hulpverlener; veiligheidsplan op de groep.",
        agreements="VT onderzoekt; wij melden nieuwe signalen direct.",
        next_evaluation_on=TODAY + timedelta(days=14),
    )
    assert FollowUp.objects.get() == follow_up
    trajectory.refresh_from_db()
    assert trajectory.review_on == TODAY + timedelta(days=14)
    youths = Youth.objects.filter(pk=youth.pk)
    assert list(services.reviews_due(youths)) == []
    today.move_to(TODAY + timedelta(days=14))
    assert list(services.reviews_due(youths)) == [trajectory]

    with pytest.raises(ValidationError) as unexplained:
        services.close_trajectory(trajectory=trajectory, by=cast.worker_a, request=None, reason="")
    assert "reason" in unexplained.value.message_dict
    services.close_trajectory(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        reason="VT heeft het overgenomen; de hulp loopt, geen signalen meer.",
    )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.CLOSED and "overgenomen" in (trajectory.closing_note or "")


def test_follow_up_and_close_belong_to_a_trajectory_after_a_report(
    cast: Cast, youth: Youth
) -> None:
    trajectory = through_step_4(youth, cast.worker_a)
    services.decide(
        trajectory=trajectory,
        by=cast.worker_a,
        request=None,
        done="Hulp",
        framework=HELP_FRAMEWORK,
        review_on=TODAY + timedelta(days=30),
    )
    with pytest.raises(ValidationError):
        services.close_trajectory(
            trajectory=trajectory, by=cast.worker_a, request=None, reason="Lang genoeg als reden."
        )


def test_the_trajectory_page_records_follow_up_and_says_every_form_falls_under_it(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    trajectory = reported(youth, cast.worker_a)
    client = client_for(cast.worker_a)
    page = client.get(reverse("meldcode:trajectory", args=[trajectory.pk])).content.decode()
    assert "in elke vorm kindermishandeling" in page and "arbeids" in page
    assert reverse("meldcode:follow_up", args=[trajectory.pk]) in page
    assert reverse("meldcode:police_report", args=[trajectory.pk]) in page

    client.post(
        reverse("meldcode:follow_up", args=[trajectory.pk]),
        {
            "help_offered": "Gesprekken met de mentor",
            "agreements": "VT koppelt na het onderzoek terug",
            "next_evaluation_on": (TODAY + timedelta(days=7)).isoformat(),
        },
    )
    client.post(reverse("meldcode:close", args=[trajectory.pk]), {"reason": "kort"})

    trajectory.refresh_from_db()
    assert trajectory.follow_ups.count() == 1 and trajectory.status == Status.REPORTED
