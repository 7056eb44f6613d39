"""The statistics release as stored: counted (person_counts.py) over the registry's linked
registrations, with disclosure control (disclosure.py) and its audit (disclosure_audit.py), and
the estimate of the unregistered per year and group, made from the same data and shown with the
release's protected counts. The newest release is what every page and export shows; one that
fails the audit is never stored."""

from typing import Any

import pandas as pd
from django.db import transaction

from baken.registry.capture_tables import (
    ESTIMATED_STRATA,
    capture_tables_by_year,
    default_grouping,
    estimate_table,
)
from baken.registry.disclosure import DEFAULT_THRESHOLD, PublishedTable, protect
from baken.registry.disclosure_audit import AuditError, audit, default_protection_width
from baken.registry.models import ReleaseEstimate, StatisticsRelease
from baken.registry.person_counts import (
    not_deduplicated_table,
    registrations_per_source,
    release,
)
from baken.registry.registration_frames import counts_frame, registrations_frame

__all__ = ["counts_frame", "publish", "registrations_frame", "store_estimates"]


def _serialise(item: PublishedTable) -> dict[str, Any]:
    table = item.table

    def value(category: str, year: int) -> int | str:
        hidden = item.hidden.get((category, year))
        if hidden is not None:
            return str(hidden)
        return table.totals.get(year, 0) if category == "" else table.count(category, year)

    return {
        "key": table.key,
        "title": table.title,
        "multi_valued": table.multi_valued,
        "total_of": table.total_of,
        "years": table.years,
        "rows": [
            {"category": c, "values": [value(c, y) for y in table.years]} for c in table.categories
        ],
        "total": [value("", y) for y in table.years],
    }


def _protected(value: int | str) -> int | str:
    return str(value) if isinstance(value, str) else int(value)  # Hidden is a str


def _registered(published: list[PublishedTable], stratum: str, year: int) -> int | str:
    """The release's protected count of persons in a group and year."""
    by_key = {item.table.key: item for item in published}
    if stratum == "":
        item = by_key.get("sex")  # every person table has the persons per year as its total
        return _protected(item.total(year)) if item else 0
    key, category = ("minor", stratum) if stratum in ("minor", "adult") else ("form", stratum[5:])
    item = by_key.get(key)
    return _protected(item.cell(category, year)) if item else 0


def store_estimates(
    release: StatisticsRelease, frame: pd.DataFrame, published: list[PublishedTable]
) -> None:
    """The estimate per year and group, only where the release publishes the registered count:
    with it, the estimate and the number not registered are both shown, so a hidden count would
    be their difference."""
    grouping = default_grouping()
    tables = capture_tables_by_year(
        frame, years=release.years, grouping=grouping, strata=ESTIMATED_STRATA
    )
    rows = []
    for (stratum, year), table in tables.items():
        registered = _registered(published, stratum, year)
        row = ReleaseEstimate(
            release=release,
            stratum=stratum,
            year=year,
            registered=registered,
            lists=list(table.lists),
            capture_counts=[[list(h), c] for h, c in sorted(table.counts.items())],
        )
        if isinstance(registered, str):
            row.problem, row.capture_counts = "hidden", []
        elif registered != table.observed:
            row.problem = "mismatch"  # never expected: every source kind is on a list
        else:
            result = estimate_table(year, table)
            row.problem = result.problem
            row.estimate, row.low, row.high = result.estimate, result.low, result.high
            row.model = result.model
        rows.append(row)
    ReleaseEstimate.objects.bulk_create(rows)


@transaction.atomic
def publish(
    *, threshold: int = DEFAULT_THRESHOLD, protection_width: int | None = None
) -> StatisticsRelease:
    """Count, protect, audit and store a release. Raises DisclosureError or AuditError (and
    stores nothing) when no protection passes the audit."""
    width = default_protection_width(threshold) if protection_width is None else protection_width
    frame = registrations_frame()
    counts = counts_frame()
    if frame.empty and counts.empty:
        return StatisticsRelease.objects.create(threshold=threshold, protection_width=width)
    years = sorted(
        {int(y) for y in pd.to_datetime(frame["reported_on"]).dt.year}
        | {int(y) for y in counts["year"]}
    )
    tables = release(frame, years) if not frame.empty else []
    if not frame.empty:
        tables.append(registrations_per_source(frame, years))
    if not counts.empty:
        tables.append(not_deduplicated_table(counts, years))
    published = protect(tables, threshold=threshold, protection_width=width)
    # The audit again, on its own, over exactly what is stored.
    hidden = {
        (f"total:{p.table.total_of}", "", y) if c == "" else (p.table.key, c, y): kind
        for p in published
        for (c, y), kind in p.hidden.items()
    }
    checked = audit(tables, hidden, threshold=threshold, protection_width=width)
    withheld = sorted(
        {(p.table.key, y) for p in published for (_c, y), k in p.hidden.items() if k == "withheld"}
    )
    if not checked.passed:
        raise AuditError(f"the release fails the disclosure audit: {checked.summary()}")
    stored = StatisticsRelease.objects.create(
        threshold=threshold,
        protection_width=width,
        registrations=len(frame),
        persons=int(frame["person_key"].nunique()),
        years=years,
        tables=[_serialise(item) for item in published],
        audit=checked.summary(),
        withheld=[[key, year] for key, year in withheld],
    )
    store_estimates(stored, frame, published)
    return stored
