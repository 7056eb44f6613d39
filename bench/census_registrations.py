"""A third, census-shaped generator of registrations: names drawn from frequency models shaped
like real populations (bench/name_frequencies.py: the most common Dutch surname, De Jong, about
0.5 % of people, about 300,000 distinct Dutch surnames, given names by birth cohort), so that
the number of distinct people who share a name and a year of birth is about what a registry of
Dutch-like registrations would meet. The sources of those figures are cited in
bench/name_frequencies.py.

Independent of the other two generators (baken/registry/synthetic.py, the tuning set, and
bench/independent_registrations.py): its own code, its own seed, its own origins and name
models, its own error rates (`Rates` below). Not tuned on: the linkage model was fixed before
this set was first measured.

Populations (shares of people): Dutch 55 %, Nigerian 10 %, Moroccan 10 % (names written in
French, Dutch or English transcription: Bouzid/Boezid/Buzid, Khadija/Chadija), Polish 9 %
(diacritics kept or lost: Łukasz/Lukasz), Romanian 9 %, Vietnamese 7 % (family name first or
last, the middle name written or not). Dutch people have one to three official given names (a
traditional second name, Maria or Johannes, is common); a source working from an identity
document writes all of them more often than one writing what the person says.

Errors per registration, at the rates of `Rates` (all documented there): capitals, lost
diacritics, typos, given name and surname in each other's field, surname prefix inverted
("Berg, van den"), dropped or abbreviated, a married Dutch woman under her partner's surname
joined to her own ("Bakker-de Jong"), only the first or all given names, people whose exact
birth date is unknown (1 January, 00-00, or the year alone, the estimated year sometimes one off;
a later source sometimes knows the real date), dates one day or one year off, day and month
swapped, missing date or sex. Families: brothers and sisters (same surname) and twins (same
surname and date of birth), who must stay apart.

Deterministic for a seed; yields the input of `baken pseudonymise` with the true person.

    uv run python bench/census_registrations.py RECORDS people.csv truth.csv [SEED]
"""

import csv
import random
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.name_frequencies import NameMaker, NameModel, counts_to_shares, syllable_names

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
ORIGINS = {"NL": 0.55, "NG": 0.10, "MA": 0.10, "PL": 0.09, "RO": 0.09, "VN": 0.07}
# Share of people whose exact date of birth is unknown to at least the first source.
DATE_UNKNOWN = {"NL": 0.005, "PL": 0.01, "RO": 0.03, "NG": 0.22, "MA": 0.05, "VN": 0.08}

# ---- name models --------------------------------------------------------------------------------

_NL_SURNAME_BEARERS = (  # Nederlandse Familienamenbank, 2007, rounded (see name_frequencies)
    ("de Jong", 84_000),
    ("Jansen", 73_000),
    ("de Vries", 71_000),
    ("van den Berg", 60_000),
    ("van Dijk", 57_000),
    ("Bakker", 55_000),
    ("Janssen", 54_000),
    ("Visser", 50_000),
    ("Smit", 47_000),
    ("Meijer", 45_000),
    ("de Boer", 44_000),
    ("Mulder", 42_000),
    ("de Groot", 42_000),
    ("Bos", 41_000),
    ("Vos", 35_000),
    ("Peters", 34_000),
    ("Hendriks", 34_000),
    ("van Leeuwen", 33_000),
    ("Dekker", 32_000),
    ("Brouwer", 30_000),
    ("de Wit", 30_000),
    ("Dijkstra", 29_000),
    ("Smits", 28_000),
    ("de Graaf", 28_000),
    ("van der Meer", 28_000),
)
_NL_PREFIXES = ("van", "de", "van der", "van den", "van de", "ter", "van 't", "ten", "in 't")
# fmt: off
_NL_CORE = syllable_names(
    (
        ("B", "Br", "D", "Dr", "G", "Gr", "H", "K", "Kl", "Kr", "L", "M", "N", "P", "R", "S",
         "Sch", "Sl", "St", "T", "V", "W", "Z", "Bl", "Fl", "Sp", "Sm", "J", "Kn", "Wr"),
        ("a", "aa", "e", "ee", "i", "ie", "o", "oo", "u", "uu", "ij", "ei", "ou", "oe", "eu"),
        ("l", "ll", "n", "nk", "r", "rd", "rk", "s", "st", "t", "k", "m", "nd", "ns", "ls", "lt",
         "rt", "ng", "ck", "p"),
        ("", "er", "ers", "ing", "man", "mans", "sma", "stra", "ink", "hof", "veld", "berg",
         "kamp", "huis", "horst", "dijk", "broek", "beek", "ma", "s", "en", "ert", "el", "boom",
         "straten", "meijer", "kes", "je", "ens", "ingh", "hout", "laar", "weg", "brug", "water"),
    ),
    salt=11,
)
# fmt: on


def _nl_surname_tail(rank: int) -> str:
    core = _NL_CORE(rank)
    # About a quarter of Dutch surnames have a prefix (van, de, van der ...).
    if rank % 4 == 1:
        return f"{_NL_PREFIXES[(rank // 4) % len(_NL_PREFIXES)]} {core}"
    return core


_GIVEN_HEADS = {  # (cohort, sex): the most common names and their share of the cohort's sex
    ("1980", "female"): (
        ("Laura", 0.015),
        ("Lisa", 0.014),
        ("Kim", 0.013),
        ("Linda", 0.012),
        ("Sanne", 0.011),
        ("Marloes", 0.009),
        ("Anne", 0.009),
        ("Esther", 0.009),
        ("Iris", 0.008),
        ("Manon", 0.008),
        ("Maaike", 0.008),
        ("Chantal", 0.008),
    ),
    ("1980", "male"): (
        ("Kevin", 0.016),
        ("Dennis", 0.015),
        ("Mark", 0.013),
        ("Rick", 0.012),
        ("Tim", 0.011),
        ("Thomas", 0.011),
        ("Michael", 0.010),
        ("Sander", 0.010),
        ("Jeroen", 0.009),
        ("Niels", 0.009),
        ("Stefan", 0.009),
        ("Patrick", 0.008),
    ),
    ("1995", "female"): (
        ("Lisa", 0.013),
        ("Anne", 0.011),
        ("Sanne", 0.011),
        ("Lotte", 0.010),
        ("Kim", 0.009),
        ("Iris", 0.008),
        ("Fleur", 0.008),
        ("Laura", 0.008),
        ("Britt", 0.007),
        ("Romy", 0.007),
        ("Sophie", 0.007),
        ("Eva", 0.007),
    ),
    ("1995", "male"): (
        ("Tim", 0.013),
        ("Thomas", 0.012),
        ("Daan", 0.011),
        ("Lars", 0.010),
        ("Niels", 0.009),
        ("Bram", 0.009),
        ("Jesse", 0.009),
        ("Tom", 0.009),
        ("Stijn", 0.008),
        ("Rick", 0.008),
        ("Nick", 0.008),
        ("Luuk", 0.006),
    ),
    ("2005", "female"): (
        ("Emma", 0.010),
        ("Sophie", 0.009),
        ("Julia", 0.009),
        ("Lisa", 0.008),
        ("Anna", 0.007),
        ("Tess", 0.007),
        ("Eva", 0.007),
        ("Sara", 0.006),
        ("Lotte", 0.006),
        ("Fenna", 0.005),
        ("Sanne", 0.005),
        ("Noa", 0.005),
    ),
    ("2005", "male"): (
        ("Daan", 0.011),
        ("Sem", 0.010),
        ("Lucas", 0.009),
        ("Levi", 0.009),
        ("Milan", 0.008),
        ("Bram", 0.008),
        ("Luuk", 0.008),
        ("Thomas", 0.007),
        ("Jesse", 0.007),
        ("Thijs", 0.007),
        ("Finn", 0.006),
        ("Ruben", 0.006),
    ),
}
_TRADITIONAL = {
    "female": (
        ("Maria", 0.16),
        ("Johanna", 0.08),
        ("Cornelia", 0.06),
        ("Wilhelmina", 0.05),
        ("Elisabeth", 0.05),
        ("Anna", 0.04),
        ("Catharina", 0.04),
        ("Hendrika", 0.03),
        ("Geertruida", 0.02),
        ("Petronella", 0.02),
    ),
    "male": (
        ("Johannes", 0.12),
        ("Cornelis", 0.07),
        ("Hendrik", 0.06),
        ("Jan", 0.06),
        ("Petrus", 0.05),
        ("Willem", 0.05),
        ("Jacobus", 0.04),
        ("Gerardus", 0.04),
        ("Antonius", 0.03),
        ("Adrianus", 0.03),
    ),
}
_GIVEN_ONSETS: tuple[str, ...] = (
    *("B", "D", "F", "G", "H", "J", "K", "L", "M", "N", "R", "S", "T", "V", "W", "Z"),
    *("Br", "St", "Fr", "Gr"),
)
_GIVEN_VOWELS = ("a", "e", "i", "o", "u", "aa", "ee", "ie", "oe", "y", "ij", "ei")
_GIVEN_CODAS = ("l", "n", "r", "s", "m", "k", "nn", "rt", "nd", "ll")
_GIVEN_ENDINGS = {
    "female": ("a", "e", "ie", "ke", "je", "ina", "ine", "y", "", "ja", "ra", "lien"),
    "male": ("", "o", "er", "en", "ard", "ijn", "us", "ert", "is", "el", "an", "im"),
}


def _given_tail(sex: str, salt: int) -> NameMaker:
    return syllable_names(
        (_GIVEN_ONSETS, _GIVEN_VOWELS, _GIVEN_CODAS, _GIVEN_ENDINGS[sex]), salt=salt
    )


def _cohort(year: int) -> str:
    return "1980" if year < 1995 else "1995" if year < 2005 else "2005"


_FOREIGN: dict[str, dict[str, Any]] = {
    "PL": {
        "surnames": counts_to_shares(
            (
                ("Nowak", 200_000),
                ("Kowalski", 140_000),
                ("Wiśniewski", 110_000),
                ("Wójcik", 99_000),
                ("Kowalczyk", 97_000),
                ("Kamiński", 95_000),
                ("Lewandowski", 93_000),
                ("Zieliński", 91_000),
                ("Szymański", 89_000),
                ("Woźniak", 88_000),
                ("Dąbrowski", 85_000),
                ("Kozłowski", 73_000),
            ),
            38_000_000,
        ),
        "surname_distinct": 400_000,
        "surname_parts": (
            ("K", "W", "Z", "S", "D", "M", "P", "L", "Gr", "Ch", "Br", "J", "R", "T", "B", "Kr"),
            ("o", "a", "e", "i", "y", "ó", "ą", "ę"),
            ("w", "l", "r", "n", "s", "ch", "rz", "sz", "d", "b", "ł", "m"),
            ("o", "a", "e", "i", "y", "ó", "ą", "ę"),
            ("w", "l", "r", "n", "s", "ch", "rz", "sz", "d", "b", "ł", "m"),
            (
                "ski",
                "cki",
                "czyk",
                "ak",
                "ek",
                "owicz",
                "iak",
                "ewski",
                "owski",
                "czak",
                "ik",
                "ński",
                "ała",
                "ek",
                "uś",
                "ko",
            ),
        ),
        "female": (
            ("Anna", 0.035),
            ("Katarzyna", 0.025),
            ("Maria", 0.022),
            ("Małgorzata", 0.020),
            ("Agnieszka", 0.018),
            ("Barbara", 0.015),
            ("Ewa", 0.015),
            ("Magdalena", 0.014),
            ("Joanna", 0.013),
            ("Aleksandra", 0.012),
            ("Monika", 0.011),
            ("Natalia", 0.010),
        ),
        "male": (
            ("Piotr", 0.030),
            ("Krzysztof", 0.027),
            ("Andrzej", 0.024),
            ("Tomasz", 0.020),
            ("Paweł", 0.020),
            ("Jan", 0.019),
            ("Michał", 0.018),
            ("Marcin", 0.017),
            ("Jakub", 0.015),
            ("Kamil", 0.013),
            ("Łukasz", 0.013),
            ("Mateusz", 0.012),
        ),
        "given_distinct": 8_000,
    },
    "RO": {
        "surnames": counts_to_shares(
            (
                ("Popa", 170_000),
                ("Popescu", 150_000),
                ("Pop", 130_000),
                ("Radu", 95_000),
                ("Dumitru", 85_000),
                ("Stan", 80_000),
                ("Stoica", 76_000),
                ("Gheorghe", 76_000),
                ("Matei", 66_000),
                ("Ciobanu", 66_000),
                ("Rusu", 61_000),
                ("Ionescu", 57_000),
            ),
            19_000_000,
        ),
        "surname_distinct": 150_000,
        "surname_parts": (
            ("B", "C", "D", "G", "M", "N", "P", "R", "S", "T", "V", "Fl", "Dr", "Ch", "Str"),
            ("a", "ă", "e", "i", "o", "u", "â", "ea"),
            ("l", "n", "r", "s", "t", "ș", "ț", "d", "m", "c"),
            ("a", "ă", "e", "i", "o", "u", "â", "ea"),
            ("l", "n", "r", "s", "t", "ș", "ț", "d", "m", "c"),
            ("escu", "eanu", "aru", "ache", "ete", "oiu", "an", "ea", "uț", "ilă", "aș", "oi"),
        ),
        "female": (
            ("Elena", 0.040),
            ("Maria", 0.035),
            ("Ioana", 0.020),
            ("Andreea", 0.020),
            ("Mihaela", 0.018),
            ("Alexandra", 0.017),
            ("Ana", 0.015),
            ("Gabriela", 0.014),
            ("Cristina", 0.013),
            ("Daniela", 0.012),
            ("Florentina", 0.010),
            ("Georgiana", 0.010),
        ),
        "male": (
            ("Ion", 0.030),
            ("Andrei", 0.025),
            ("Alexandru", 0.025),
            ("Mihai", 0.022),
            ("Gheorghe", 0.020),
            ("Constantin", 0.020),
            ("Ionuț", 0.018),
            ("Florin", 0.016),
            ("Marian", 0.015),
            ("Adrian", 0.014),
            ("Nicolae", 0.013),
            ("Gabriel", 0.012),
        ),
        "given_distinct": 6_000,
    },
    "NG": {
        "surnames": (
            ("Okafor", 0.006),
            ("Ibrahim", 0.006),
            ("Musa", 0.0055),
            ("Adeyemi", 0.004),
            ("Okonkwo", 0.004),
            ("Eze", 0.004),
            ("Bello", 0.0035),
            ("Osagie", 0.0035),
            ("Okoro", 0.003),
            ("Nwachukwu", 0.003),
            ("Igbinedion", 0.0025),
            ("Ogunleye", 0.0025),
            ("Omoregie", 0.0022),
        ),
        "surname_distinct": 60_000,
        "surname_parts": (
            ("O", "A", "E", "I", "U", "Ok", "Ad", "Ig", "Og", "Ob", "Nw", "Ez", "Ol", "Om"),
            ("ba", "de", "gun", "mo", "ri", "la", "ye", "si", "ke", "na", "chu", "ze", "sa"),
            ("ba", "de", "gun", "mo", "ri", "la", "ye", "si", "ke", "na", "chu", "ze", "sa"),
            (
                "ro",
                "gie",
                "wa",
                "kwu",
                "yemi",
                "bi",
                "du",
                "nye",
                "fo",
                "le",
                "ji",
                "ma",
                "ko",
                "mi",
                "nna",
                "si",
                "tu",
                "lo",
                "dei",
                "ke",
                "ye",
                "ru",
                "ha",
                "zo",
                "chi",
                "gu",
            ),
        ),
        "female": (
            ("Blessing", 0.050),
            ("Joy", 0.035),
            ("Precious", 0.030),
            ("Favour", 0.025),
            ("Gift", 0.020),
            ("Faith", 0.020),
            ("Mercy", 0.018),
            ("Esther", 0.016),
            ("Osas", 0.015),
            ("Efe", 0.014),
            ("Peace", 0.012),
            ("Happiness", 0.011),
        ),
        "male": (
            ("Emmanuel", 0.040),
            ("Samuel", 0.030),
            ("Daniel", 0.025),
            ("Godwin", 0.020),
            ("Osaretin", 0.018),
            ("Chinedu", 0.016),
            ("Ibrahim", 0.016),
            ("Musa", 0.015),
            ("Victor", 0.014),
            ("Sunday", 0.014),
            ("Friday", 0.012),
            ("Kelvin", 0.011),
        ),
        "given_distinct": 5_000,
    },
    "VN": {
        "surnames": (
            ("Nguyễn", 0.38),
            ("Trần", 0.11),
            ("Lê", 0.095),
            ("Phạm", 0.071),
            ("Hoàng", 0.051),
            ("Phan", 0.045),
            ("Vũ", 0.039),
            ("Đặng", 0.021),
            ("Bùi", 0.020),
            ("Đỗ", 0.014),
            ("Hồ", 0.013),
            ("Ngô", 0.013),
            ("Dương", 0.010),
            ("Lý", 0.005),
        ),
        "surname_distinct": 1_000,
        "surname_parts": (
            ("Kh", "Qu", "Th", "Tr", "Ch", "Gi", "L", "M", "T", "V", "H", "C", "Đ"),
            ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"),
            ("", "n", "ng", "nh", "m", "c", "t", "p", "ch"),
        ),
        "female": (
            ("Lan", 0.05),
            ("Hương", 0.045),
            ("Linh", 0.045),
            ("Trang", 0.04),
            ("Mai", 0.035),
            ("Hoa", 0.03),
            ("Hằng", 0.03),
            ("Ngọc", 0.028),
            ("Thảo", 0.027),
            ("Hà", 0.025),
            ("Anh", 0.025),
            ("Phương", 0.022),
        ),
        "male": (
            ("Minh", 0.05),
            ("Hùng", 0.045),
            ("Tuấn", 0.04),
            ("Dũng", 0.035),
            ("Hải", 0.03),
            ("Nam", 0.03),
            ("Long", 0.028),
            ("Sơn", 0.027),
            ("Thắng", 0.025),
            ("Cường", 0.025),
            ("Đức", 0.022),
            ("Hiếu", 0.02),
        ),
        "given_distinct": 400,
    },
    "MA": {
        # Written with transcription marks: U = ou/oe/u, S = ch/sj/sh, X = kh/ch/kh, W = ou/w/w
        # (French, Dutch, English), rendered by each source in its own convention.
        "surnames": (
            ("AlaWi", 0.010),
            ("el Idrisi", 0.008),
            ("Ben Ali", 0.007),
            ("Benani", 0.006),
            ("Tazi", 0.005),
            ("el Amrani", 0.005),
            ("BUzid", 0.004),
            ("WaSi", 0.004),
            ("el XatiB", 0.0035),
            ("BUtaleb", 0.0035),
            ("SaWi", 0.003),
            ("el Mansuri", 0.003),
        ),
        "surname_distinct": 60_000,
        "surname_parts": (
            ("Ben ", "el ", "BU", "Ait ", "", ""),
            ("Am", "Ta", "Ha", "Xa", "Ma", "Za", "Ra", "Na", "Sa", "Ka", "Fa", "Ja", "Ba"),
            ("ri", "zi", "di", "li", "ni", "mi", "Wi", "bi", "ssi", "ti"),
            ("", "", "", "", "", "ha", "ma", "ra", "na", "sa", "ka", "ja"),
            ("", "ni", "ri", "a", "i", "Ui", "la", "ki", "fi", "dani", "sai", "Wa", "ma"),
        ),
        "female": (
            ("Fatima", 0.050),
            ("Xadija", 0.030),
            ("Naima", 0.020),
            ("Samira", 0.020),
            ("Latifa", 0.018),
            ("Nadia", 0.018),
            ("Malika", 0.015),
            ("Zineb", 0.014),
            ("Hanane", 0.012),
            ("SUad", 0.012),
            ("RaSida", 0.012),
            ("Ikram", 0.010),
        ),
        "male": (
            ("Mohamed", 0.060),
            ("Ahmed", 0.030),
            ("YUsef", 0.025),
            ("Said", 0.020),
            ("MUstafa", 0.020),
            ("RaSid", 0.018),
            ("Abdelkader", 0.015),
            ("Hasan", 0.015),
            ("Xalid", 0.015),
            ("Karim", 0.012),
            ("Hamza", 0.012),
            ("Mehdi", 0.010),
        ),
        "given_distinct": 4_000,
    },
}


@cache
def surname_model(origin: str) -> NameModel:
    if origin == "NL":
        return NameModel(
            counts_to_shares(_NL_SURNAME_BEARERS, 16_400_000), 300_000, _nl_surname_tail
        )
    spec = _FOREIGN[origin]
    maker = syllable_names(spec["surname_parts"], salt=len(origin) + ord(origin[0]))
    return NameModel(spec["surnames"], spec["surname_distinct"], maker)


@cache
def given_model(origin: str, sex: str, cohort: str = "") -> NameModel:
    salt = ord(origin[0]) + (1 if sex == "male" else 0) + (int(cohort) if cohort else 0)
    if origin == "NL":
        return NameModel(_GIVEN_HEADS[(cohort, sex)], 20_000, _given_tail(sex, salt))
    spec = _FOREIGN[origin]
    parts = spec["surname_parts"]
    maker = (
        syllable_names(parts, salt=salt)
        if origin == "VN"
        else syllable_names((_GIVEN_ONSETS, *parts[1:3], _GIVEN_ENDINGS[sex]), salt=salt)
    )
    return NameModel(spec[sex], spec["given_distinct"], maker)


@cache
def traditional_model(sex: str) -> NameModel:
    return NameModel(_TRADITIONAL[sex], 600, _given_tail(sex, 97))


# ---- people -------------------------------------------------------------------------------------


@dataclass
class Person:
    number: int
    origin: str
    sex: str
    given: list[str]  # official given names in order; the first is the calling name
    surname: str
    born: date
    date_unknown: bool
    calling: int = 0  # which given name is used day to day
    middle: str = ""  # Vietnamese middle name (Thị, Văn)
    partner_surname: str = ""  # a married Dutch woman's partner's surname

    @property
    def key(self) -> str:
        return f"c{self.number}"


def _new_person(rng: random.Random, number: int, today: date) -> Person:
    origin = rng.choices(list(ORIGINS), list(ORIGINS.values()))[0]
    sex = "female" if rng.random() < 0.7 else "male"
    age = rng.triangular(12, 45, 19)
    born = today - timedelta(days=int(age * 365.25) + rng.randrange(365))
    middle = partner = ""
    calling = 0
    if origin == "NL":
        given = [given_model("NL", sex, _cohort(born.year)).draw(rng)]
        extra = rng.choices((0, 1, 2), (0.3, 0.5, 0.2))[0]
        for _ in range(extra):
            given.append(traditional_model(sex).draw(rng))
        given = list(dict.fromkeys(given))
        if len(given) > 1 and rng.random() < 0.1:  # officially Maria Lisa, called Lisa
            given = [given[1], given[0], *given[2:]]
            calling = 1
        surname = surname_model("NL").draw(rng)
        if sex == "female" and age > 25 and rng.random() < 0.12:
            partner = surname_model("NL").draw(rng)
    else:
        given = [given_model(origin, sex).draw(rng)]
        if origin == "NG" and rng.random() < 0.3:
            given.append(given_model(origin, sex).draw(rng))
        if origin == "PL" and rng.random() < 0.2:
            given.append(given_model(origin, sex).draw(rng))
        if origin == "VN":
            middle = (
                ("Thị" if rng.random() < 0.8 else rng.choice(("Ngọc", "Thu", "Kim", "Thanh")))
                if sex == "female"
                else ("Văn" if rng.random() < 0.5 else rng.choice(("Minh", "Đức", "Quang")))
            )
        surname = surname_model(origin).draw(rng)
        if origin == "PL" and sex == "female":
            surname = _polish_female(surname)
    return Person(
        number=number,
        origin=origin,
        sex=sex,
        given=list(dict.fromkeys(given)),
        surname=surname,
        born=born,
        date_unknown=rng.random() < DATE_UNKNOWN[origin],
        calling=calling,
        middle=middle,
        partner_surname=partner,
    )


def _polish_female(surname: str) -> str:
    for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


def _sibling(rng: random.Random, of: Person, number: int, *, twin: bool) -> Person:
    # Someone of the same origin, of about the same age (for the names of a birth cohort).
    around = of.born + timedelta(days=int(19 * 365.25))
    other = _new_person(rng, number, around)
    while other.origin != of.origin:
        other = _new_person(rng, number, around)
    surname = of.surname
    if of.origin == "PL":
        male = surname.removesuffix("ska") + "ski" if surname.endswith("ska") else surname
        male = male.removesuffix("cka") + "cki" if male.endswith("cka") else male
        surname = _polish_female(male) if other.sex == "female" else male
    gap = timedelta(days=rng.choice((-1, 1)) * rng.randint(330, 2500))
    return Person(
        number=number,
        origin=of.origin,
        sex=other.sex,
        given=other.given,
        surname=surname,
        born=of.born if twin else of.born + gap,
        date_unknown=of.date_unknown,
        calling=other.calling,
        middle=other.middle,
    )


# ---- what a source writes -----------------------------------------------------------------------

SOURCES = {
    "police": 0.29,
    "care-coordination": 0.25,
    "labour-inspectorate": 0.10,
    "border-police": 0.07,
    "youth-care-a": 0.06,
    "youth-care-b": 0.05,
    "shelter-a": 0.06,
    "shelter-b": 0.04,
    "municipality": 0.08,
}
DOCUMENT_SOURCES = {"police", "border-police", "labour-inspectorate", "municipality"}
SEX_WRITING = {
    "female": ("V", "vrouw", "F", "female", "v"),
    "male": ("M", "man", "male", "m"),
}
NATIONALITY_WRITING = {
    "NL": ("NL", "NLD", "Nederlandse"),
    "PL": ("PL", "POL", "Poolse"),
    "RO": ("RO", "ROU", "Roemeense"),
    "NG": ("NG", "NGA", "Nigeriaanse"),
    "MA": ("MA", "MAR", "Marokkaanse"),
    "VN": ("VN", "VNM", "Vietnamese"),
}
TRANSCRIPTIONS = {  # French, Dutch, English
    "U": ("ou", "oe", "u"),
    "S": ("ch", "sj", "sh"),
    "X": ("kh", "ch", "kh"),
    "W": ("ou", "w", "w"),
}
MOHAMED = ("Mohamed", "Mohammed", "Muhammad", "Mohammad")


@dataclass(frozen=True)
class Rates:
    """Error rates of the census-shaped set, chosen apart from the other two generators."""

    capitals: float = 0.15  # whole name in capitals
    lost_diacritics: float = 0.35  # Łukasz → Lukasz, Nguyễn → Nguyen, Ionuț → Ionut
    typo: float = 0.04  # one typo in one name
    second_typo: float = 0.004  # and one in the other name
    swapped_fields: float = 0.012  # given name and surname in each other's field
    vietnamese_family_first: float = 0.3  # "Nguyen Thi Lan" split the Vietnamese way round
    vietnamese_middle_dropped: float = 0.25
    prefix_inverted: float = 0.18  # "Berg, van den"
    prefix_dropped: float = 0.06
    prefix_abbreviated: float = 0.05  # "v.d. Berg"
    married_name: float = 0.35  # of married Dutch women: "Bakker-de Jong" (partner's first)
    all_given_by_document: float = 0.6  # a document source writes all official given names
    all_given_otherwise: float = 0.12
    article_dropped: float = 0.15  # Moroccan "el Amrani" → "Amrani"
    article_joined: float = 0.25  # "Elamrani"
    mohamed_variant: float = 0.4  # Mohammed, Muhammad, Mohammad for Mohamed
    later_knows_date: float = 0.25  # of later sources, for people with an unknown date
    estimated_year_off: float = 0.25  # an estimated year one off
    day_off: float = 0.012
    year_off: float = 0.01
    day_month_swapped: float = 0.012
    date_missing: float = 0.025
    sex_missing: float = 0.05
    nationality_missing: float = 0.08
    extra_source: float = 0.40  # chance of one more source, repeated (at most 5)
    same_source_again: float = 0.05
    siblings: float = 0.07
    twins: float = 0.012


def _strip(text: str) -> str:
    text = text.translate(str.maketrans("łŁđĐ", "lLdD"))
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    at = rng.randrange(1, len(word) - 1)
    roll = rng.random()
    if roll < 0.3:
        return word[:at] + word[at + 1 :]
    if roll < 0.55:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if roll < 0.8:
        return word[:at] + rng.choice("aeiourstnl") + word[at + 1 :]
    return word[:at] + word[at] + word[at:]


def _transcribe(text: str, convention: int) -> str:
    out = []
    for char in text:
        latin = TRANSCRIPTIONS.get(char.upper()) if char in "USXW" else None
        out.append(latin[convention] if latin else char)
    written = "".join(out)
    return " ".join(w[0].upper() + w[1:].lower() if w != "el" else w for w in written.split())


def _moroccan_surname(rng: random.Random, surname: str, convention: int, rates: Rates) -> str:
    written = _transcribe(surname, convention)
    for article in ("el ", "Ben ", "Ait "):
        if written.lower().startswith(article.lower()):
            rest = written[len(article) :]
            roll = rng.random()
            if article == "el " and roll < rates.article_dropped:
                return rest
            if roll < rates.article_dropped + rates.article_joined:
                return article.strip().capitalize() + rest.lower()
            return article.strip().capitalize() + " " + rest
    return written


def _written_names(
    rng: random.Random, person: Person, source: str, rates: Rates
) -> tuple[str, str]:
    given = list(person.given)
    surname = person.surname
    documented = source in DOCUMENT_SOURCES
    if len(given) > 1:
        chance = rates.all_given_by_document if documented else rates.all_given_otherwise
        if rng.random() >= chance:
            given = [given[person.calling]]
    if person.origin == "MA":
        convention = 0 if documented else rng.choice((0, 1, 1, 2))
        given = [
            (rng.choice(MOHAMED[1:]) if rng.random() < rates.mohamed_variant else n)
            if n == "Mohamed"
            else _transcribe(n, convention)
            for n in given
        ]
        surname = _moroccan_surname(rng, surname, convention, rates)
    if person.origin == "VN":
        if rng.random() >= rates.vietnamese_middle_dropped:
            given = [person.middle, *given]
        if rng.random() < rates.vietnamese_family_first:
            # Family name and middle name in one field, the given name alone in the other.
            surname, given = f"{surname} {' '.join(given[:-1])}".strip(), given[-1:]
    if person.origin == "NL":
        surname = _dutch_surname(rng, person, surname, rates)
    given_text = " ".join(given)
    if rng.random() < rates.typo:
        if rng.random() < 0.5:
            surname = _typo(rng, surname)
            if rng.random() < rates.second_typo / rates.typo:
                given_text = _typo(rng, given_text)
        else:
            given_text = _typo(rng, given_text)
    if rng.random() < rates.swapped_fields:
        given_text, surname = surname, given_text
    if rng.random() < rates.lost_diacritics:
        given_text, surname = _strip(given_text), _strip(surname)
    if rng.random() < rates.capitals:
        given_text, surname = given_text.upper(), surname.upper()
    return given_text, surname


def _dutch_surname(rng: random.Random, person: Person, surname: str, rates: Rates) -> str:
    words = surname.split(" ")
    prefix = " ".join(w for w in words if w.islower() or w == "'t")
    core = " ".join(w for w in words if not (w.islower() or w == "'t"))
    if prefix:
        roll = rng.random()
        if roll < rates.prefix_inverted:
            surname = f"{core}, {prefix}"
        elif roll < rates.prefix_inverted + rates.prefix_dropped:
            surname = core
        elif roll < rates.prefix_inverted + rates.prefix_dropped + rates.prefix_abbreviated:
            surname = ".".join(w[0] for w in prefix.split()) + ". " + core
    if person.partner_surname and rng.random() < rates.married_name:
        surname = f"{person.partner_surname}-{surname}"
    return surname


def _written_date(rng: random.Random, person: Person, rates: Rates, *, knows: bool) -> str:
    if rng.random() < rates.date_missing:
        return ""
    born = person.born
    if person.date_unknown and not knows:
        year = born.year + (rng.choice((-1, 1)) if rng.random() < rates.estimated_year_off else 0)
        roll = rng.random()
        if roll < 0.6:
            return f"{year}-01-01"
        if roll < 0.8:
            return f"{year}-00-00"
        return str(year)
    roll = rng.random()
    if roll < rates.day_off:
        return (born + timedelta(days=rng.choice((-1, 1)))).isoformat()
    roll -= rates.day_off
    if roll < rates.year_off:
        day = min(born.day, 28)
        return date(born.year + rng.choice((-1, 1)), born.month, day).isoformat()
    roll -= rates.year_off
    if roll < rates.day_month_swapped and born.day <= 12:
        return date(born.year, born.day, born.month).isoformat()
    return born.isoformat()


def registrations(
    records: int, *, seed: int = 31337, rates: Rates | None = None, today: date | None = None
) -> Iterator[tuple[dict[str, str], str]]:
    """Exactly `records` registrations with the true person of each."""
    rates = rates or Rates()
    rng = random.Random(seed)
    today = today or date(2026, 9, 30)
    sources, shares = list(SOURCES), list(SOURCES.values())
    written = number = 0
    queue: list[Person] = []
    while written < records:
        if queue:
            person = queue.pop()
        else:
            number += 1
            person = _new_person(rng, number, today)
            roll = rng.random()
            if roll < rates.siblings + rates.twins:
                number += 1
                queue.append(_sibling(rng, person, number, twin=roll < rates.twins))
        chosen = [rng.choices(sources, shares)[0]]
        while rng.random() < rates.extra_source and len(chosen) < 5:
            chosen.append(rng.choices(sources, shares)[0])
        if rng.random() < rates.same_source_again:
            chosen.append(chosen[-1])
        for index, source in enumerate(chosen):
            if written >= records:
                break
            written += 1
            knows = index > 0 and rng.random() < rates.later_knows_date
            given, surname = _written_names(rng, person, source, rates)
            nationality = (
                ""
                if rng.random() < rates.nationality_missing
                else rng.choice(NATIONALITY_WRITING[person.origin])
            )
            row = {
                "record_id": f"c{written}",
                "source": source,
                "given_name": given,
                "surname": surname,
                "date_of_birth": _written_date(rng, person, rates, knows=knows),
                "sex": ""
                if rng.random() < rates.sex_missing
                else rng.choice(SEX_WRITING[person.sex]),
                "nationality": nationality,
                "country_of_birth": person.origin,
            }
            yield row, person.key


def write_files(records: int, people_csv: Path, truth_csv: Path, *, seed: int = 31337) -> None:
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
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 31337
    write_files(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), seed=seed)
