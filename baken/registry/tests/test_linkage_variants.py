"""The variants of one person that sources write (issue 15) link on pseudonyms; different people
with a common name, a brother and sister, and twins stay apart. One linkage run over a background
of synthetic registrations with the planted cases, pseudonymised by `baken pseudonymise` as a
source would."""

import csv

import pandas as pd
import pytest
from django.core.management import call_command

from baken.registry.record_linkage import link
from baken.registry.synthetic import INPUT_COLUMNS, registrations

KEY = "variant-test-key-0123456789-abcdefghijklm"

# (given name, surname, date of birth, sex) as two sources write one person.
SAME_PERSON = {
    "year only written as 1 January": (
        ("Wilhelmina", "Oosterbroek", "2008-06-14", "f"),
        ("Wilhelmina", "Oosterbroek", "2008-01-01", "f"),
    ),
    "BRP-style 00-00 date": (
        ("Gerbrich", "Hofstedekamp", "2006-03-22", "f"),
        ("Gerbrich", "Hofstedekamp", "2006-00-00", "f"),
    ),
    "date one day off": (
        ("Aukje", "Zwaagstrabos", "2009-07-15", "f"),
        ("Aukje", "Zwaagstrabos", "2009-07-16", "f"),
    ),
    "date one year off": (
        ("Jildou", "Wiersmahof", "2007-02-11", "f"),
        ("Jildou", "Wiersmahof", "2008-02-11", "f"),
    ),
    "date missing, rare name": (
        ("Tjitske", "Bouwhuisma", "2005-09-30", "f"),
        ("Tjitske", "Bouwhuisma", "", "f"),
    ),
    "sex differs, rare name": (
        ("Wietske", "Klaverdijkstra", "2006-06-06", "f"),
        ("Wietske", "Klaverdijkstra", "2006-06-06", "m"),
    ),
    "Dutch and English romanisation": (
        ("Zjenja", "Dasjenko", "2007-05-19", "f"),
        ("Zhenya", "Dashenko", "2007-05-19", "f"),
    ),
    "-itsj and -ych": (
        ("Demjan", "Joerkevitsj", "2004-11-02", "m"),
        ("Demyan", "Yurkevych", "2004-11-02", "m"),
    ),
    "German and passport romanisation": (
        ("Jewgenija", "Schtscherbakowa", "2003-04-17", "f"),
        ("Evgeniia", "Shcherbakova", "2003-04-17", "f"),
    ),
    "Cyrillic script and English romanisation": (
        ("Дар'я", "Жураківська", "2005-08-08", "f"),
        ("Darya", "Zhurakivska", "2005-08-08", "f"),
    ),
    "one of two given names": (
        ("Anna Sjoukje", "Hiemstrabos", "2006-04-04", "f"),
        ("Sjoukje", "Hiemstrabos", "2006-04-04", "f"),
    ),
    "name order swapped and a date one day off": (
        ("Thi Ngoc", "Truong", "2003-08-09", "f"),
        ("Truong", "Thi Ngoc", "2003-08-10", "f"),
    ),
    "inverted surname prefix and a date one day off": (
        ("Noor", "van Kasteelen", "2004-10-10", "f"),
        ("Noor", "Kasteelen, van", "2004-10-11", "f"),
    ),
    "all capitals": (
        ("Femmigje", "Roodbeen", "2010-12-12", "f"),
        ("FEMMIGJE", "ROODBEEN", "2010-12-12", "f"),
    ),
    "accents lost": (
        ("Zoë", "Ødegård", "2002-02-02", "f"),
        ("Zoe", "Odegard", "2002-02-02", "f"),
    ),
    # Someone without papers: each source estimates the age anew.
    "estimated years of birth three apart": (
        ("Selamawit", "Tesfamariamhaile", "2005", "f"),
        ("Selamawit", "Tesfamariamhaile", "2008-01-01", "f"),
    ),
    "surname missing on one side, date unknown on the other": (
        ("Binta Isatou", "Kamarabangura", "", "f"),
        ("Binta Isatou", "", "2007-03-03", "f"),
    ),
    "a second surname added, date missing": (
        ("Xiomara", "Quisbert", "2004-04-29", "f"),
        ("Xiomara", "Quisbert Mamaniyupanqui", "", "f"),
    ),
}
# A common name: five different women called Emma de Jong, born on different dates; and a
# brother and sister with a rare surname.
COMMON_NAME = [("Emma", "de Jong", born, "f") for born in ("2005-03-14", "2006-09-02",
               "2007-11-20", "2008-01-30", "2009-06-11")]  # fmt: skip
SIBLINGS = (("Sanne", "Blauwkuip", "2007-07-07", "f"), ("Bram", "Blauwkuip", "2009-03-15", "m"))
# Twin sisters: a rare surname and the same date of birth, but other given names.
TWINS = (
    ("Romina", "Kaldiensingh", "2000-01-28", "f"),
    ("Sharda", "Kaldiensingh", "2000-01-28", "f"),
)
# People without papers, each registered three times with an age the source estimated: the
# registry holds such people, so the model learns how far apart estimated years lie.
UNDOCUMENTED = list(
    zip(
        ("Abrehet", "Mebrat", "Tsega", "Rahwa", "Feven", "Luwam", "Hiwet", "Senait", "Winta",
         "Yordanos", "Ruta", "Saba"),
        ("Tesfamichaelo", "Woldegiorgiso", "Habtemariamo", "Kidanemariamo", "Gebremeskelo",
         "Weldeyohanneso", "Hagoshaileo", "Berhanemeskelo", "Zerezghio", "Teklehaimanoto",
         "Ghebreslassieo", "Andemichaelo"),
        range(1998, 2010),
        strict=True,
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def clusters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """record_id → person found, for a background of 1500 synthetic registrations plus the
    planted cases."""
    folder = tmp_path_factory.mktemp("variants")
    rows = [row for row, _person in registrations(1500, seed=5)]
    planted: dict[str, tuple[str, str, str, str]] = {}
    for name, (one, other) in SAME_PERSON.items():
        planted |= {f"{name}/a": one, f"{name}/b": other}
    planted |= {f"common/{i}": person for i, person in enumerate(COMMON_NAME)}
    planted |= {f"sibling/{i}": person for i, person in enumerate(SIBLINGS)}
    planted |= {f"twin/{i}": person for i, person in enumerate(TWINS)}
    for i, (given, surname, year) in enumerate(UNDOCUMENTED):
        for j, estimated in enumerate((year, year + 1 + i % 2, year - i % 2)):
            written = str(estimated) if j != 1 else f"{estimated}-01-01"
            planted[f"undocumented/{i}/{j}"] = (given, surname, written, "f")
    for record_id, (given, surname, born, sex) in planted.items():
        rows.append(
            {
                "record_id": record_id,
                "source": "police" if record_id.endswith("a") else "zorgcoordinator",
                "given_name": given,
                "surname": surname,
                "date_of_birth": born,
                "sex": sex,
                "nationality": "",
                "country_of_birth": "",
            }
        )
    people = folder / "people.csv"
    with people.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=INPUT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    (folder / "key.txt").write_text(KEY, encoding="utf-8")
    call_command(
        "pseudonymise",
        key_file=folder / "key.txt",
        input=people,
        output=folder / "pseudo.csv",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    result = link(pd.read_csv(folder / "pseudo.csv", dtype=str, keep_default_na=False))
    return dict(zip(result.clusters["record_id"], result.clusters["cluster_id"], strict=True))


@pytest.mark.parametrize("variant", list(SAME_PERSON))
def test_two_ways_of_writing_one_person_link(variant: str, clusters: dict[str, str]) -> None:
    assert clusters[f"{variant}/a"] == clusters[f"{variant}/b"]


def test_different_people_with_a_common_name_stay_apart(clusters: dict[str, str]) -> None:
    assert len({clusters[f"common/{i}"] for i in range(len(COMMON_NAME))}) == len(COMMON_NAME)


def test_a_brother_and_sister_stay_apart(clusters: dict[str, str]) -> None:
    assert clusters["sibling/0"] != clusters["sibling/1"]


def test_twins_with_other_given_names_stay_apart(clusters: dict[str, str]) -> None:
    assert clusters["twin/0"] != clusters["twin/1"]


def test_estimated_ages_of_people_without_papers_link(clusters: dict[str, str]) -> None:
    for i in range(len(UNDOCUMENTED)):
        assert len({clusters[f"undocumented/{i}/{j}"] for j in range(3)}) == 1, UNDOCUMENTED[i]


def test_nothing_links_the_planted_people_to_each_other(clusters: dict[str, str]) -> None:
    persons = {clusters[f"{variant}/a"] for variant in SAME_PERSON}
    assert len(persons) == len(SAME_PERSON)


def test_the_cases_use_no_name_of_the_background() -> None:
    """The planted rare names are rare: the generator never makes them."""
    surnames = {row["surname"].lower() for row, _person in registrations(1500, seed=5)}
    planted = {one[1].lower() for one, _other in SAME_PERSON.values()}
    planted |= {surname.lower() for _given, surname, _born in UNDOCUMENTED}
    assert not planted & surnames
