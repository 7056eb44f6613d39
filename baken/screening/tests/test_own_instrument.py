"""An organisation loads the instrument it already uses (a published signal list, with or without
weights) and screens with it; Baken's own instrument says on screen that it is not validated."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from baken.accounts.models import User
from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.screening import services
from baken.screening.instrument_file import check_instrument, read_instrument_file
from baken.screening.models import Instrument, Screening
from baken.screening.scoring import score_screening
from baken.testing import Cast

DATA = Path(__file__).resolve().parents[1] / "data"
CKM = DATA / "examples" / "ckm_fier_signalenlijst.json"
ClientFor = Callable[[User], Client]


def test_the_unweighted_ckm_signal_list_loads_and_counts_signals_across_its_groups() -> None:
    definition = read_instrument_file(CKM)
    assert definition["validation"]["status"] == "practice_list"
    assert len({section["code"] for section in definition["sections"]}) == 3
    answers = {"ckm-gedrag-1": "yes", "ckm-school-6": "yes", "ckm-sociaal-2": "no"}
    result = score_screening(definition, answers)
    trafficking = result.forms["mensenhandel"]  # one form, scored over all three groups
    assert (trafficking.score, trafficking.questions, trafficking.unknown) == (2, 31, 28)
    # The list has no cut-offs: the score reaches "some concern", never "elevated" on its own.
    assert result.overall == "some"
    many = {f"ckm-gedrag-{n}": "yes" for n in range(1, 13)}
    assert score_screening(definition, many).overall == "some"


def test_a_weighted_list_with_cut_offs_uses_them() -> None:
    definition = read_instrument_file(CKM)
    definition["bands"] = {"some": 1, "elevated": 3}
    definition["sections"][0]["questions"][0]["weight"] = 3
    assert score_screening(definition, {"ckm-gedrag-1": "yes"}).overall == "elevated"


def test_every_problem_in_an_instrument_file_is_named() -> None:
    definition = json.loads(CKM.read_text(encoding="utf-8"))
    del definition["validation"]
    definition["bands"] = {"elevated": 3, "some": 4}
    definition["sections"][1]["questions"][0]["weight"] = 0
    definition["sections"][2]["questions"][0]["code"] = "ckm-gedrag-1"
    definition["version"] = "a-version-label-that-is-too-long"
    problems = " | ".join(check_instrument(definition))
    assert "at most 20 characters" in problems
    assert "'validation' must say its 'status'" in problems
    assert "rising with the level" in problems
    assert "'weight' must be a whole number" in problems
    assert "question codes must be distinct" in problems


@pytest.mark.django_db
def test_load_instrument_adds_it_once_and_refuses_a_broken_file(tmp_path: Path) -> None:
    call_command("load_instrument", str(CKM))
    instrument = Instrument.objects.get(version="ckm-voorbeeld-1")
    assert instrument.validation_status == "practice_list"
    with pytest.raises(CommandError, match="already loaded"):
        call_command("load_instrument", str(CKM))
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": "x"}', encoding="utf-8")
    with pytest.raises(CommandError, match="name_nl"):
        call_command("load_instrument", str(broken))


@pytest.mark.django_db
def test_bakens_own_instrument_is_labelled_unvalidated_and_a_loaded_list_as_a_practice_list(
    client_for: ClientFor, cast: Cast
) -> None:
    youth: Youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    client = client_for(cast.worker_a)
    client.post(reverse("screening:start", args=[youth.pseudonym]), {"reason": "intake"})
    own = Screening.objects.get()
    page = client.get(reverse("screening:fill", args=[own.pk])).content.decode()
    assert "is niet gevalideerd" in page and "eigen instrument van Baken" in page
    services.save_answers(screening=own, by=cast.worker_a, request=None, answers={}, complete=True)

    call_command("load_instrument", str(CKM))
    services.set_policy(
        organisation=youth.organisation,
        by=cast.officer_a,
        request=None,
        instrument=Instrument.objects.get(version="ckm-voorbeeld-1"),
        interval_days=91,
    )
    screening = services.start_screening(
        youth=youth, by=cast.worker_a, request=None, reason="event"
    )
    services.save_answers(
        screening=screening,
        by=cast.worker_a,
        request=None,
        answers={"ckm-gedrag-1": "yes", "ckm-school-8": "yes"},
        complete=True,
    )
    result = client.get(reverse("screening:detail", args=[screening.pk])).content.decode()
    assert "signalenlijst uit de praktijk" in result
    assert "Mensenhandel (de lijst onderscheidt geen vormen)" in result
    assert "Gespannen of angstig" in result
