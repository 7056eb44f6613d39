"""No two texts in the project state different rules on who consents at which age.

The one rule is `registration.consent.who_consents` (under 12 the guardian, 12-15 the youth and the
guardian, 16 and older the youth; docs/legal-basis.md). This test reads every text a user or a
developer reads — training modules, sharing guidance, docs, templates, translations, code — finds
the sentences about consent that tie an age range to who decides, and checks each against the
rule."""

import ast
import io
import json
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from baken.registration.consent import GUARDIAN, YOUTH, who_consents

ROOT = Path(__file__).resolve().parents[3]
SUFFIXES = {".md", ".json", ".html", ".py", ".po", ".txt"}
SKIP_PARTS = {".venv", ".git", "node_modules", "staticfiles", "tests", "bench", "__pycache__"}

CONSENT = re.compile(r"toestemming|consent|tekent|\bsigns?\b|beslist|decides|instemming", re.I)
YOUTH_WORDS = re.compile(r"\b(jongere|jeugdige|youth|minor|kind|child|zelf)\b", re.I)
GUARDIAN_WORDS = re.compile(
    r"\b(ouders?|parents?|voogd|guardians?|gezag\w*|authority|wettelijk\w* vertegenwoordiger\w*)\b",
    re.I,
)
# "both", or an addition ("the youth must consent too") next to the rule for the other party.
BOTH_WORDS = re.compile(r"\b(beiden|both|én|ook|tevens|too|also|as well)\b", re.I)

# Age phrases, in the order they are tried; each gives the ages (0-17) the clause speaks of.
RANGE = re.compile(r"\b(\d{1,2})\s*(?:tot en met|t/m|through|tot|to|\u2013|-)\s*(\d{1,2})\b", re.I)
BELOW = re.compile(r"\b(?:onder(?:\s+de)?|under|jonger dan|younger than|below)\s+(\d{1,2})\b", re.I)
FROM = re.compile(
    r"\b(?:vanaf|from|ouder dan|older than)\s+(\d{1,2})\b(?!\s*(?:tot|to|\u2013|-)\s*\d)", re.I
)
AND_OLDER = re.compile(r"\b(\d{1,2})\s*(?:jaar\s+)?(?:en ouder|and older|years and older|\+)", re.I)


@dataclass(frozen=True)
class Claim:
    where: str
    clause: str
    ages: range
    parties: frozenset[str]


def ages_in(clause: str) -> range | None:
    if match := RANGE.search(clause):
        low, high = int(match[1]), int(match[2])
        # "van 12 tot 16" / "12 to 16" ends before 16; "12-15", "12 t/m 15" include 15.
        inclusive = high != 16 or re.search(r"t/m|tot en met|through", match[0], re.I)
        return range(low, high + 1 if inclusive else high)
    if match := BELOW.search(clause):
        return range(0, int(match[1]))
    if match := FROM.search(clause) or AND_OLDER.search(clause):
        return range(int(match[1]), 18)
    return None


def parties_in(clause: str) -> frozenset[str] | None:
    youth = bool(YOUTH_WORDS.search(clause))
    guardian = bool(GUARDIAN_WORDS.search(clause))
    if BOTH_WORDS.search(clause) or (youth and guardian):
        return frozenset({YOUTH, GUARDIAN})
    if guardian:
        return frozenset({GUARDIAN})
    if youth:
        return frozenset({YOUTH})
    return None


def claims_in(text: str, where: str) -> list[Claim]:
    claims = []
    # A quoted rule is cited (often to refute it), not stated: leave quotations out.
    text = re.sub(r'"[^"]{0,400}"|“[^”]{0,400}”', "", text)
    previous = ""
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        sentence = sentence.replace("\n", " ")
        in_context = CONSENT.search(sentence) or CONSENT.search(previous)
        previous = sentence
        if not in_context:
            continue
        for clause in re.split(r"[;,(]|\bmaar\b|\bbut\b", sentence):
            ages = ages_in(clause)
            parties = parties_in(clause) if ages is not None else None
            if ages is not None and parties is not None and len(ages) and max(ages) <= 17:
                claims.append(Claim(where, clause.strip(), ages, parties))
    return claims


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def python_strings(source: str) -> Iterator[str]:
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.string.lstrip("# ")
        elif token.type == tokenize.STRING:
            try:
                value = ast.literal_eval(token.string)
            except (ValueError, SyntaxError):
                continue
            if isinstance(value, str):
                yield value


def po_strings(source: str) -> Iterator[str]:
    """Each msgid and msgstr as one text (their quoted lines joined)."""
    for entry in re.split(r"\n\s*\n", source):
        for part in re.split(r"^(?=msgid|msgstr)", entry, flags=re.M):
            pieces = re.findall(r'^(?:msgid|msgstr)?\s*"((?:[^"\\]|\\.)*)"', part, flags=re.M)
            yield "".join(pieces).replace('\\"', '"').replace("\\n", "\n")


def texts_of(path: Path) -> list[str]:
    """The prose a person reads in a file, without the quotes of its own syntax."""
    source = path.read_text(encoding="utf-8", errors="ignore")
    if path.suffix == ".json":
        return list(json_strings(json.loads(source)))
    if path.suffix == ".py":
        return list(python_strings(source))
    if path.suffix == ".po":
        return list(po_strings(source))
    return [source]


def project_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted(ROOT.rglob("*")):
        if path.suffix not in SUFFIXES or SKIP_PARTS.intersection(path.parts):
            continue
        if not path.is_file():
            continue
        where = str(path.relative_to(ROOT))
        texts += [(where, text) for text in texts_of(path)]
    return texts


def contradictions(claims: list[Claim]) -> list[str]:
    return [
        f"{claim.where}: {claim.clause!r} says {sorted(claim.parties)} for ages "
        f"{claim.ages.start}-{claim.ages.stop - 1}, "
        f"the rule says {sorted(who_consents(age))} at {age}"
        for claim in claims
        for age in claim.ages
        if claim.parties != who_consents(age)
    ][:20]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Registratie gebeurt met toestemming: vanaf 16 tekent de jongere, onder 16 de ouders.",
            True,
        ),
        ("Consent: under 16 the parents sign.", True),
        ("Consent from 12 to 16: the youth alone.", True),
        ("Toestemming: onder 12 de ouders met gezag of de voogd, van 12 tot 16 beiden.", False),
        ("Consent by age: under 12 the guardian; 12-15 both; 16 and older the youth.", False),
        ("Dutch girls aged 12 to 17 run the highest risk.", False),
    ],
)
def test_the_scanner_recognises_age_rules_and_finds_the_wrong_one(text: str, wrong: bool) -> None:
    assert bool(contradictions(claims_in(text, "example"))) is wrong


def test_every_text_in_the_project_states_the_one_age_rule_of_the_code() -> None:
    claims = [claim for where, text in project_texts() for claim in claims_in(text, where)]
    assert len(claims) >= 10  # the scanner does find the statements it is meant to check
    assert contradictions(claims) == []
