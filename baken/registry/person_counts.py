"""Statistics for the victim monitor, counting unique persons, not registrations.

A person counts once per year in which any source registered them (by the date of report). Their
attributes in that year are resolved over their registrations: the most common known sex,
nationality and year of birth; domestic or cross-border; and the sets of forms, sectors, source
kinds and regions (so a person registered for two forms counts once under each form, and the
rows of those tables do not add up to the total).

Framework-free: a frame of registrations in, tables of counts out. Disclosure control is applied
separately (disclosure.py) to the whole release at once."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

import pandas as pd

AGE_GROUPS = ((0, 11, "0-11"), (12, 15, "12-15"), (16, 17, "16-17"), (18, 22, "18-22"))
OLDEST_GROUP = "23+"
UNKNOWN = "unknown"
REGISTRATION_COLUMNS = (
    "person_key",
    "source",
    "source_kind",
    "reported_on",
    "birth_year",
    "sex",
    "nationality",
    "forms",
    "sector",
    "cross_border",
    "minor",
    "region",
)
# Dimension → (title, whether a person can have several values in one year)
DIMENSIONS: dict[str, tuple[str, bool]] = {
    "form": ("Form of exploitation", True),
    "sector": ("Sector", True),
    "border": ("Domestic or cross-border", False),
    "age_group": ("Age group", False),
    "minor": ("Minor or adult", False),
    "sex": ("Sex", False),
    "nationality": ("Nationality", False),
    "source_kind": ("Reporting source", True),
    "region": ("Region (police unit)", True),
}
# The margin of the cross table by nationality group (see nationality_group()).
NATIONALITY_GROUP = ("nationality_group", ("Nationality group", False))
NATIONALITY_GROUPS = ("dutch", "eu", "non_eu", UNKNOWN)
NATIONALITY_GROUPS_FILE = Path(__file__).resolve().parent / "data" / "nationality_groups.json"
# Cross tables as the Nationaal Rapporteur publishes them: form of exploitation by each of these,
# per year. A cell counts the persons with that form and that value in that year.
CROSSED_WITH_FORM = ("age_group", "sex", "nationality_group", "source_kind")


@dataclass
class Table:
    """Persons per category and year, with the number of distinct persons per year."""

    key: str
    title: str
    years: list[int]
    categories: list[str]
    counts: dict[tuple[str, int], int]
    totals: dict[int, int]
    multi_valued: bool = False
    total_of: str = "persons"  # what the totals count: the same totals are shared by tables
    # A cross table: the keys of the two tables it crosses; its categories are "row|column".
    crosses: tuple[str, str] | None = None

    def count(self, category: str, year: int) -> int:
        return self.counts.get((category, year), 0)


def age_group(age: float | None) -> str:
    if age is None or pd.isna(age) or age < 0:
        return UNKNOWN
    for low, high, label in AGE_GROUPS:
        if low <= age <= high:
            return label
    return OLDEST_GROUP


def _most_common(frame: pd.DataFrame, column: str) -> pd.Series:
    """Per (person, year): the most common known value of a column (ties: the smallest)."""
    known = frame[["person_key", "year", column]].dropna(subset=[column])
    known = known[(known[column] != "") & (known[column] != UNKNOWN)]
    counted = known.groupby(["person_key", "year", column]).size().reset_index(name="n")
    counted = counted.sort_values(["n", column], ascending=[False, True], kind="stable")
    first = counted.drop_duplicates(["person_key", "year"])
    return first.set_index(["person_key", "year"])[column]


MULTI_COLUMNS = {
    "form": "forms",
    "sector": "sector",
    "source_kind": "source_kind",
    "region": "region",
}


def memberships(registrations: pd.DataFrame, key: str) -> pd.DataFrame:
    """(person_key, year, value) once for every value a person has in a year."""
    column = MULTI_COLUMNS[key]
    frame = registrations[["person_key", "year", column]].explode(column)
    frame = frame.rename(columns={column: key})
    frame[key] = frame[key].fillna("").astype(str)
    known = frame[frame[key] != ""].drop_duplicates()
    everyone = registrations[["person_key", "year"]].drop_duplicates()
    without = everyone.merge(
        known[["person_key", "year"]].drop_duplicates(), how="left", indicator=True
    )
    without = without[without["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([known, without.assign(**{key: UNKNOWN})], ignore_index=True)


def _with_year(registrations: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in REGISTRATION_COLUMNS if c not in registrations.columns]
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}")
    return registrations.assign(year=pd.to_datetime(registrations["reported_on"]).dt.year)


def person_years(registrations: pd.DataFrame) -> pd.DataFrame:
    """One row per person and year, with the single-valued attributes resolved over their
    registrations (vectorised: a million registrations take seconds)."""
    frame = _with_year(registrations)
    grouped = frame.groupby(["person_key", "year"])
    result = pd.DataFrame({"registrations": grouped.size()})
    for column in ("birth_year", "sex", "nationality"):
        result[column] = _most_common(frame, column)
    border = frame.assign(cb=frame["cross_border"].astype("float")).groupby(["person_key", "year"])[
        "cb"
    ]
    result["border"] = [
        UNKNOWN if pd.isna(v) else ("cross-border" if v > 0 else "domestic") for v in border.max()
    ]
    flags = frame.assign(m=frame["minor"].astype("float")).groupby(["person_key", "year"])["m"]
    result["minor_flag"] = flags.max().fillna(0) > 0
    result = result.reset_index()
    ages = result["year"] - pd.to_numeric(result["birth_year"], errors="coerce")
    result["age_group"] = [age_group(a) for a in ages]
    result["minor"] = [
        ("minor" if a < 18 else "adult") if not pd.isna(a) else ("minor" if m else UNKNOWN)
        for a, m in zip(ages, result["minor_flag"], strict=True)
    ]
    for column in ("sex", "nationality"):
        result[column] = result[column].fillna(UNKNOWN)
    result["nationality_group"] = [nationality_group(v) for v in result["nationality"]]
    return result


@cache
def _nationality_codes() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(NATIONALITY_GROUPS_FILE.read_text(encoding="utf-8"))
    return frozenset(data["dutch"]), frozenset(data["eu"])


def nationality_group(value: object) -> str:
    """Dutch, another EU/EEA state, outside the EU/EEA, or unknown (see the data file)."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    text = text.strip().upper()
    if not text or text == UNKNOWN.upper():
        return UNKNOWN
    dutch, eu = _nationality_codes()
    if text in dutch:
        return "dutch"
    if text in eu:
        return "eu"
    if len(text) in (2, 3) and text.isalpha():
        return "non_eu"
    return UNKNOWN


def _by_category_year(counts: "pd.Series[int]") -> dict[tuple[str, int], int]:
    result: dict[tuple[str, int], int] = {}
    for index, value in counts.items():
        category, year = cast(tuple[object, object], index)
        result[(str(category), int(str(year)))] = int(value)
    return result


def _categories(values: Iterable[str], key: str) -> list[str]:
    order = [label for _low, _high, label in AGE_GROUPS] + [OLDEST_GROUP]
    present = set(values)
    if key == "age_group":
        return [c for c in [*order, UNKNOWN] if c in present]
    if key == "minor":
        return [c for c in ("minor", "adult", UNKNOWN) if c in present]
    if key == "nationality_group":
        return [c for c in NATIONALITY_GROUPS if c in present]
    return sorted(present, key=lambda c: (c == UNKNOWN, c))


def count_table(
    years_frame: pd.DataFrame, key: str, years: list[int], members: pd.DataFrame | None = None
) -> Table:
    title, multi = dict([*DIMENSIONS.items(), NATIONALITY_GROUP])[key]
    frame = years_frame[years_frame["year"].isin(years)]
    values = frame[["person_key", "year", key]] if members is None else members
    values = values[values["year"].isin(years)]
    counts = _by_category_year(values.groupby([key, "year"])["person_key"].nunique())
    totals = frame.groupby("year")["person_key"].nunique().to_dict()
    return Table(
        key=key,
        title=title,
        years=years,
        categories=_categories({c for c, _y in counts}, key),
        counts=counts,
        totals={int(y): int(totals.get(y, 0)) for y in years},
        multi_valued=multi,
    )


def release(registrations: pd.DataFrame, years: list[int] | None = None) -> list[Table]:
    """Every table of the victim monitor: each dimension by year, and the persons per
    combination of source kinds (the overlap between sources)."""
    with_year = _with_year(registrations)
    frame = person_years(registrations)
    years = years or sorted(int(y) for y in frame["year"].unique())
    tables = []
    for key, (_title, multi) in DIMENSIONS.items():
        members = memberships(with_year, key) if multi else None
        tables.append(count_table(frame, key, years, members))
    tables.append(count_table(frame, NATIONALITY_GROUP[0], years))
    tables.append(overlap_table(frame, memberships(with_year, "source_kind"), years))
    forms = memberships(with_year, "form")
    for key in CROSSED_WITH_FORM:
        other = (
            memberships(with_year, key)
            if key in MULTI_COLUMNS
            else frame[["person_key", "year", key]]
        )
        tables.append(cross_table(frame, forms, other, key, years))
    return tables


def cross_table(
    years_frame: pd.DataFrame,
    forms: pd.DataFrame,
    other: pd.DataFrame,
    key: str,
    years: list[int],
) -> Table:
    """Persons per form of exploitation and value of `key`, per year ("form|value"). A person
    with two forms counts in both rows, so the cells add up to more than the year's persons."""
    pairs = forms[forms["year"].isin(years)].merge(
        other[other["year"].isin(years)], on=["person_key", "year"]
    )
    pairs = pairs.assign(cell=pairs["form"].astype(str) + "|" + pairs[key].astype(str))
    counts = _by_category_year(pairs.groupby(["cell", "year"])["person_key"].nunique())
    frame = years_frame[years_frame["year"].isin(years)]
    totals = frame.groupby("year")["person_key"].nunique().to_dict()
    form_order = _categories({c.split("|")[0] for c, _y in counts}, "form")
    value_order = _categories({c.split("|")[1] for c, _y in counts}, key)
    present = {c for c, _y in counts}
    return Table(
        key=f"form_x_{key}",
        title=f"Form of exploitation by {key}",
        years=years,
        categories=[f"{f}|{v}" for f in form_order for v in value_order if f"{f}|{v}" in present],
        counts=counts,
        totals={int(y): int(totals.get(y, 0)) for y in years},
        multi_valued=True,
        crosses=("form", key),
    )


def overlap_table(years_frame: pd.DataFrame, kinds: pd.DataFrame, years: list[int]) -> Table:
    """Persons per combination of reporting source kinds: who else saw the same person."""
    kinds = kinds[kinds["year"].isin(years)].sort_values("source_kind")
    combos = kinds.groupby(["person_key", "year"])["source_kind"].agg(" + ".join).reset_index()
    counts = _by_category_year(combos.groupby(["source_kind", "year"])["person_key"].nunique())
    frame = years_frame[years_frame["year"].isin(years)]
    totals = frame.groupby("year")["person_key"].nunique().to_dict()
    return Table(
        key="overlap",
        title="Reporting source kinds together",
        years=years,
        categories=sorted({c for c, _y in counts}),
        counts=counts,
        totals={int(y): int(totals.get(y, 0)) for y in years},
        multi_valued=False,
    )


def registrations_per_source(registrations: pd.DataFrame, years: list[int]) -> Table:
    """Registrations (not persons) per source and year."""
    frame = _with_year(registrations)
    frame = frame[frame["year"].isin(years)]
    counts = _by_category_year(frame.groupby(["source", "year"]).size())
    totals = frame.groupby("year").size().to_dict()
    return Table(
        key="registrations_per_source",
        title="Registrations per source",
        years=years,
        categories=sorted({c for c, _y in counts}),
        counts=counts,
        totals={int(y): int(totals.get(y, 0)) for y in years},
        total_of="registrations",
    )


COUNT_COLUMNS = ("year", "forms", "minor", "region", "source_kind")


def not_deduplicated_table(counts: pd.DataFrame, years: list[int]) -> Table:
    """Untraceable counts (sent without any pseudonym) per form and year. They cannot be linked,
    so each is one report, not one person: the same person may also be among the registered
    persons. Counted apart, never added to the persons."""
    missing = [c for c in COUNT_COLUMNS if c not in counts.columns]
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}")
    frame = counts[counts["year"].isin(years)].reset_index(drop=True)
    frame = frame.assign(report=frame.index)
    forms = frame[["report", "year", "forms"]].explode("forms")
    forms = forms[forms["forms"].fillna("") != ""]
    counted = _by_category_year(forms.groupby(["forms", "year"])["report"].nunique())
    totals = frame.groupby("year").size().to_dict()
    return Table(
        key="not_deduplicated",
        title="Untraceable counts (not deduplicated)",
        years=years,
        categories=sorted({c for c, _y in counted}),
        counts=counted,
        totals={int(y): int(totals.get(y, 0)) for y in years},
        multi_valued=True,
        total_of="counts",
    )
