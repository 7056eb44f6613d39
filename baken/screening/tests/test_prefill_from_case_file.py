"""Risk factors already in the youth's case file (a mild intellectual disability, earlier missing
episodes) pre-mark the matching screening questions, marked "taken over from the case file" for
the worker to confirm; the worker can still change them."""

import re
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.models import RiskFactor, Youth
from baken.cases.testing import make_youth
from baken.screening import services
from baken.screening.instrument_file import check_instrument
from baken.screening.models import Instrument, Screening
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def youth(cast: Cast) -> Youth:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    youth.risk_factors.set(RiskFactor.objects.filter(code__in=["lvb", "debts"]))
    return youth


def test_risk_factors_in_the_file_pre_mark_their_questions(cast: Cast, youth: Youth) -> None:
    screening = services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="intake"
    )

    assert screening.answers == {"rf-lvb": "yes"}  # debts has no question in 2026.1
    assert screening.prefilled_from_file == {"rf-lvb": ["Licht verstandelijke beperking (LVB)"]}
    assert screening.prefilled == {}  # the signal log's own pre-marks stay apart


def test_a_return_after_a_missing_episode_pre_marks_earlier_missing_episodes(
    cast: Cast, youth: Youth
) -> None:
    services.record_event(
        youth=youth,
        by=cast.worker_a,
        request=None,
        kind="missing_return",
        occurred_on=date(2026, 3, 2),
        note="",
    )

    screening = services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="missing_return"
    )

    assert screening.answers["rf-missing"] == "yes"
    assert screening.prefilled_from_file["rf-missing"][0].startswith("2026-03-02")


def test_the_fill_page_marks_them_and_the_worker_can_change_them(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    client = client_for(cast.worker_a)
    client.post(reverse("screening:start", args=[youth.pseudonym]), {"reason": "intake"})
    screening = Screening.objects.get()
    url = reverse("screening:fill", args=[screening.pk])

    page = client.get(url).content.decode()

    assert "Overgenomen uit dossier" in page
    checked = re.findall(r'<input[^>]*name="rf-lvb"[^>]*value="(\w+)"[^>]*checked', page)
    assert checked == ["yes"]
    client.post(url, {"rf-lvb": "no", "save": "1"})
    screening.refresh_from_db()
    assert screening.answers["rf-lvb"] == "no"


def test_the_instrument_names_known_risk_factors_only() -> None:
    instrument = Instrument.objects.get(version="2026.1")
    named = {
        code
        for section in instrument.sections()
        for question in section["questions"]
        for code in question.get("risk_factors", [])
    }
    assert named and named <= set(RiskFactor.objects.values_list("code", flat=True))
    broken = dict(instrument.definition)
    broken["sections"][0]["questions"][0]["risk_factors"] = "lvb"
    assert any("'risk_factors' must be a list" in p for p in check_instrument(broken))
