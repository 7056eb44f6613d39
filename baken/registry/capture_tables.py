"""Estimating the unregistered from the registry's own linked data: capture tables over a period,
with the sources grouped into lists, optionally for one stratum, and an estimate per year."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pandas as pd

from baken.registry.models import SourceKind
from baken.registry.multiple_systems_estimation import Table, TableError, stepwise, summarise
from baken.registry.person_counts import memberships, person_years
from baken.registry.registration_frames import registrations_frame

QUALITY_FILE = Path(__file__).resolve().parent / "data" / "linkage_quality.json"
MIN_LISTS, MAX_LISTS = 3, 6
# The groups of persons whose estimate is made with every release (and shown on the page).
ESTIMATED_STRATA = (
    "",
    "minor",
    "adult",
    "form:sexual-domestic",
    "form:sexual-cross-border",
    "form:labour",
    "form:criminal",
)


def default_grouping() -> dict[str, str]:
    """Each kind of source its own list; small kinds together."""
    return {
        SourceKind.POLICE: "police",
        SourceKind.KMAR: "kmar",
        SourceKind.LABOUR_INSPECTORATE: "labour_inspectorate",
        SourceKind.CARE_COORDINATOR: "care_coordinator",
        SourceKind.YOUTH_CARE: "care",
        SourceKind.SHELTER: "care",
        SourceKind.OTHER: "other",
    }


@dataclass(frozen=True)
class YearEstimate:
    year: int
    registered: int
    estimate: float | None
    low: float | None
    high: float | None
    model: list[str]
    problem: str = ""


def _persons_in_stratum(frame: pd.DataFrame, stratum: str) -> pd.DataFrame:
    """(person_key, year) pairs in the stratum."""
    with_year = frame.assign(year=pd.to_datetime(frame["reported_on"]).dt.year)
    if stratum.startswith("form:"):
        forms = memberships(with_year, "form")
        chosen = forms[forms["form"] == stratum.removeprefix("form:")]
        return chosen[["person_key", "year"]].drop_duplicates()
    years = person_years(frame)
    if stratum in ("minor", "adult"):
        years = years[years["minor"] == stratum]
    return years[["person_key", "year"]]


def capture_table(
    frame: pd.DataFrame, *, years: list[int], grouping: dict[str, str], stratum: str = ""
) -> Table:
    """Persons seen in the period (once, whatever the year), by the lists that saw them."""
    lists = tuple(sorted({name for name in grouping.values() if name}))
    data = frame.assign(year=pd.to_datetime(frame["reported_on"]).dt.year)
    data = data[data["year"].isin(years)]
    data = data.assign(list=data["source_kind"].map(grouping).fillna(""))
    data = data[data["list"] != ""]
    if stratum:
        in_stratum = _persons_in_stratum(frame, stratum)
        keep = in_stratum[in_stratum["year"].isin(years)]["person_key"].unique()
        data = data[data["person_key"].isin(keep)]
    seen: dict[str, set[str]] = {}
    for person, name in zip(data["person_key"], data["list"], strict=True):
        seen.setdefault(str(person), set()).add(str(name))
    counts: dict[tuple[int, ...], int] = {}
    for names in seen.values():
        history = tuple(int(name in names) for name in lists)
        counts[history] = counts.get(history, 0) + 1
    return Table(lists=lists, counts=counts)


def capture_tables_by_year(
    frame: pd.DataFrame, *, years: list[int], grouping: dict[str, str], strata: Iterable[str]
) -> dict[tuple[str, int], Table]:
    """The capture table of every (stratum, year) at once: each person seen in a year is a
    bitmask of the lists that saw them that year (vectorised: 100,000 registrations in about a
    second)."""
    lists = tuple(sorted({name for name in grouping.values() if name}))
    result: dict[tuple[str, int], Table] = {}
    if frame.empty:
        return {(s, y): Table(lists=lists, counts={}) for s in strata for y in years}
    data = frame.assign(year=pd.to_datetime(frame["reported_on"]).dt.year)
    data = data[data["year"].isin(years)]
    data = data.assign(list=data["source_kind"].map(grouping).fillna(""))
    seen = data[data["list"] != ""][["person_key", "year", "list"]].drop_duplicates()
    bits = seen["list"].map({name: 1 << i for i, name in enumerate(lists)})
    masks = seen.assign(mask=bits).groupby(["person_key", "year"])["mask"].sum().reset_index()
    years_frame = person_years(frame)
    forms = memberships(frame.assign(year=pd.to_datetime(frame["reported_on"]).dt.year), "form")
    for stratum in strata:
        if stratum.startswith("form:"):
            chosen = forms[forms["form"] == stratum.removeprefix("form:")]
            members = chosen[["person_key", "year"]].drop_duplicates()
            in_stratum = masks.merge(members, on=["person_key", "year"])
        elif stratum in ("minor", "adult"):
            members = years_frame[years_frame["minor"] == stratum][["person_key", "year"]]
            in_stratum = masks.merge(members, on=["person_key", "year"])
        else:
            in_stratum = masks
        counted = in_stratum.groupby(["year", "mask"]).size()
        by_year: dict[int, dict[tuple[int, ...], int]] = {year: {} for year in years}
        for index, count in counted.items():
            year, mask = cast(tuple[int, int], index)
            history = tuple(int(bool(int(mask) & (1 << i))) for i in range(len(lists)))
            by_year[int(year)][history] = int(count)
        for year in years:
            result[(stratum, year)] = Table(lists=lists, counts=by_year[year])
    return result


def estimate_table(year: int, table: Table, *, threshold: float = 0.02) -> YearEstimate:
    """The stepwise estimate of one year's capture table (lists that saw nobody left out)."""
    active = [name for i, name in enumerate(table.lists) if any(h[i] for h in table.counts)]
    if len(active) < MIN_LISTS:
        return YearEstimate(year, table.observed, None, None, None, [], "too_few_lists")
    table = Table(lists=tuple(active), counts=_project(table, active))
    try:
        result = summarise(table, stepwise(table, threshold=threshold))
    except TableError:
        return YearEstimate(year, table.observed, None, None, None, [], "no_fit")
    return YearEstimate(
        year, table.observed, result.estimate, result.ci_low, result.ci_high, result.model
    )


def estimate_years(
    *, years: list[int], grouping: dict[str, str], stratum: str = "", threshold: float = 0.02
) -> list[YearEstimate]:
    """For the analyst's own work (unprotected counts): pages show the release's estimates."""
    tables = capture_tables_by_year(
        registrations_frame(), years=years, grouping=grouping, strata=[stratum]
    )
    return [estimate_table(year, tables[(stratum, year)], threshold=threshold) for year in years]


def _project(table: Table, active: list[str]) -> dict[tuple[int, ...], int]:
    positions = [table.lists.index(name) for name in active]
    counts: dict[tuple[int, ...], int] = {}
    for history, count in table.counts.items():
        key = tuple(history[i] for i in positions)
        counts[key] = counts.get(key, 0) + count
    return counts


def table_csv(table: Table) -> str:
    lines = [",".join([*table.lists, "count"])]
    lines += [
        ",".join([*(str(x) for x in history), str(count)])
        for history, count in sorted(table.counts.items(), reverse=True)
    ]
    return "\n".join(lines) + "\n"


def linkage_quality() -> dict[str, Any]:
    """The pairwise error rates measured by bench/linkage.py (written there, read here)."""
    try:
        data: dict[str, Any] = json.loads(QUALITY_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data
