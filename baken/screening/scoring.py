"""Scoring a screening, free of Django: the instrument definition and the answers in, a result with
its reasons out.

Per form of exploitation the weights of the "yes" answers add up. Once a form shows any concern,
the "yes" weights of risk factors and general signals are added and those of protective factors
subtracted (but a form with signs never drops below "some"). A question may carry a floor: a "yes"
raises its form to at least that level. "Unknown" answers do not count; a form whose questions are
all unknown is "not assessed". The overall result is the highest form level; general signals with
no specific form give "some" concern overall.

So that published checklists fit as they are: a question without a weight counts 1; several
sections may score the same form together (a list grouped by behaviour, social contacts, school);
a form code need not be one of the catalogue's forms (a list that does not tell forms apart uses
one code for all its questions); and bands may leave levels out (a list without cut-offs sets
only "some"), a level without a band is then never reached by score."""

from dataclasses import dataclass, field
from typing import Any

YES, NO, UNKNOWN = "yes", "no", "unknown"
ANSWERS = (YES, NO, UNKNOWN)
LEVELS = ("none", "some", "elevated", "high")
NOT_ASSESSED = "not_assessed"


@dataclass(frozen=True)
class Reason:
    question: str
    answer: str
    weight: int
    section: str


@dataclass
class FormResult:
    form: str
    level: str
    score: int
    assessed: bool
    reasons: list[Reason] = field(default_factory=list)
    unknown: int = 0
    questions: int = 0


@dataclass
class ScreeningResult:
    overall: str
    forms: dict[str, FormResult]
    modifiers: list[Reason]
    conflicts: list[str]
    unknown: int
    questions: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "unknown": self.unknown,
            "questions": self.questions,
            "conflicts": self.conflicts,
            "modifiers": [vars(reason) for reason in self.modifiers],
            "forms": {
                code: {
                    "level": result.level,
                    "score": result.score,
                    "assessed": result.assessed,
                    "unknown": result.unknown,
                    "questions": result.questions,
                    "reasons": [vars(reason) for reason in result.reasons],
                }
                for code, result in self.forms.items()
            },
        }


def weight_of(question: dict[str, Any]) -> int:
    return int(question.get("weight", 1))


def level_for(score: int, bands: dict[str, int]) -> str:
    level = "none"
    for name in LEVELS[1:]:
        if name in bands and score >= bands[name]:
            level = name
    return level


def _higher(a: str, b: str) -> str:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


def check_answers(instrument: dict[str, Any], answers: dict[str, str]) -> list[str]:
    """Problems with the answers: unknown question codes or answer values."""
    known = {q["code"] for s in instrument["sections"] for q in s["questions"]}
    problems = [f"unknown question {code!r}" for code in answers if code not in known]
    problems += [
        f"answer to {code!r} must be one of {', '.join(ANSWERS)}"
        for code, value in answers.items()
        if code in known and value not in ANSWERS
    ]
    return problems


def score_screening(
    instrument: dict[str, Any],
    answers: dict[str, str],
    *,
    recorded_indicators: frozenset[str] = frozenset(),
) -> ScreeningResult:
    """Score the answers. Missing answers count as unknown. `recorded_indicators` are indicator
    codes from the signal log since the last screening: a "no" to a question they point to is
    reported as a conflict to look at again."""
    problems = check_answers(instrument, answers)
    if problems:
        raise ValueError("; ".join(problems))
    bands = instrument["bands"]
    modifiers: list[Reason] = []
    modifier_sum = 0
    general_sum = 0
    conflicts: list[str] = []
    total_unknown = total_questions = 0
    form_sections = []
    for section in instrument["sections"]:
        if section["kind"] == "form":
            form_sections.append(section)
            continue
        for question in section["questions"]:
            answer = answers.get(question["code"], UNKNOWN)
            total_questions += 1
            total_unknown += answer == UNKNOWN
            if answer != YES:
                continue
            sign = -1 if section["kind"] == "protective" else 1
            weight = sign * weight_of(question)
            modifiers.append(Reason(question["code"], answer, weight, section["code"]))
            modifier_sum += weight
            if section["kind"] == "general":
                general_sum += weight_of(question)
    forms: dict[str, FormResult] = {}
    floors: dict[str, str] = {}
    for section in form_sections:
        result = forms.setdefault(
            section["form"], FormResult(form=section["form"], level="none", score=0, assessed=False)
        )
        floor = floors.get(section["form"], "none")
        for question in section["questions"]:
            answer = answers.get(question["code"], UNKNOWN)
            result.questions += 1
            if answer == UNKNOWN:
                result.unknown += 1
                continue
            result.assessed = True
            if answer == YES:
                result.score += weight_of(question)
                result.reasons.append(
                    Reason(question["code"], answer, weight_of(question), section["code"])
                )
                floor = _higher(floor, question.get("floor", "none"))
            elif recorded_indicators.intersection(question.get("indicators", [])):
                conflicts.append(question["code"])
        floors[section["form"]] = floor
    for code, result in forms.items():
        if result.score > 0:
            result.score = max(1, result.score + modifier_sum)
        result.level = _higher(level_for(result.score, bands), floors[code])
        if not result.assessed:
            result.level = NOT_ASSESSED
        total_unknown += result.unknown
        total_questions += result.questions
    assessed = [r.level for r in forms.values() if r.level != NOT_ASSESSED]
    overall = "none"
    for level in assessed:
        overall = _higher(overall, level)
    if overall == "none" and general_sum > 0:
        overall = "some"
    if not assessed and general_sum == 0:
        overall = NOT_ASSESSED
    return ScreeningResult(
        overall=overall,
        forms=forms,
        modifiers=modifiers,
        conflicts=conflicts,
        unknown=total_unknown,
        questions=total_questions,
    )


def needs_next_step(overall: str) -> bool:
    """Elevated or high concern never stands alone: a next step must be chosen."""
    return overall in ("elevated", "high")
