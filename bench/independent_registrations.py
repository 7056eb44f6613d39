# ruff: noqa: RUF001, RUF002, RUF003 - Cyrillic letters are meant
"""A second, independent generator of registrations, for measuring linkage on data it was not
tuned on (issue 15). Not used in any tuning loop: the linkage model and the pseudonymisation were
tuned on `baken/registry/synthetic.py` only, and measured on this set afterwards.

It shares no code, no name list and no error rate with the tuning generator:
- other populations and name pools: Dutch people with one to three official given names and a
  calling name, Russians and Ukrainians whose names are held in Cyrillic and written by each
  source in its own romanisation (passport ICAO 9303, BGN/PCGN, Dutch, German or French), Syrians,
  Turks, Chinese (family name first), Albanians, Ghanaians and Brazilians (double surnames);
- families: siblings share a surname, twins also a birth date (different people who must stay
  apart);
- people whose exact birth date is unknown: sources write 1 January of an estimated year, a
  BRP-style 00-00 date, the year alone, a year one off, or (once known) the real date;
- errors per registration: names in capitals, lost accents, typos, swapped name order (common
  for Chinese names), inverted or dropped surname prefixes ("Kasteelen, van"), only the calling
  name or all given names, a patronymic in the given name, a nickname (Zhenya for Yevgeniya), one
  of two Brazilian surnames, birth dates one day or one year off, day and month swapped, missing
  date or sex.

Deterministic for a seed; yields the input of `baken pseudonymise` with the true person.

    uv run python bench/independent_registrations.py RECORDS people.csv truth.csv [SEED]
"""

import csv
import json
import random
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

COLUMNS = (
    "record_id",
    "source",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "nationality",
    "country_of_birth",
)

# ---- populations --------------------------------------------------------------------------------

POPULATION_SHARES = {
    "NL": 0.36,
    "RU": 0.07,
    "UA": 0.08,
    "SY": 0.08,
    "TR": 0.07,
    "CN": 0.06,
    "AL": 0.06,
    "GH": 0.11,
    "BR": 0.11,
}

NAMES = json.loads((Path(__file__).parent / "data" / "independent_names.json").read_text("utf-8"))
NICKNAMES: dict[str, str] = NAMES["nicknames"]


def pool(population: str, kind: str) -> list[str]:
    return list(NAMES[population][kind])


# ---- romanisation of Cyrillic, one table per system --------------------------------------------

_LATIN = {
    # letter: (icao, bgn, dutch, german, french)
    "а": ("a", "a", "a", "a", "a"),
    "б": ("b", "b", "b", "b", "b"),
    "в": ("v", "v", "v", "w", "v"),
    "г": ("g", "g", "g", "g", "g"),
    "д": ("d", "d", "d", "d", "d"),
    "е": ("e", "e", "e", "e", "e"),
    "ё": ("e", "yo", "jo", "jo", "io"),
    "ж": ("zh", "zh", "zj", "sh", "j"),
    "з": ("z", "z", "z", "s", "z"),
    "и": ("i", "i", "i", "i", "i"),
    "й": ("i", "y", "j", "j", "ï"),
    "к": ("k", "k", "k", "k", "k"),
    "л": ("l", "l", "l", "l", "l"),
    "м": ("m", "m", "m", "m", "m"),
    "н": ("n", "n", "n", "n", "n"),
    "о": ("o", "o", "o", "o", "o"),
    "п": ("p", "p", "p", "p", "p"),
    "р": ("r", "r", "r", "r", "r"),
    "с": ("s", "s", "s", "s", "s"),
    "т": ("t", "t", "t", "t", "t"),
    "у": ("u", "u", "oe", "u", "ou"),
    "ф": ("f", "f", "f", "f", "f"),
    "х": ("kh", "kh", "ch", "ch", "kh"),
    "ц": ("ts", "ts", "ts", "z", "ts"),
    "ч": ("ch", "ch", "tsj", "tsch", "tch"),
    "ш": ("sh", "sh", "sj", "sch", "ch"),
    "щ": ("shch", "shch", "sjtsj", "schtsch", "chtch"),
    "ъ": ("ie", "", "", "", ""),
    "ы": ("y", "y", "y", "y", "y"),
    "ь": ("", "", "", "", ""),
    "э": ("e", "e", "e", "e", "e"),
    "ю": ("iu", "yu", "joe", "ju", "iou"),
    "я": ("ia", "ya", "ja", "ja", "ia"),
    "і": ("i", "i", "i", "i", "i"),
    "ї": ("i", "yi", "ji", "ji", "ï"),
    "є": ("ie", "ye", "je", "je", "ie"),
    "ґ": ("g", "g", "g", "g", "g"),
    "'": ("", "", "", "", ""),
}
SYSTEMS = ("icao", "bgn", "dutch", "german", "french")
# The Ukrainian г is an h in every system, except German and Dutch, which write it h or g.
_UKRAINIAN_H = {"icao": "h", "bgn": "h", "dutch": "h", "german": "h", "french": "h"}
_VOWELS = set("аеёиоуыэюяіїє")


def romanise(cyrillic: str, system: str, *, ukrainian: bool) -> str:
    """Cyrillic to Latin in one romanisation system; initial е/є become ye/je after a vowel or at
    the start in BGN, Dutch and German, as those systems prescribe."""
    index = SYSTEMS.index(system)
    out: list[str] = []
    previous = " "
    for char in cyrillic:
        lower = char.lower()
        if lower == "г" and ukrainian:
            latin = _UKRAINIAN_H[system]
        elif lower == "е" and (previous == " " or previous in _VOWELS or previous in "ьъ"):
            latin = {"icao": "e", "bgn": "ye", "dutch": "je", "german": "je", "french": "ie"}[
                system
            ]
        elif lower == "и" and ukrainian:
            latin = "y"
        elif lower in _LATIN:
            latin = _LATIN[lower][index]
        else:
            latin = char
        if char != lower and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        previous = lower
    return "".join(out)


# ---- people -------------------------------------------------------------------------------------


@dataclass
class Individual:
    number: int
    population: str
    sex: str
    given_names: list[str]  # official, in order (Cyrillic for RU/UA)
    calling: int  # index of the name used day to day
    surname: str
    born: date
    date_unknown: bool  # documents carry an assumed date
    patronymic: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"q{self.number}"


def _weighted(rng: random.Random, pool: list[str], skew: float = 1.1) -> str:
    """Zipf-like: a few names are common, most are rare."""
    weights = [1 / (rank + 1) ** skew for rank in range(len(pool))]
    return rng.choices(pool, weights)[0]


def _dutch_surname(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return _weighted(rng, pool("NL", "surnames"), 0.9)
    stem = rng.choice(pool("NL", "stems")) + rng.choice(pool("NL", "endings"))
    return f"{rng.choice(pool('NL', 'prefixes'))} {stem}" if rng.random() < 0.3 else stem


def _patronymic(father: str, sex: str, ukrainian: bool) -> str:
    stem = father.removesuffix("ий").removesuffix("ій").removesuffix("й").removesuffix("о")
    if ukrainian:
        return stem + ("івна" if sex == "female" else "ович")
    return stem + ("овна" if sex == "female" else "ович")


def _surname_for_sex(surname: str, sex: str) -> str:
    if sex != "female":
        return surname
    for male, female in (("ский", "ская"), ("ький", "ька"), ("ёв", "ёва"), ("ов", "ова")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    if surname.endswith(("ин", "ын", "ев")):
        return surname + "а"
    return surname


def _new_individual(rng: random.Random, number: int, today: date) -> Individual:
    population = rng.choices(list(POPULATION_SHARES), list(POPULATION_SHARES.values()))[0]
    sex = "female" if rng.random() < 0.66 else "male"
    age_years = rng.triangular(11, 40, 18)
    born = today - timedelta(days=int(age_years * 365.25) + rng.randrange(365))
    unknown_share = {"NL": 0.01, "BR": 0.03, "TR": 0.04}.get(population, 0.12)
    calling = 0
    patronymic = ""
    if population == "NL":
        names = pool("NL", sex)
        given = [_weighted(rng, names, 0.8) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        given = list(dict.fromkeys(given))
        calling = 1 if len(given) > 1 and rng.random() < 0.25 else 0
        surname = _dutch_surname(rng)
    elif population in ("RU", "UA"):
        given = [_weighted(rng, pool(population, sex), 0.7)]
        patronymic = _patronymic(rng.choice(pool(population, "male")), sex, population == "UA")
        surname = _surname_for_sex(_weighted(rng, pool(population, "surnames"), 0.6), sex)
    elif population == "CN":
        syllables = rng.sample(pool("CN", "syllables"), rng.choice((1, 2, 2, 2)))
        given = ["".join(s.lower() if i else s for i, s in enumerate(syllables))]
        surname = _weighted(rng, pool("CN", "surnames"), 1.2)
    elif population == "GH":
        given = [rng.choice(pool("GH", sex))]
        if rng.random() < 0.4:
            given = [rng.choice(pool("GH", f"christian_{sex}")), *given]
        surname = _weighted(rng, pool("GH", "surnames"), 0.7)
    elif population == "BR":
        given = _weighted(rng, pool("BR", sex), 0.8).split()
        first = _weighted(rng, pool("BR", "surnames"), 0.9)
        second = _weighted(rng, pool("BR", "surnames"), 0.9)
        # Two family names (mother's, father's), kept apart by "|" until a source writes them.
        surname = first if first == second or rng.random() < 0.3 else f"{first}|{second}"
    else:  # SY, TR, AL: one given name, a family name
        skew = {"SY": 0.9, "TR": 0.9, "AL": 0.8}[population]
        given = [_weighted(rng, pool(population, sex), skew)]
        surname = _weighted(rng, pool(population, "surnames"), skew)
    return Individual(
        number=number,
        population=population,
        sex=sex,
        given_names=given,
        calling=calling,
        surname=surname,
        born=born,
        date_unknown=rng.random() < unknown_share,
        patronymic=patronymic,
    )


def _sibling(rng: random.Random, of: Individual, number: int, *, twin: bool) -> Individual:
    """A brother or sister: same family name and origin; a twin has the same birth date."""
    template = _new_individual(rng, number, of.born + timedelta(days=400))
    while template.population != of.population:
        template = _new_individual(rng, number, of.born + timedelta(days=400))
    apart = timedelta(days=rng.choice((-1, 1)) * rng.randint(400, 2000))
    born = of.born if twin else of.born + apart
    surname = of.surname
    if of.population in ("RU", "UA"):
        male_form = of.surname
        for female, male in (("ская", "ский"), ("ька", "ький"), ("ёва", "ёв"), ("ова", "ов")):
            if of.surname.endswith(female):
                male_form = of.surname[: -len(female)] + male
        if of.sex == "female" and male_form == of.surname and of.surname.endswith(("ина", "ева")):
            male_form = of.surname[:-1]
        surname = _surname_for_sex(male_form, template.sex)
    return Individual(
        number=number,
        population=of.population,
        sex=template.sex,
        given_names=template.given_names,
        calling=template.calling,
        surname=surname,
        born=born,
        date_unknown=of.date_unknown,
        patronymic=template.patronymic,
    )


# ---- what a source writes -----------------------------------------------------------------------

SOURCE_SHARES = {
    "politie": 0.30,
    "zorgcoordinatie": 0.27,
    "fairwork": 0.14,
    "arbeidsinspectie": 0.08,
    "marechaussee": 0.07,
    "jeugdzorg-noord": 0.04,
    "jeugdzorg-zuid": 0.04,
    "opvang": 0.06,
}
PASSPORT_SOURCES = {"politie", "marechaussee", "arbeidsinspectie"}
SEX_CODES = {
    "female": ("v", "V", "f", "vrouw", "F"),
    "male": ("m", "M", "man", "male"),
}
NATIONALITY_WRITING = {
    "NL": ("NL", "Nederlandse", "NLD"),
    "RU": ("RU", "Russische", "RUS"),
    "UA": ("UA", "Oekraïense", "UKR"),
    "SY": ("SY", "Syrische", "SYR"),
    "TR": ("TR", "Turkse", "TUR"),
    "CN": ("CN", "Chinese", "CHN"),
    "AL": ("AL", "Albanese", "ALB"),
    "GH": ("GH", "Ghanese", "GHA"),
    "BR": ("BR", "Braziliaanse", "BRA"),
}
KEY_SLIPS = {
    "a": "sq",
    "e": "rw",
    "i": "ou",
    "o": "ip",
    "n": "bm",
    "r": "te",
    "s": "ad",
    "t": "ry",
    "l": "k",
    "h": "gj",
    "k": "jl",
    "m": "n",
    "d": "sf",
    "u": "yi",
}
SOUND_SPELLINGS = (
    ("ij", "y"),
    ("y", "ij"),
    ("ei", "ij"),
    ("ph", "f"),
    ("c", "k"),
    ("k", "c"),
    ("ou", "au"),
    ("dt", "d"),
    ("ie", "i"),
    ("ee", "e"),
)


@dataclass(frozen=True)
class Rates:
    """Error rates of this set: chosen independently of the tuning generator's ErrorRates."""

    capitals: float = 0.12
    lost_accents: float = 0.45
    slip: float = 0.05  # one typo or sound-alike spelling in one name
    second_slip: float = 0.005
    swapped_order: float = 0.02  # given name and surname written in each other's field
    chinese_family_first: float = 0.3
    prefix_inverted: float = 0.25  # "Kasteelen, van"
    prefix_dropped: float = 0.08
    prefix_abbreviated: float = 0.07
    all_given_names: float = 0.35  # otherwise the calling name only
    patronymic: float = 0.15  # of Russian/Ukrainian registrations
    nickname: float = 0.02
    one_surname_only: float = 0.3  # of Brazilian double surnames
    day_off: float = 0.015
    year_off: float = 0.015
    day_month_swapped: float = 0.01
    date_missing: float = 0.03
    sex_missing: float = 0.04
    nationality_missing: float = 0.1
    extra_source: float = 0.42
    repeat_by_same_source: float = 0.04
    siblings: float = 0.06
    twins: float = 0.01


def _strip_marks(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _slip(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    lower = word.lower()
    if rng.random() < 0.35:
        options = [(a, b) for a, b in SOUND_SPELLINGS if a in lower[1:]]
        if options:
            a, b = rng.choice(options)
            at = lower.index(a, 1)
            return word[:at] + b + word[at + len(a) :]
    at = rng.randrange(1, len(word) - 1)
    roll = rng.random()
    if roll < 0.3:
        return word[:at] + word[at + 1 :]
    if roll < 0.55:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if roll < 0.85:
        return word[:at] + rng.choice(KEY_SLIPS.get(word[at].lower(), "e")) + word[at + 1 :]
    return word[:at] + word[at] + word[at:]


def _written_date(rng: random.Random, person: Individual, rates: Rates, knows: bool) -> str:
    born = person.born
    if rng.random() < rates.date_missing:
        return ""
    if person.date_unknown and not knows:
        year = born.year + (rng.choice((-1, 1)) if rng.random() < 0.2 else 0)
        convention = rng.random()
        if convention < 0.6:
            return f"{year}-01-01"
        if convention < 0.75:
            return f"{year}-00-00"
        return str(year)
    roll = rng.random()
    if roll < rates.day_off:
        return (born + timedelta(days=rng.choice((-1, 1)))).isoformat()
    if roll < rates.day_off + rates.year_off:
        year = born.year + rng.choice((-1, 1))
        day = min(born.day, 28) if born.month == 2 else born.day
        return date(year, born.month, day).isoformat()
    if roll < rates.day_off + rates.year_off + rates.day_month_swapped and born.day <= 12:
        return date(born.year, born.day, born.month).isoformat()
    return born.isoformat()


def _written_names(
    rng: random.Random, person: Individual, source: str, rates: Rates
) -> tuple[str, str]:
    given_names = list(person.given_names)
    surname = person.surname
    if person.population in ("RU", "UA"):
        ukrainian = person.population == "UA"
        if rng.random() < rates.nickname and given_names[0] in NICKNAMES:
            given_names = [NICKNAMES[given_names[0]]]
        if rng.random() < rates.patronymic:
            given_names = [*given_names, person.patronymic]
        if source in PASSPORT_SOURCES:
            system = "icao" if rng.random() < 0.7 else "bgn"
        else:
            system = rng.choices(SYSTEMS, (0.15, 0.25, 0.35, 0.15, 0.1))[0]
        given_names = [romanise(n, system, ukrainian=ukrainian) for n in given_names]
        surname = romanise(surname, system, ukrainian=ukrainian)
    if len(given_names) > 1 and person.population == "NL":
        if rng.random() >= rates.all_given_names:
            given_names = [given_names[person.calling]]
    elif person.population == "GH" and len(given_names) > 1 and rng.random() < 0.4:
        given_names = [rng.choice(given_names)]
    if person.population == "BR" and "|" in surname:
        first, second = surname.split("|")
        if rng.random() < rates.one_surname_only:
            surname = second if rng.random() < 0.6 else first
        else:
            surname = f"{first} {second}"
    given = " ".join(given_names)
    if person.population == "NL" and surname[0].islower():
        words = surname.split(" ")
        prefix_words = [w for w in words if w.islower() or w == "'t"]
        core = " ".join(w for w in words if w not in prefix_words)
        prefix = " ".join(prefix_words)
        roll = rng.random()
        if roll < rates.prefix_inverted:
            surname = f"{core}, {prefix}"
        elif roll < rates.prefix_inverted + rates.prefix_dropped:
            surname = core
        elif roll < rates.prefix_inverted + rates.prefix_dropped + rates.prefix_abbreviated:
            surname = " ".join(p[0] + "." for p in prefix_words) + f" {core}"
        elif rng.random() < 0.3:
            surname = prefix.capitalize() + f" {core}"
    if rng.random() < rates.slip:
        if rng.random() < 0.55:
            surname = _slip(rng, surname)
        else:
            given = _slip(rng, given)
        if rng.random() < rates.second_slip / rates.slip:
            given = _slip(rng, given)
    if person.population == "CN":
        if rng.random() < rates.chinese_family_first:
            given, surname = surname, given
        elif rng.random() < 0.25 and len(given) > 4:
            given = " ".join(_split_pinyin(given))
    elif rng.random() < rates.swapped_order:
        given, surname = surname, given
    if rng.random() < rates.lost_accents:
        given, surname = _strip_marks(given), _strip_marks(surname)
    if rng.random() < rates.capitals:
        given, surname = given.upper(), surname.upper()
    return given, surname


def _split_pinyin(joined: str) -> list[str]:
    lower = joined.lower()
    for syllable in sorted(pool("CN", "syllables"), key=len, reverse=True):
        s = syllable.lower()
        if lower.startswith(s) and len(lower) > len(s):
            return [joined[: len(s)], joined[len(s) :].capitalize()]
    return [joined]


def registrations(
    records: int, *, seed: int = 90210, rates: Rates | None = None, today: date | None = None
) -> Iterator[tuple[dict[str, str], str]]:
    """Exactly `records` registrations with the true person of each."""
    rates = rates or Rates()
    rng = random.Random(seed)
    today = today or date(2026, 6, 30)
    sources, shares = list(SOURCE_SHARES), list(SOURCE_SHARES.values())
    written = 0
    number = 0
    queue: list[Individual] = []
    while written < records:
        if queue:
            person = queue.pop()
        else:
            number += 1
            person = _new_individual(rng, number, today)
            roll = rng.random()
            if roll < rates.siblings + rates.twins:
                number += 1
                queue.append(_sibling(rng, person, number, twin=roll < rates.twins))
        chosen = [rng.choices(sources, shares)[0]]
        while rng.random() < rates.extra_source and len(chosen) < 5:
            chosen.append(rng.choices(sources, shares)[0])
        if rng.random() < rates.repeat_by_same_source:
            chosen.append(chosen[-1])
        for index, source in enumerate(chosen):
            if written >= records:
                break
            written += 1
            knows_date = index > 0 and rng.random() < 0.3
            given, surname = _written_names(rng, person, source, rates)
            sex = "" if rng.random() < rates.sex_missing else rng.choice(SEX_CODES[person.sex])
            nationality = (
                ""
                if rng.random() < rates.nationality_missing
                else rng.choice(NATIONALITY_WRITING[person.population])
            )
            row = {
                "record_id": f"i{written}",
                "source": source,
                "given_name": given,
                "surname": surname,
                "date_of_birth": _written_date(rng, person, rates, knows_date),
                "sex": sex,
                "nationality": nationality,
                "country_of_birth": person.population,
            }
            yield row, person.key


def write_files(records: int, people_csv: Path, truth_csv: Path, *, seed: int = 90210) -> None:
    with (
        people_csv.open("w", newline="", encoding="utf-8") as people,
        truth_csv.open("w", newline="", encoding="utf-8") as truth,
    ):
        writer = csv.DictWriter(people, fieldnames=COLUMNS)
        writer.writeheader()
        truth_writer = csv.writer(truth)
        truth_writer.writerow(["record_id", "person_id"])
        for row, person in registrations(records, seed=seed):
            writer.writerow(row)
            truth_writer.writerow([row["record_id"], person])


if __name__ == "__main__":
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 90210
    write_files(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), seed=seed)
