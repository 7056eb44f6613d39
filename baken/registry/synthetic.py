"""Synthetic registrations with realistic errors, for testing and tuning linkage.

People get names from the main victim nationalities (Dutch, Nigerian, Romanian, Bulgarian, Polish,
Hungarian, Vietnamese, Eritrean, Moroccan, Ukrainian/Russian); the name lists are data in
`data/synthetic_names/` (one file per nationality, plus known spelling variants). Each person is
registered by one or more sources (the same source sometimes twice); some have a brother or
sister (same surname) or a twin (same surname and birth date), who must stay apart. Each
registration may carry the errors seen in practice, at the rates of `ErrorRates` (documented
there and in docs/linkage.md).

This is the set the linkage is tuned on. It is measured on a second, independent set too
(bench/independent_registrations.py: other code, name pools, rates and seed).

Framework-free; deterministic for a seed. Writes the input of `baken pseudonymise` plus a truth
file (record_id, person_id) to measure linkage against."""

import csv
import json
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

NAMES_DIR = Path(__file__).resolve().parent / "data" / "synthetic_names"
NATIONALITY_WEIGHTS = {
    "NL": 0.42,
    "NG": 0.08,
    "RO": 0.09,
    "BG": 0.06,
    "PL": 0.07,
    "HU": 0.05,
    "VN": 0.05,
    "ER": 0.05,
    "MA": 0.06,
    "UA": 0.07,
}
SOURCES = [
    ("police", 0.31),
    ("zorgcoordinator", 0.28),
    ("fairwork", 0.12),
    ("nla", 0.07),
    ("kmar", 0.06),
    ("institution-1", 0.05),
    ("institution-2", 0.04),
    ("institution-3", 0.03),
    ("shelter", 0.04),
]
KEYBOARD_NEIGHBOURS = {
    "a": "sqz",
    "e": "wrd",
    "i": "uok",
    "o": "ipl",
    "u": "yij",
    "n": "bm",
    "m": "n",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "l": "k",
    "k": "jl",
    "d": "sf",
    "h": "gj",
    "g": "fh",
}
# Ukrainian and Russian names are listed in English (BGN/PCGN) romanisation; a source writes them
# in its own: Dutch, German or French, or as in the passport (ICAO 9303). Substitutions are made
# in one pass, longest first.
ROMANISATIONS: dict[str, dict[str, str]] = {
    "english": {},
    "passport": {"ya": "ia", "yu": "iu", "ye": "e", "yo": "e", "iy": "ii", "y": "i"},
    "dutch": {
        "shch": "sjtsj",
        "sh": "sj",
        "zh": "zj",
        "kh": "ch",
        "ch": "tsj",
        "ya": "ja",
        "yu": "joe",
        "ye": "je",
        "yo": "jo",
        "iy": "i",
        "y": "j",
        "u": "oe",
    },
    "german": {
        "shch": "schtsch",
        "sh": "sch",
        "zh": "sh",
        "kh": "ch",
        "ch": "tsch",
        "ya": "ja",
        "yu": "ju",
        "ye": "je",
        "yo": "jo",
        "iy": "i",
        "y": "j",
        "v": "w",
        "ts": "z",
        "z": "s",
    },
    "french": {
        "shch": "chtch",
        "sh": "ch",
        "zh": "j",
        "ch": "tch",
        "ya": "ia",
        "yu": "iou",
        "ye": "ie",
        "yo": "io",
        "iy": "i",
        "y": "i",
        "u": "ou",
    },
}
ROMANISATION_WEIGHTS = {
    "english": 0.3,
    "passport": 0.2,
    "dutch": 0.3,
    "german": 0.15,
    "french": 0.05,
}
# "y" alone is й only after a vowel (Matvey); elsewhere it is ы and every system writes y.
_ROMANISATION_PATTERN = re.compile(
    "shch|sh|zh|kh|ch|ts|ya|yu|ye|yo|iy(?![aeiou])|(?<=[aeiou])y|u|v|z"
)


@dataclass(frozen=True)
class ErrorRates:
    """Rates per registration unless said otherwise; chosen from what register comparisons
    report and from the variants issue 15 lists. docs/linkage.md repeats them."""

    typo: float = 0.08  # one typo in the surname or the given name
    lost_accents: float = 0.5  # of names that have accents
    transliteration: float = 0.25  # of names that have a known spelling variant
    prefix_variant: float = 0.5  # of surnames with a prefix: "v.d. Berg", "Berg, van den"...
    swapped_names: float = 0.03  # given name and surname in each other's field
    family_name_first: float = 0.2  # Vietnamese names written family name first
    capitals: float = 0.1  # the whole name in capitals
    second_given_name: float = 0.35  # of people (not Vietnamese): two given names
    one_given_name: float = 0.5  # of their registrations: only the name they are called by
    called_by_second: float = 0.25  # of people with two given names: called by the second
    swapped_day_month: float = 0.03  # when the day is 12 or less
    year_only: float = 0.06  # only the year known: "2008", "2008-01-01" or "2008-00-00"
    day_off: float = 0.02  # the birth date one day off
    year_off: float = 0.02  # the birth year one off, day and month right
    missing_date: float = 0.02
    missing_sex: float = 0.02
    missing_nationality: float = 0.08
    missing_given_name: float = 0.01
    same_source_twice: float = 0.05
    extra_source: float = 0.35  # chance of each further source registering the same person
    sibling: float = 0.04  # of people: a brother or sister with the same surname
    twin: float = 0.005  # of people: a twin (same surname and birth date)


@dataclass(frozen=True)
class NamePool:
    female: list[str]
    male: list[str]
    surnames: list[str]
    surname_starts: list[str]
    surname_ends: list[str]
    female_starts: list[str]
    female_ends: list[str]
    male_starts: list[str]
    male_ends: list[str]


@cache
def name_pools() -> dict[str, NamePool]:
    pools = {}
    for nationality in NATIONALITY_WEIGHTS:
        data = json.loads((NAMES_DIR / f"{nationality}.json").read_text(encoding="utf-8"))
        parts, given = data["surname_parts"], data["given_parts"]
        pools[nationality] = NamePool(
            female=data["female"],
            male=data["male"],
            surnames=data["surnames"],
            surname_starts=parts["starts"],
            surname_ends=parts["ends"],
            female_starts=given["female_starts"],
            female_ends=given["female_ends"],
            male_starts=given["male_starts"],
            male_ends=given["male_ends"],
        )
    return pools


@cache
def spelling_variants() -> dict[str, list[str]]:
    pairs = json.loads((NAMES_DIR / "spelling_variants.json").read_text(encoding="utf-8"))
    variants: dict[str, list[str]] = {}
    for a, b in pairs:
        variants.setdefault(a, []).append(b)
        variants.setdefault(b, []).append(a)
    return variants


@dataclass(frozen=True)
class Person:
    person_id: str
    given_name: str  # one or two given names (for Vietnamese: middle and given name)
    surname: str
    date_of_birth: date
    sex: str
    nationality: str
    called_by: int = 0  # which given name the person is called by (0: the first)


def _strip_accents(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d").replace("Ł", "L").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    position = rng.randrange(1, len(word))
    kind = rng.random()
    if kind < 0.3:  # deletion
        return word[:position] + word[position + 1 :]
    if kind < 0.55:  # transposition
        if position >= len(word) - 1:
            position -= 1
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind < 0.8:  # neighbouring key
        char = word[position].lower()
        return (
            word[:position] + rng.choice(KEYBOARD_NEIGHBOURS.get(char, "e")) + word[position + 1 :]
        )
    return word[:position] + word[position] + word[position:]  # doubled letter


def _prefix_variant(rng: random.Random, surname: str) -> str:
    words = surname.split(" ")
    prefix = [w for w in words if w[0].islower() or w in ("'t",)]
    core = [w for w in words if w not in prefix]
    if not prefix or not core:
        return surname
    prefix_text, core_text = " ".join(prefix), " ".join(core)
    initials = ".".join(p[0] for p in prefix) + "."
    return rng.choice(
        [
            f"{prefix_text.capitalize()} {core_text}",
            f"{core_text}, {prefix_text}",
            f"{core_text} {prefix_text}",
            f"{initials} {core_text}",
            f"{''.join(p[0] for p in prefix)} {core_text}",
            f"{prefix_text.replace(' ', '')}{core_text}" if prefix_text == "de" else core_text,
        ]
    )


def _transliterate(rng: random.Random, name: str) -> str:
    options = spelling_variants().get(name, [])
    return rng.choice(options) if options else name


def romanise(name: str, system: str) -> str:
    """An English romanisation of a Ukrainian or Russian name as another system writes it."""
    table = ROMANISATIONS[system]

    def word(text: str) -> str:
        respelled = _ROMANISATION_PATTERN.sub(
            lambda m: table.get(m.group(), m.group()), text.lower()
        )
        return respelled[:1].upper() + respelled[1:]

    return " ".join(word(w) for w in name.split(" "))


def _given_name(rng: random.Random, pool: NamePool, sex: str) -> str:
    common = pool.female if sex == "female" else pool.male
    starts, ends = (
        (pool.female_starts, pool.female_ends)
        if sex == "female"
        else (pool.male_starts, pool.male_ends)
    )
    if rng.random() < 0.5:
        return rng.choice(common)
    return rng.choice(starts) + rng.choice(ends)


def _new_person(
    rng: random.Random, number: int, rates: ErrorRates, *, today: date, like: Person | None = None
) -> Person:
    """A new person; `like` makes a brother or sister (same surname and nationality)."""
    if like is None:
        nationality = rng.choices(list(NATIONALITY_WEIGHTS), list(NATIONALITY_WEIGHTS.values()))[0]
    else:
        nationality = like.nationality
    pool = name_pools()[nationality]
    sex = "female" if rng.random() < 0.7 else "male"
    middle = ""
    if nationality == "VN":  # Vietnamese: family name, middle name, given name
        surname = rng.choice(pool.surname_starts)
        middle = rng.choice(pool.surname_ends)
    elif rng.random() < 0.4:
        surname = rng.choice(pool.surnames)
    else:
        surname = (rng.choice(pool.surname_starts) + rng.choice(pool.surname_ends)).replace(
            "  ", " "
        )
    given = _given_name(rng, pool, sex)
    if nationality != "VN" and rng.random() < rates.second_given_name:
        second = _given_name(rng, pool, sex)
        if second != given:
            given = f"{given} {second}"
    born = today - timedelta(days=int(rng.triangular(10, 45, 17) * 365.25))
    if like is not None:
        surname = like.surname
        if rng.random() < rates.twin / (rates.twin + rates.sibling):
            born = like.date_of_birth
        else:
            born = like.date_of_birth + timedelta(days=rng.choice((-1, 1)) * rng.randint(400, 2200))
    return Person(
        person_id=f"p{number}",
        given_name=" ".join(part for part in (middle, given) if part),
        surname=surname,
        date_of_birth=born,
        sex=sex,
        nationality=nationality,
        called_by=int(" " in given and rng.random() < rates.called_by_second),
    )


def make_people(
    count: int, rng: random.Random, *, today: date, rates: ErrorRates | None = None
) -> list[Person]:
    rates = rates or ErrorRates()
    people: list[Person] = []
    while len(people) < count:
        person = _new_person(rng, len(people) + 1, rates, today=today)
        people.append(person)
        if rng.random() < rates.sibling + rates.twin and len(people) < count:
            people.append(_new_person(rng, len(people) + 1, rates, today=today, like=person))
    return people


def _written_date(rng: random.Random, born: date, rates: ErrorRates) -> str:
    roll = rng.random()
    if roll < rates.missing_date:
        return ""
    roll -= rates.missing_date
    if roll < rates.year_only:  # as the source's system records an unknown day
        return rng.choices(
            [str(born.year), f"{born.year}-01-01", f"{born.year}-00-00"], [0.4, 0.45, 0.15]
        )[0]
    roll -= rates.year_only
    if roll < rates.day_off:
        return (born + timedelta(days=rng.choice((-1, 1)))).isoformat()
    roll -= rates.day_off
    if roll < rates.year_off:
        year = born.year + rng.choice((-1, 1))
        return date(year, born.month, min(born.day, 28 if born.month == 2 else 31)).isoformat()
    roll -= rates.year_off
    if born.day <= 12 and born.day != born.month and roll < rates.swapped_day_month:
        return date(born.year, born.day, born.month).isoformat()
    return born.isoformat()


def registration_row(
    person: Person,
    source: str,
    record_id: str,
    rng: random.Random,
    rates: ErrorRates,
    *,
    romanisation: str = "english",
) -> dict[str, str]:
    given, surname = person.given_name, person.surname
    if person.nationality == "UA":
        given, surname = romanise(given, romanisation), romanise(surname, romanisation)
    if person.nationality != "VN" and " " in given and rng.random() < rates.one_given_name:
        given = given.split(" ", 1)[person.called_by]
    if rng.random() < rates.transliteration:
        given = " ".join(_transliterate(rng, part) for part in given.split(" "))
    if rng.random() < rates.transliteration:
        surname = _transliterate(rng, surname)
    if " " in surname and surname.split(" ")[0].islower() and rng.random() < rates.prefix_variant:
        surname = _prefix_variant(rng, surname)
    if rng.random() < rates.typo:
        if rng.random() < 0.6:
            surname = _typo(rng, surname)
        else:
            given = _typo(rng, given)
    if rng.random() < rates.lost_accents:
        given, surname = _strip_accents(given), _strip_accents(surname)
    swap = rates.family_name_first if person.nationality == "VN" else rates.swapped_names
    if rng.random() < swap:
        given, surname = surname, given
    if rng.random() < rates.capitals:
        given, surname = given.upper(), surname.upper()
    if rng.random() < rates.missing_given_name:
        given = ""
    return {
        "record_id": record_id,
        "source": source,
        "given_name": given,
        "surname": surname,
        "date_of_birth": _written_date(rng, person.date_of_birth, rates),
        "sex": "" if rng.random() < rates.missing_sex else person.sex,
        "nationality": "" if rng.random() < rates.missing_nationality else person.nationality,
        "country_of_birth": person.nationality,
    }


def registrations(
    records: int, *, seed: int = 1, rates: ErrorRates | None = None, today: date | None = None
) -> Iterator[tuple[dict[str, str], str]]:
    """About `records` registrations (exactly that many) with the true person of each."""
    rates = rates or ErrorRates()
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    today = today or date(2026, 1, 1)
    sources = [name for name, _w in SOURCES]
    weights = [w for _n, w in SOURCES]
    people = make_people(max(1, int(records / 1.6)), rng, today=today, rates=rates)
    produced = 0
    while produced < records:
        person = people[rng.randrange(len(people))] if produced >= len(people) else people[produced]
        chosen = [rng.choices(sources, weights)[0]]
        while rng.random() < rates.extra_source and len(chosen) < 4:
            chosen.append(rng.choices(sources, weights)[0])
        if rng.random() < rates.same_source_twice:
            chosen.append(chosen[0])
        for source in chosen:
            if produced >= records:
                break
            produced += 1
            row = registration_row(
                person, source, f"r{produced}", rng, rates, romanisation=_romanisation(rng, source)
            )
            yield row, person.person_id


def _romanisation(rng: random.Random, source: str) -> str:
    """Mostly the source's own system; the police and KMar mostly copy the passport."""
    systems = list(ROMANISATION_WEIGHTS)
    if source in ("police", "kmar") and rng.random() < 0.7:
        return "passport"
    if rng.random() < 0.6:
        return systems[sum(map(ord, source)) % len(systems)]
    return rng.choices(systems, list(ROMANISATION_WEIGHTS.values()))[0]


INPUT_COLUMNS = (
    "record_id",
    "source",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "nationality",
    "country_of_birth",
)


def write_files(records: int, people_csv: Path, truth_csv: Path, *, seed: int = 1) -> None:
    with (
        people_csv.open("w", newline="", encoding="utf-8") as people,
        truth_csv.open("w", newline="", encoding="utf-8") as truth,
    ):
        people_writer = csv.DictWriter(people, fieldnames=INPUT_COLUMNS)
        truth_writer = csv.writer(truth)
        people_writer.writeheader()
        truth_writer.writerow(["record_id", "person_id"])
        for row, person_id in registrations(records, seed=seed):
            people_writer.writerow(row)
            truth_writer.writerow([row["record_id"], person_id])
