"""Pseudonymisation at the institution, free of Django.

A registration without consent may not carry a name or a full date of birth, yet the registry must
be able to tell that two registrations concern the same person. Each identifier is therefore turned
into keyed hashes: HMAC-SHA256 with a secret shared by the registering organisations and a trusted
third party, never by the registry. The registry can compare the hashes (equal or not) but cannot
reverse them or test guesses without the key.

Names are first brought to one canonical form, so that the ways different sources write one name
meet: any script to Latin letters (anyascii), lower case, accents folded, the romanisations of
Cyrillic (Dutch, German, French, English, passport) to one spelling, Dutch ij/y, doubled letters;
surname prefixes ("van der", also written after the name: "Berg, van der") split off. Dates that
stand for an unknown day (1 January, BRP-style 00) count as the year alone.

Besides a key over the full identity, partial keys let the registry link despite errors:
- each name part separately (the first and second given name, the surname), the first given name
  with the surname, and all name parts in any order (swapped fields, family name first);
- phonetic codes (metaphone) of the given name and the surname, for typos and spelling variants;
- the date of birth, with day and month in either order, and the dates one day and one year later
  (so that the registry sees a date one day or one year off, and nothing more);
- a Bloom filter over the letter pairs of the name parts (a cryptographic long-term key, Schnell et
  al.), whose Dice similarity the registry can compute for names with typos.
What may travel in plaintext: year of birth, sex, nationality, country of birth (these two as ISO
3166-1 codes: a name or adjective such as "Nederlandse" or "Dutch" is mapped to NL here, at the
source; what cannot be mapped is refused, as the registry counts by code).
See docs/pseudonymisation.md for the threat model.
"""

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, timedelta

import jellyfish
from anyascii import anyascii

from baken.lib.countries import UnknownCountry, country_code

MIN_KEY_LENGTH = 32
BLOOM_BITS = 1024
BLOOM_HASHES = 15
SURNAME_PREFIXES = frozenset(
    [
        "v",
        "d",
        "vd",  # "v.d." and "v." as written in registers
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "t",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "dos",
        "das",
        "von",
        "vom",
        "zu",
        "zur",
        "el",
        "al",
    ]
)
# Prefixes that may stand after the name without a comma ("Kasteelen van"): only Dutch ones, so
# that a Vietnamese "Le" or an Arabic "Al" at the end stays part of the name.
TRAILING_PREFIXES = frozenset(
    ["van", "de", "der", "den", "ter", "ten", "te", "t", "in", "vd", "v", "d"]
)
# One spelling for the ways sources write one sound, applied in one pass, longest match first.
# From the romanisation tables of Cyrillic (English/BGN, passport/ICAO 9303, Dutch, German,
# French, Polish), Dutch ij/y and oe, and common spelling pairs.
# Che and kha (and the Ukrainian he) all become h: "ch" is che in English and kha in Dutch.
CANONICAL_SPELLINGS = {
    "schtsch": "shch",
    "sjtsj": "shch",
    "chtch": "shch",
    "shtch": "shch",
    "shch": "shch",
    "tsch": "h",
    "tsj": "h",
    "tch": "h",
    "cz": "h",
    "ch": "h",
    "kh": "h",
    "sch": "sh",
    "sj": "sh",
    "zj": "zh",
    "ij": "i",
    "ou": "u",
    "oe": "u",
    "ph": "f",
    "th": "t",
    "gh": "g",
    "dh": "d",
    "ck": "k",
    "tz": "ts",
    "w": "v",
    "y": "i",
    "j": "i",
    "q": "k",
    "x": "ks",
}
_CANONICAL_PATTERN = re.compile(
    "|".join(sorted(map(re.escape, CANONICAL_SPELLINGS), key=len, reverse=True))
    + "|c(?![eiy])"  # a hard c is a k (Popescu, Popesku)
)
# Dates that systems write when only the year is known: the day is treated as unknown.
UNKNOWN_DAY_DATES = frozenset({(1, 1)})  # 1 January; BRP-style 00 day or month too
SEXES = {
    "f": "female",
    "female": "female",
    "v": "female",
    "vrouw": "female",
    "m": "male",
    "male": "male",
    "man": "male",
    "x": "other",
    "other": "other",
    "anders": "other",
    "": "unknown",
    "u": "unknown",
    "unknown": "unknown",
    "onbekend": "unknown",
}


class PseudonymisationError(ValueError):
    """A value that cannot be pseudonymised, with a reason the user can act on."""


def check_key(secret: str) -> bytes:
    secret = secret.strip()
    if len(secret) < MIN_KEY_LENGTH:
        raise PseudonymisationError(
            f"the key must be at least {MIN_KEY_LENGTH} characters (it has {len(secret)})"
        )
    return secret.encode("utf-8")


def normalise_name(raw: str) -> str:
    """Latin letters, lower case, accents and special letters folded to ASCII, apostrophes
    dropped, other punctuation to spaces; letters of other scripts (Arabic, Ge'ez, Cyrillic,
    Chinese...) transliterated to Latin with anyascii ("Иван" → "ivan", "ዮሃንስ" → "yohans")."""
    text = anyascii(raw).lower()
    text = re.sub("['`]", "", text)
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


def canonical_word(word: str) -> str:
    """One spelling for the variants of a normalised word: Demjan/Demian/Demyan, Dasjenko/Dashenko,
    Zjenja/Zhenya, Jurjevitsj/Yuryevich/Jurjewitsch, Dijkstra/Dykstra, Janssen/Jansen."""
    if not word:
        return ""
    text = _CANONICAL_PATTERN.sub(lambda m: CANONICAL_SPELLINGS.get(m.group(), "k"), word)
    text = re.sub(r"(.)\1+", r"\1", text)  # doubled letters
    text = re.sub("(?<=[aeiou])ie", "e", text)  # Belyayev/Beliaev: a glide after a vowel
    return re.sub("^ie(?=[^aeiou])", "e", text)  # Yelena/Jelena/Elena, Yevgeniya/Evgeniia


def _prefix_and_words(raw: str) -> tuple[list[str], list[str]]:
    """Surname prefix words and the other words; the prefix may come first ("van der Berg") or
    last, with or without a comma ("Berg, van der", "Berg van der")."""
    if "," in raw:
        core_part, prefix_part = raw.split(",", 1)
        raw = f"{prefix_part} {core_part}"
    words = normalise_name(raw).split()
    prefix = []
    while len(words) > 1 and words[0] in SURNAME_PREFIXES:
        prefix.append(words.pop(0))
    if not prefix:
        trailing: list[str] = []
        while len(words) > 1 and words[-1] in TRAILING_PREFIXES:
            trailing.insert(0, words.pop())
        prefix = trailing
    return prefix, words


def split_surname(raw: str) -> tuple[str, str]:
    """(prefix, core) of a surname, the core in canonical spelling; "van der Berg", "Berg, van der"
    and "BERG VAN DER" alike."""
    prefix, words = _prefix_and_words(raw)
    return " ".join(prefix), "".join(canonical_word(w) for w in words)


def surname_words(raw: str) -> list[str]:
    """The canonical words of the surname without its prefix."""
    _prefix, words = _prefix_and_words(raw)
    return [canonical_word(w) for w in words]


def given_names(raw: str) -> list[str]:
    """The canonical given names, in the order written."""
    return [canonical_word(w) for w in normalise_name(raw).split()]


def first_given_name(raw: str) -> str:
    names = given_names(raw)
    return names[0] if names else ""


@dataclass(frozen=True)
class BirthDate:
    year: int | None
    month: int | None
    day: int | None


def parse_birth_date(raw: str) -> BirthDate:
    """ISO date (YYYY-MM-DD), a year alone (YYYY), or empty for unknown. A BRP-style date with 00
    for an unknown day or month (2008-00-00, 2008-05-00) and 1 January (how many systems record an
    unknown date) count as the year alone."""
    raw = raw.strip()
    if not raw:
        return BirthDate(None, None, None)
    if re.fullmatch(r"\d{4}", raw):
        return _checked_year(raw, int(raw))
    partial = re.fullmatch(r"(\d{4})-(\d{2})-00|(\d{4})-00-(\d{2})", raw)
    if partial:
        return _checked_year(raw, int(partial.group(1) or partial.group(3)))
    try:
        parsed = date.fromisoformat(raw)
    except ValueError as error:
        raise PseudonymisationError(
            f"date_of_birth {raw!r} is not an ISO date (YYYY-MM-DD) or a year (YYYY)"
        ) from error
    if parsed > date.today():  # noqa: DTZ011 - a calendar date, no time zone involved
        raise PseudonymisationError(f"date_of_birth {raw} lies in the future")
    if (parsed.month, parsed.day) in UNKNOWN_DAY_DATES:
        return BirthDate(parsed.year, None, None)
    return BirthDate(parsed.year, parsed.month, parsed.day)


def _checked_year(raw: str, year: int) -> BirthDate:
    if not 1900 <= year <= date.today().year:  # noqa: DTZ011 - a calendar year
        raise PseudonymisationError(f"date_of_birth {raw} is not a year of birth")
    return BirthDate(year, None, None)


def normalise_sex(raw: str) -> str:
    value = SEXES.get(raw.strip().lower())
    if value is None:
        raise PseudonymisationError(
            f"sex {raw!r} is not one of female/f/v, male/m, other/x, or empty for unknown"
        )
    return value


def normalise_country(raw: str, field: str) -> str:
    """The ISO 3166-1 alpha-2 code for what a source wrote as nationality or country of birth
    (a code, or a Dutch or English name or adjective); empty for unknown."""
    try:
        return country_code(raw)
    except UnknownCountry:
        raise PseudonymisationError(
            f"{field} {raw!r} is not a country the registry knows: write an ISO 3166-1 code "
            "(NL, RO, …) or the country's name in Dutch or English, or leave it empty"
        ) from None


def _hmac(key: bytes, label: str, value: str) -> str:
    return hmac.new(key, f"{label}|{value}".encode(), hashlib.sha256).hexdigest()[:32]


def _phonetic(word: str) -> str:
    return jellyfish.metaphone(word) if word else ""


def _bigrams(word: str) -> list[str]:
    padded = f"_{word}_"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def bloom_filter(key: bytes, words: list[str]) -> str:
    """A Bloom filter over the letter pairs of each word, positions from keyed double hashing.
    Every word is hashed alike, so the filter does not change when name parts change fields."""
    bits = bytearray(BLOOM_BITS // 8)
    for word in words:
        for gram in _bigrams(word) if word else []:
            h1 = int(_hmac(key, "bf1:name", gram), 16)
            h2 = int(_hmac(key, "bf2:name", gram), 16)
            for i in range(BLOOM_HASHES):
                position = (h1 + i * h2) % BLOOM_BITS
                bits[position // 8] |= 1 << (position % 8)
    return base64.b64encode(bytes(bits)).decode("ascii")


def dice(a: str, b: str) -> float:
    """Dice similarity of two Bloom filters (what the registry computes)."""
    x, y = base64.b64decode(a), base64.b64decode(b)
    both = sum(bin(p & q).count("1") for p, q in zip(x, y, strict=True))
    total = sum(bin(p).count("1") for p in x) + sum(bin(q).count("1") for q in y)
    return 2 * both / total if total else 0.0


# What a registration says about the person, named as the registry's intake API names it (its
# Pseudonyms schema, and the plaintext fields it allows): the institution side's one list.
PSEUDONYM_KEYS = (
    "key_version",
    "k_full",
    "k_name",
    "k_name_unordered",
    "k_surname",
    "k_given",
    "k_given_2",
    "k_surname_phonetic",
    "k_given_phonetic",
    "k_surname_prefix",
    "k_surname_first",
    "k_surname_last",
    "k_dob",
    "k_dob_unordered",
    "k_dob_next_day",
    "k_dob_next_year",
    "bf_name",
)
ALLOWED_PLAINTEXT = ("birth_year", "sex", "nationality", "country_of_birth")
PSEUDONYM_FIELDS = (*PSEUDONYM_KEYS, *ALLOWED_PLAINTEXT)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _next_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None


@dataclass(frozen=True)
class Identifiers:
    """The standardised identifiers of one person, before keying: for each key its label and
    plaintext value ("" for unknown), the name words for the Bloom filter, the year of birth."""

    keys: dict[str, tuple[str, str]]
    words: list[str]
    birth_year: int | None


def standardise(*, given_name: str, surname: str, date_of_birth: str) -> Identifiers:
    """Names in canonical spelling and the date variants, as they are keyed. Raises
    PseudonymisationError for values that cannot be read."""
    givens = given_names(given_name)
    given = givens[0] if givens else ""
    prefix, core = split_surname(surname)
    born = parse_birth_date(date_of_birth)
    if not given and not core:
        raise PseudonymisationError("given_name and surname are both empty")
    full = date(born.year, born.month, born.day) if born.year and born.month and born.day else None
    dob_unordered = (
        f"{full.year:04d}:{min(full.month, full.day):02d}:{max(full.month, full.day):02d}"
        if full
        else ""
    )
    # All name parts, given names and surname alike (without surname prefixes, also when they
    # stand in the given-name field): the same set in whatever order or field it is written.
    given_words = [
        canonical_word(w) for w in normalise_name(given_name).split() if w not in SURNAME_PREFIXES
    ]
    core_words = surname_words(surname)
    words = given_words + core_words
    # A surname of several words (a double surname, a married name before one's own, a father's
    # and grandfather's name): its first and last word, as another source may write only one.
    several = len(core_words) > 1
    all_given = " ".join(sorted(givens))

    def joined(*values: str) -> str:
        return "|".join(values) if all(values) else ""

    return Identifiers(
        keys={
            "k_full": ("full", joined(all_given, core, _iso(full))),
            "k_name": ("name", joined(all_given, core)),
            "k_name_unordered": ("name-unordered", " ".join(sorted(words))),
            "k_surname": ("surname", core),
            "k_given": ("given", given),
            "k_given_2": ("given", givens[1] if len(givens) > 1 else ""),
            "k_surname_phonetic": ("surname-phonetic", _phonetic(core)),
            "k_given_phonetic": ("given-phonetic", _phonetic(given)),
            "k_surname_prefix": ("surname-prefix", prefix.replace(" ", "")),
            # The same label as k_surname: the registry sees that one surname is a part of
            # another, not which.
            "k_surname_first": ("surname", core_words[0] if several else ""),
            "k_surname_last": ("surname", core_words[-1] if several else ""),
            "k_dob": ("dob", _iso(full)),
            "k_dob_unordered": ("dob-unordered", dob_unordered),
            # The same label as k_dob: the registry sees that one date is a day (a year) after
            # another, not which dates they are.
            "k_dob_next_day": ("dob", _iso(full + timedelta(days=1) if full else None)),
            "k_dob_next_year": ("dob", _iso(_next_year(full) if full else None)),
        },
        words=words,
        birth_year=born.year,
    )


def pseudonymise(
    *,
    key: bytes,
    key_version: str,
    given_name: str,
    surname: str,
    date_of_birth: str,
    sex: str,
    nationality: str,
    country_of_birth: str,
) -> dict[str, str]:
    """The keyed pseudonyms and the allowed plaintext fields for one person.

    Empty input gives an empty key (never a hash of an empty string): unknown values never match.
    Raises PseudonymisationError for values that cannot be read."""
    found = standardise(given_name=given_name, surname=surname, date_of_birth=date_of_birth)
    keys = {
        field: _hmac(key, label, value) if value else ""
        for field, (label, value) in found.keys.items()
    }
    return {
        "key_version": key_version,
        **keys,
        "bf_name": bloom_filter(key, found.words),
        "birth_year": str(found.birth_year) if found.birth_year else "",
        "sex": normalise_sex(sex),
        "nationality": normalise_country(nationality, "nationality"),
        "country_of_birth": normalise_country(country_of_birth, "country_of_birth"),
    }
