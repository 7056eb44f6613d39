"""Pseudonymisation at the institution, free of Django.

A registration without consent may not carry a name or a full date of birth, yet the registry must
be able to tell that two registrations concern the same person. Each identifier is therefore turned
into keyed hashes: HMAC-SHA256 with a secret shared by the registering organisations and a trusted
third party, never by the registry. The registry can compare the hashes (equal or not) but cannot
reverse them or test guesses without the key.

Besides a key over the full identity, partial keys let the registry link despite errors:
- surname and given name separately, and the pair in either order (swapped names);
- phonetic codes (metaphone) of both, for typos and transliteration variants;
- the core surname without Dutch prefixes ("van der Berg", "Van den Berg", "Berg, van der" agree);
- the date of birth, and the date with day and month in either order (swapped day/month);
- a Bloom filter over the letter pairs of the names (a cryptographic long-term key, Schnell et al.),
  whose Dice similarity the registry can compute for names with typos.
What may travel in plaintext: year of birth, sex, nationality, country of birth.
See docs/pseudonymisation.md for the threat model.
"""

import base64
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import jellyfish
from anyascii import anyascii

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
SPECIAL_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "\u0131": "i",
        "œ": "oe",
    }
)
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
    """Lower case, accents and special letters folded to ASCII, punctuation to spaces; letters of
    other scripts (Arabic, Ge'ez, Cyrillic, Chinese...) transliterated to Latin with anyascii
    ("Иван" → "ivan", "ዮሃንስ" → "yohans"), so those names get keys too."""
    text = unicodedata.normalize("NFKD", raw.lower().translate(SPECIAL_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(SPECIAL_LETTERS)
    text = anyascii(text).lower()  # only what is still not ASCII changes
    text = re.sub("['`\u2019]", "", text)
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


def _prefix_and_words(raw: str) -> tuple[list[str], list[str]]:
    if "," in raw:
        core_part, prefix_part = raw.split(",", 1)
        raw = f"{prefix_part} {core_part}"
    words = normalise_name(raw).split()
    prefix = []
    while len(words) > 1 and words[0] in SURNAME_PREFIXES:
        prefix.append(words.pop(0))
    return prefix, words


def split_surname(raw: str) -> tuple[str, str]:
    """(prefix, core) of a surname; handles "van der Berg" and "Berg, van der" alike."""
    prefix, words = _prefix_and_words(raw)
    return " ".join(prefix), "".join(words)


def first_core_word(raw: str) -> str:
    """The first word after any surname prefix: "berg" for both "van der Berg" and "Berg"; used
    for the key that matches given name and surname written in each other's fields."""
    _prefix, words = _prefix_and_words(raw)
    return words[0] if words else ""


def first_given_name(raw: str) -> str:
    words = normalise_name(raw).split()
    return words[0] if words else ""


@dataclass(frozen=True)
class BirthDate:
    year: int | None
    month: int | None
    day: int | None


def parse_birth_date(raw: str) -> BirthDate:
    """ISO date (YYYY-MM-DD), a year alone (YYYY), or empty for unknown."""
    raw = raw.strip()
    if not raw:
        return BirthDate(None, None, None)
    if re.fullmatch(r"\d{4}", raw):
        return BirthDate(int(raw), None, None)
    try:
        parsed = date.fromisoformat(raw)
    except ValueError as error:
        raise PseudonymisationError(
            f"date_of_birth {raw!r} is not an ISO date (YYYY-MM-DD) or a year (YYYY)"
        ) from error
    if parsed > date.today():  # noqa: DTZ011 - a calendar date, no time zone involved
        raise PseudonymisationError(f"date_of_birth {raw} lies in the future")
    return BirthDate(parsed.year, parsed.month, parsed.day)


def normalise_sex(raw: str) -> str:
    value = SEXES.get(raw.strip().lower())
    if value is None:
        raise PseudonymisationError(
            f"sex {raw!r} is not one of female/f/v, male/m, other/x, or empty for unknown"
        )
    return value


def _hmac(key: bytes, label: str, value: str) -> str:
    return hmac.new(key, f"{label}|{value}".encode(), hashlib.sha256).hexdigest()[:32]


def _phonetic(word: str) -> str:
    return jellyfish.metaphone(word) if word else ""


def _bigrams(word: str) -> list[str]:
    padded = f"_{word}_"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def bloom_filter(key: bytes, parts: dict[str, str]) -> str:
    """A Bloom filter over the letter pairs of each part, positions from keyed double hashing."""
    bits = bytearray(BLOOM_BITS // 8)
    for label, word in parts.items():
        for gram in _bigrams(word) if word else []:
            h1 = int(_hmac(key, f"bf1:{label}", gram), 16)
            h2 = int(_hmac(key, f"bf2:{label}", gram), 16)
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
    "k_surname_phonetic",
    "k_given_phonetic",
    "k_surname_prefix",
    "k_dob",
    "k_dob_unordered",
    "bf_name",
)
ALLOWED_PLAINTEXT = ("birth_year", "sex", "nationality", "country_of_birth")
PSEUDONYM_FIELDS = (*PSEUDONYM_KEYS, *ALLOWED_PLAINTEXT)


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
    given = first_given_name(given_name)
    prefix, core = split_surname(surname)
    born = parse_birth_date(date_of_birth)
    if not given and not core:
        raise PseudonymisationError("given_name and surname are both empty")

    def keyed(label: str, *values: str) -> str:
        return _hmac(key, label, "|".join(values)) if all(values) else ""

    dob = (
        f"{born.year:04d}-{born.month:02d}-{born.day:02d}"
        if born.year and born.month and born.day
        else ""
    )
    dob_unordered = (
        f"{born.year:04d}:{min(born.month, born.day):02d}:{max(born.month, born.day):02d}"
        if born.year and born.month and born.day
        else ""
    )
    return {
        "key_version": key_version,
        "k_full": keyed("full", given, core, dob),
        "k_name": keyed("name", given, core),
        "k_name_unordered": keyed(
            "name-unordered", *sorted([first_core_word(given_name), first_core_word(surname)])
        ),
        "k_surname": keyed("surname", core),
        "k_given": keyed("given", given),
        "k_surname_phonetic": keyed("surname-phonetic", _phonetic(core)),
        "k_given_phonetic": keyed("given-phonetic", _phonetic(given)),
        "k_surname_prefix": keyed("surname-prefix", prefix.replace(" ", "")),
        "k_dob": keyed("dob", dob),
        "k_dob_unordered": keyed("dob-unordered", dob_unordered),
        "bf_name": bloom_filter(key, {"given": given, "surname": core}),
        "birth_year": str(born.year) if born.year else "",
        "sex": normalise_sex(sex),
        "nationality": nationality.strip(),
        "country_of_birth": country_of_birth.strip(),
    }
