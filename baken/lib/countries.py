"""ISO 3166-1 countries (from pycountry, the maintained ISO list, with its Dutch translation):
the codes the registry counts nationality and country of birth by, their names in Dutch and
English, and the mapping of free text (a code, a country's name, an adjective of nationality, in
Dutch or English) to a code.

Both sides use it: the institution maps what a worker wrote to a code before it sends
(registration), the registry validates codes and shows their names. Framework-free."""

import gettext
import json
import unicodedata
from functools import cache
from pathlib import Path

import pycountry

NAMES_FILE = Path(__file__).resolve().parent / "data" / "country_names.json"
# What a worker writes for "not known": mapped to no code (empty), not refused.
UNKNOWN_WORDS = frozenset({"", "-", "?", "onbekend", "unknown", "niet bekend", "n.b.", "nb"})


@cache
def _dutch() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)


@cache
def country_names() -> dict[str, tuple[str, str]]:
    """ISO 3166-1 alpha-2 code → (Dutch name, English name), ordered by code."""
    result: dict[str, tuple[str, str]] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        english = getattr(country, "common_name", None) or country.name
        result[country.alpha_2] = (_dutch().gettext(country.name), english)
    return result


COUNTRY_CODES: tuple[str, ...] = tuple(country_names())


def country_label(code: str, language: str = "nl") -> str:
    """The country's name in Dutch (`nl`) or English; an unknown code is returned as it is."""
    names = country_names().get(code)
    if names is None:
        return code
    return names[1] if language.startswith("en") else names[0]


def normalised(text: str) -> str:
    """Case, accents, punctuation and spacing removed: 'Oekraïense' → 'oekraiense'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in "-.,'()":
        letters = letters.replace(mark, " ")
    return " ".join(letters.split())


@cache
def _index() -> dict[str, str]:
    """Every accepted spelling (normalised) → code. Names that would point at two countries are
    left out, so they are refused rather than guessed."""
    candidates: dict[str, set[str]] = {}

    def add(text: str | None, code: str) -> None:
        if text:
            candidates.setdefault(normalised(text), set()).add(code)

    for country in pycountry.countries:
        code = country.alpha_2
        add(code, code)
        add(country.alpha_3, code)
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            add(english, code)
            if english:
                add(_dutch().gettext(english), code)
    extra = json.loads(NAMES_FILE.read_text(encoding="utf-8"))["names"]
    for code, spellings in extra.items():
        for english in spellings.get("en", []):
            add(english, code)
        for dutch in spellings.get("nl", []):
            add(dutch, code)
            if dutch.endswith("e"):
                add(dutch[:-1], code)  # Roemeense → Roemeens
    return {text: codes.pop() for text, codes in candidates.items() if len(codes) == 1}


class UnknownCountry(ValueError):
    """Free text that names no ISO 3166-1 country (or more than one)."""


def country_code(text: str) -> str:
    """The ISO 3166-1 alpha-2 code for a code, a country's name or an adjective of nationality,
    in Dutch or English ('NL', 'nld', 'Nederland', 'Nederlandse', 'Dutch' → 'NL'); empty for
    "not known". Raises UnknownCountry for anything else (a mistyped name, a name in another
    script, a country that is not in ISO 3166-1)."""
    key = normalised(text)
    if key in UNKNOWN_WORDS:
        return ""
    code = _index().get(key)
    if code is None:
        raise UnknownCountry(text)
    return code
