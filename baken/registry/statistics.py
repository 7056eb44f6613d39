"""Statistics for the victim monitor, counting unique persons, not registrations.

A person counts once per year in which any source registered them (by the date of report). Their
attributes in that year are resolved over their registrations: the most common known sex,
nationality and year of birth; domestic or cross-border; and the sets of forms, sectors, source
kinds and regions (so a person registered for two forms counts once under each form, and the
rows of those tables do not add up to the total).

Framework-free: a frame of registrations in, tables of counts out. Disclosure control is applied
separately (disclosure.py) to the whole release at once."""

from collections.abc import Iterable
from dataclasses import dataclass
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

    def count(self, category: str, year: int) -> int:
        return self.counts.get((category, year), 0)


def age_group(age: float | None) -> str:
    if age is None or pd.isna(age) or age < 0:
        return UNKNOWN
    for low, high, label in AGE_GROUPS:
        if low <= age <= high:
            return label
    return OLDEST_GROUP


def _mode(values: pd.Series) -> object:
    known = values.dropna()
    known = known[(known != "") & (known != UNKNOWN)]
    if known.empty:
        return None
    return known.value_counts().index[0]


def _union(values: pd.Series) -> list[str]:
    items: set[str] = set()
    for value in values:
        if isinstance(value, (list, tuple, set)):
            items.update(str(v) for v in value if v)
        elif isinstance(value, str) and value:
            items.add(value)
    return sorted(items)


def _border(values: pd.Series) -> str:
    known = values.dropna()
    if known.empty:
        return UNKNOWN
    return "cross-border" if bool(known.astype(bool).any()) else "domestic"


def person_years(registrations: pd.DataFrame) -> pd.DataFrame:
    """One row per person and year, with the attributes resolved over their registrations."""
    missing = [c for c in REGISTRATION_COLUMNS if c not in registrations.columns]
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}")
    frame = registrations.copy()
    frame["year"] = pd.to_datetime(frame["reported_on"]).dt.year
    grouped = frame.groupby(["person_key", "year"], sort=False)
    result = pd.DataFrame(
        {
            "birth_year": grouped["birth_year"].agg(_mode),
            "sex": grouped["sex"].agg(_mode),
            "nationality": grouped["nationality"].agg(_mode),
            "border": grouped["cross_border"].agg(_border),
            "minor_flag": grouped["minor"].agg(lambda v: bool(v.dropna().astype(bool).any())),
            "form": grouped["forms"].agg(_union),
            "sector": grouped["sector"].agg(_union),
            "source_kind": grouped["source_kind"].agg(_union),
            "region": grouped["region"].agg(_union),
            "sources": grouped["source"].agg(_union),
            "registrations": grouped.size(),
        }
    ).reset_index()
    ages = result["year"] - pd.to_numeric(result["birth_year"], errors="coerce")
    result["age_group"] = [age_group(a) for a in ages]
    result["minor"] = [
        ("minor" if a < 18 else "adult") if not pd.isna(a) else ("minor" if m else UNKNOWN)
        for a, m in zip(ages, result["minor_flag"], strict=True)
    ]
    for column in ("sex", "nationality"):
        result[column] = result[column].fillna(UNKNOWN)
    return result


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
    return sorted(present, key=lambda c: (c == UNKNOWN, c))


def count_table(years_frame: pd.DataFrame, key: str, years: list[int]) -> Table:
    title, multi = DIMENSIONS[key]
    frame = years_frame[years_frame["year"].isin(years)]
    exploded = frame[["person_key", "year", key]].explode(key) if multi else frame
    exploded = exploded.assign(**{key: exploded[key].fillna(UNKNOWN)})
    counts = _by_category_year(exploded.groupby([key, "year"])["person_key"].nunique())
    totals = frame.groupby("year")["person_key"].nunique().to_dict()
    return Table(
        key=key,
        title=title,
        years=years,
        categories=_categories(exploded[key].unique(), key),
        counts=counts,
        totals={int(y): int(totals.get(y, 0)) for y in years},
        multi_valued=multi,
    )


def release(registrations: pd.DataFrame, years: list[int] | None = None) -> list[Table]:
    """Every table of the victim monitor: the total per year, each dimension by year, and the
    persons per combination of source kinds (the overlap between sources)."""
    frame = person_years(registrations)
    years = years or sorted(int(y) for y in frame["year"].unique())
    tables = [count_table(frame, key, years) for key in DIMENSIONS]
    tables.append(overlap_table(frame, years))
    return tables


def overlap_table(years_frame: pd.DataFrame, years: list[int]) -> Table:
    """Persons per combination of reporting source kinds: who else saw the same person."""
    frame = years_frame[years_frame["year"].isin(years)]
    combos = frame.assign(
        combination=[" + ".join(kinds) or UNKNOWN for kinds in frame["source_kind"]]
    )
    counts = _by_category_year(combos.groupby(["combination", "year"])["person_key"].nunique())
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
    frame = registrations.assign(year=pd.to_datetime(registrations["reported_on"]).dt.year)
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
