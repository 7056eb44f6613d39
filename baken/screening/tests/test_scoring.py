"""Scoring, without Django, on the shipped instrument."""

import json
from pathlib import Path
from typing import Any

import pytest

from baken.screening.scoring import NOT_ASSESSED, needs_next_step, score_screening

INSTRUMENT: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "instrument_2026_1.json").read_text("utf-8")
)
ALL_CODES = [q["code"] for s in INSTRUMENT["sections"] for q in s["questions"]]


def answers(yes: tuple[str, ...] = (), no_rest: bool = True) -> dict[str, str]:
    base = dict.fromkeys(ALL_CODES, "no" if no_rest else "unknown")
    return base | dict.fromkeys(yes, "yes")


def test_all_no_is_no_concern_for_every_form() -> None:
    result = score_screening(INSTRUMENT, answers())
    assert result.overall == "none"
    assert {r.level for r in result.forms.values()} == {"none"}
    assert not needs_next_step(result.overall)


def test_all_unknown_is_not_assessed_rather_than_no_concern() -> None:
    result = score_screening(INSTRUMENT, {})
    assert result.overall == NOT_ASSESSED
    assert {r.level for r in result.forms.values()} == {NOT_ASSESSED}
    assert result.unknown == result.questions == len(ALL_CODES)


@pytest.mark.parametrize(
    ("yes", "form", "level"),
    [
        (("sd-older-partner",), "sexual-domestic", "some"),
        (("sd-older-partner", "sd-picked-up"), "sexual-domestic", "elevated"),
        (("sd-older-partner", "sd-picked-up", "sd-images"), "sexual-domestic", "high"),
        (("sd-paid-sex",), "sexual-domestic", "high"),  # floor: always high
        (("sx-travel-debt", "sx-ritual"), "sexual-cross-border", "elevated"),
        (("lb-pay", "lb-debt", "lb-housing"), "labour", "high"),
        (("lb-begging",), "labour", "elevated"),  # floor
        (("cr-drugs", "cr-bank"), "criminal", "elevated"),
        (("cr-contracts",), "criminal", "some"),
        (("fi-sextortion",), "financial", "elevated"),
        (("fi-fraud", "fi-extortion", "fi-debts"), "financial", "high"),
        (("or-surgery",), "organ-removal", "high"),
        (("fm-pressure",), "forced-marriage", "elevated"),
        (("su-pressure",), "surrogacy", "elevated"),
        (("ad-offer",), "illegal-adoption", "elevated"),
    ],
)
def test_each_form_is_scored_on_its_own_questions(
    yes: tuple[str, ...], form: str, level: str
) -> None:
    result = score_screening(INSTRUMENT, answers(yes))
    assert result.forms[form].level == level
    assert {r.question for r in result.forms[form].reasons} == set(yes)
    others = {code: r.level for code, r in result.forms.items() if code != form}
    assert set(others.values()) == {"none"}
    assert result.overall == level


def test_risk_factors_raise_a_form_only_once_it_shows_concern() -> None:
    only_risk = score_screening(INSTRUMENT, answers(("rf-lvb", "rf-earlier")))
    with_signal = score_screening(INSTRUMENT, answers(("rf-lvb", "rf-earlier", "cr-contracts")))

    assert only_risk.overall == "none"
    assert with_signal.forms["criminal"].score == 2 + 2 + 2  # contracts, disability, earlier
    assert with_signal.forms["criminal"].level == "elevated"
    assert without_risk_level(("cr-contracts",)) == "some"


def without_risk_level(yes: tuple[str, ...]) -> str:
    return score_screening(INSTRUMENT, answers(yes)).forms["criminal"].level


def test_protective_factors_lower_but_never_erase_a_sign() -> None:
    result = score_screening(
        INSTRUMENT,
        answers(("cr-contracts", "pf-trusted-adult", "pf-school", "pf-network", "pf-insight")),
    )
    assert result.forms["criminal"].score == 1
    assert result.forms["criminal"].level == "some"
    assert [m.weight for m in result.modifiers] == [-1, -1, -1, -1]


def test_a_floor_holds_against_protective_factors() -> None:
    result = score_screening(
        INSTRUMENT, answers(("sd-paid-sex", "pf-trusted-adult", "pf-school", "pf-network"))
    )
    assert result.forms["sexual-domestic"].level == "high"


def test_general_signals_without_a_form_give_some_concern_overall() -> None:
    result = score_screening(INSTRUMENT, answers(("ge-money", "ge-missing")))
    assert result.overall == "some"
    assert {r.level for r in result.forms.values()} == {"none"}


def test_a_no_against_the_signal_log_is_reported_as_a_conflict() -> None:
    result = score_screening(
        INSTRUMENT,
        answers(("sd-older-partner",)),
        recorded_indicators=frozenset({"c-bank-card-lent", "s-older-boyfriend"}),
    )
    assert result.conflicts == ["cr-bank"]


def test_conflicting_answers_across_forms_take_the_highest_level_overall() -> None:
    result = score_screening(INSTRUMENT, answers(("cr-contracts", "sd-paid-sex", "pf-school")))
    assert result.forms["criminal"].level == "some"
    assert result.forms["sexual-domestic"].level == "high"
    assert result.overall == "high"
    assert needs_next_step(result.overall)


def test_partly_unknown_forms_are_assessed_on_what_is_known() -> None:
    partial = {"cr-drugs": "yes", "cr-bank": "yes"}
    result = score_screening(INSTRUMENT, partial)
    assert result.forms["criminal"].level == "elevated"
    assert result.forms["criminal"].unknown == 3
    assert result.forms["labour"].level == NOT_ASSESSED
    assert result.overall == "elevated"


def test_bad_answers_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown question 'nonsense'"):
        score_screening(INSTRUMENT, {"nonsense": "yes"})
    with pytest.raises(ValueError, match="must be one of"):
        score_screening(INSTRUMENT, {"cr-drugs": "maybe"})
