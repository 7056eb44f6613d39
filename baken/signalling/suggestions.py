"""Turning a vague "niet-pluis" note into concrete indicators to consider, free of Django.

An indicator scores a point for every keyword found in the note (whole words, accents and case
ignored; multi-word keywords as phrases), and half a point more when it belongs to a form of
exploitation already seen in the youth's history. Indicators recorded for this youth before are
offered too, after the keyword matches, so a recurring pattern is noticed."""

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    indicator_id: int
    keywords: tuple[str, ...]
    form_codes: tuple[str, ...]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _contains(plain_note: str, keyword: str) -> bool:
    return (
        re.search(rf"(?<![a-z0-9]){re.escape(_plain(keyword))}(?![a-z0-9])", plain_note) is not None
    )


def suggest(
    *,
    note: str,
    candidates: list[Candidate],
    history_forms: set[str],
    previously_recorded: set[int],
    limit: int = 8,
) -> list[int]:
    plain_note = _plain(note)
    scored: list[tuple[float, int]] = []
    for candidate in candidates:
        hits = sum(1 for kw in candidate.keywords if kw.strip() and _contains(plain_note, kw))
        if hits:
            bonus = 0.5 if history_forms.intersection(candidate.form_codes) else 0.0
            scored.append((hits + bonus, candidate.indicator_id))
        elif candidate.indicator_id in previously_recorded:
            scored.append((0.25, candidate.indicator_id))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [indicator_id for _score, indicator_id in scored[:limit]]
