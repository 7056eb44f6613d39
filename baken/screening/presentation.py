"""Turning a stored screening result into what the result page and the history show."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language

from baken.screening.models import Level, Screening
from baken.signalling.models import ExploitationForm

TREND_UP, TREND_DOWN, TREND_SAME = "up", "down", "same"
ORDER = ["none", "some", "elevated", "high"]


@dataclass(frozen=True)
class ReasonLine:
    question: str
    answer: str
    weight: int


@dataclass(frozen=True)
class FormLine:
    name: str
    level: str
    level_label: str
    score: int
    reasons: list[ReasonLine]
    unknown: int
    questions: int


def question_texts(screening: Screening) -> dict[str, str]:
    key = "text_en" if get_language() == "en" else "text_nl"
    return {q["code"]: q[key] for s in screening.instrument.sections() for q in s["questions"]}


def form_names() -> dict[str, str]:
    return {form.code: form.name for form in ExploitationForm.objects.all()}


def result_lines(screening: Screening) -> tuple[list[FormLine], list[ReasonLine], list[str]]:
    """Per form (most concern first): level and the answers that drove it; the risk, protective
    and general answers that modified it; the questions answered against the signal log."""
    result: dict[str, Any] = screening.result or {}
    texts = question_texts(screening)
    # A form the catalogue does not know (an instrument that does not tell forms apart) is named
    # by the instrument's own "forms" entry.
    key = "name_en" if get_language() == "en" else "name_nl"
    own = screening.instrument.definition.get("forms") or {}
    names = {code: str(item.get(key, code)) for code, item in own.items()} | form_names()
    labels = dict(Level.choices)
    forms = [
        FormLine(
            name=names.get(code, code),
            level=data["level"],
            level_label=str(labels[data["level"]]),
            score=data["score"],
            reasons=[
                ReasonLine(texts[r["question"]], r["answer"], r["weight"]) for r in data["reasons"]
            ],
            unknown=data["unknown"],
            questions=data["questions"],
        )
        for code, data in result.get("forms", {}).items()
    ]
    rank = {level: index for index, level in enumerate([*ORDER, "not_assessed"])}
    forms.sort(key=lambda line: (-rank[line.level] if line.level in ORDER else 1, line.name))
    modifiers = [
        ReasonLine(texts[r["question"]], r["answer"], r["weight"])
        for r in result.get("modifiers", [])
    ]
    conflicts = [texts[code] for code in result.get("conflicts", [])]
    return forms, modifiers, conflicts


def trend(previous: str | None, current: str) -> str:
    if previous not in ORDER or current not in ORDER:
        return TREND_SAME
    if ORDER.index(current) > ORDER.index(previous):
        return TREND_UP
    if ORDER.index(current) < ORDER.index(previous):
        return TREND_DOWN
    return TREND_SAME


@dataclass(frozen=True)
class HistoryRow:
    form: str
    cells: list[tuple[str, str]]  # (level, label) per screening, oldest first
    trend: str


def history_rows(screenings: list[Screening]) -> list[HistoryRow]:
    """A youth's completed screenings side by side, one row per form, with the latest trend."""
    names = form_names()
    labels = dict(Level.choices)
    codes = list(names)
    rows = []
    for code in codes:
        levels = [
            (s.result or {}).get("forms", {}).get(code, {}).get("level", "not_assessed")
            for s in screenings
        ]
        cells = [(level, str(labels.get(level, level))) for level in levels]
        latest_trend = trend(levels[-2], levels[-1]) if len(levels) >= 2 else TREND_SAME
        rows.append(HistoryRow(form=names[code], cells=cells, trend=latest_trend))
    return rows
