"""Reading a screening instrument from its data file and checking its format, free of Django.

The format (docs/screening.md) is the one `scoring.py` scores: a version, Dutch and English names,
a validation statement, bands, and sections of questions. `baken load_instrument FILE` uses this
to add an organisation's own instrument; the checks name every problem at once, with its place."""

import json
from datetime import date
from pathlib import Path
from typing import Any

from baken.screening.scoring import LEVELS

SECTION_KINDS = ("form", "general", "risk", "protective")
VALIDATION_STATUSES = ("validated", "practice_list", "unvalidated")
MAX_VERSION_LENGTH = 20  # Instrument.version


def _texts(item: dict[str, Any], keys: tuple[str, ...], where: str) -> list[str]:
    return [
        f"{where}: needs a non-empty '{key}'"
        for key in keys
        if not isinstance(item.get(key), str) or not item[key].strip()
    ]


def check_instrument(definition: Any) -> list[str]:
    """Every problem with an instrument definition; an empty list means it can be loaded."""
    if not isinstance(definition, dict):
        return ["the file must hold one JSON object"]
    problems = _texts(definition, ("version", "name_nl", "name_en"), "instrument")
    if len(str(definition.get("version", ""))) > MAX_VERSION_LENGTH:
        problems.append(f"instrument: 'version' must be at most {MAX_VERSION_LENGTH} characters")
    try:
        date.fromisoformat(str(definition.get("published_on")))
    except ValueError:
        problems.append("instrument: 'published_on' must be a date (YYYY-MM-DD)")
    validation = definition.get("validation")
    if not isinstance(validation, dict) or validation.get("status") not in VALIDATION_STATUSES:
        problems.append(
            "instrument: 'validation' must say its 'status' ("
            + ", ".join(VALIDATION_STATUSES)
            + ") and explain it in 'note_nl' and 'note_en'"
        )
    else:
        problems += _texts(validation, ("note_nl", "note_en"), "validation")
    bands = definition.get("bands")
    if not isinstance(bands, dict) or not bands:
        problems.append("instrument: 'bands' must give at least the score for 'some'")
    else:
        unknown = [name for name in bands if name not in LEVELS[1:]]
        if unknown:
            problems.append(f"bands: unknown level(s) {unknown}; use {', '.join(LEVELS[1:])}")
        given = [bands[name] for name in LEVELS[1:] if name in bands]
        if not all(isinstance(v, int) and v > 0 for v in given) or given != sorted(set(given)):
            problems.append("bands: scores must be positive whole numbers, rising with the level")
    own_forms = definition.get("forms", {})
    if not isinstance(own_forms, dict) or not all(
        isinstance(item, dict) and not _texts(item, ("name_nl", "name_en"), "")
        for item in own_forms.values()
    ):
        problems.append("forms: each form of the instrument's own needs 'name_nl' and 'name_en'")
    sections = definition.get("sections")
    if not isinstance(sections, list) or not sections:
        return [*problems, "instrument: 'sections' must list at least one section"]
    section_codes: set[str] = set()
    question_codes: set[str] = set()
    for number, section in enumerate(sections, start=1):
        where = f"section {number} ({section.get('code', '?')})"
        problems += _texts(section, ("code", "title_nl", "title_en"), where)
        if section.get("code") in section_codes:
            problems.append(f"{where}: section codes must be distinct")
        section_codes.add(section.get("code"))
        if section.get("kind") not in SECTION_KINDS:
            problems.append(f"{where}: 'kind' must be one of {', '.join(SECTION_KINDS)}")
        if section.get("kind") == "form" and not section.get("form"):
            problems.append(f"{where}: a section of kind 'form' names its 'form'")
        questions = section.get("questions")
        if not isinstance(questions, list) or not questions:
            problems.append(f"{where}: needs at least one question")
            continue
        for question in questions:
            code = question.get("code")
            qwhere = f"{where} question {code or '?'}"
            problems += _texts(question, ("code", "text_nl", "text_en"), qwhere)
            if code in question_codes:
                problems.append(f"{qwhere}: question codes must be distinct in the instrument")
            question_codes.add(code)
            weight = question.get("weight", 1)
            if not isinstance(weight, int) or isinstance(weight, bool) or weight < 1:
                problems.append(f"{qwhere}: 'weight' must be a whole number of at least 1")
            for key in ("indicators", "risk_factors"):
                codes = question.get(key, [])
                if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                    problems.append(f"{qwhere}: '{key}' must be a list of codes")
            if question.get("floor", "some") not in LEVELS[1:]:
                problems.append(f"{qwhere}: 'floor' must be one of {', '.join(LEVELS[1:])}")
    return problems


def read_instrument_file(path: Path) -> dict[str, Any]:
    """The definition in `path`; ValueError naming every problem if it cannot be loaded."""
    try:
        definition = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error}") from error
    problems = check_instrument(definition)
    if problems:
        raise ValueError("; ".join(problems))
    return dict(definition)
