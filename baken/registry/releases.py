"""The statistics release as stored: counted (person_counts.py) over the registry's linked
registrations, with disclosure control (disclosure.py); the newest one is what every page and
export shows."""

from typing import Any

import pandas as pd
from django.db import transaction

from baken.registry.disclosure import DEFAULT_THRESHOLD, PublishedTable, protect
from baken.registry.models import CountReport, Registration, StatisticsRelease
from baken.registry.person_counts import (
    COUNT_COLUMNS,
    REGISTRATION_COLUMNS,
    not_deduplicated_table,
    registrations_per_source,
    release,
)


def registrations_frame() -> pd.DataFrame:
    rows = Registration.objects.active().values_list(
        "pk",
        "person_key",
        "source__name",
        "source__kind",
        "reported_on",
        "birth_year",
        "sex",
        "nationality",
        "forms",
        "sector",
        "cross_border",
        "minor",
        "reporter_region",
    )
    frame = pd.DataFrame.from_records(list(rows), columns=["pk", *REGISTRATION_COLUMNS])
    # Not linked yet (no full linkage has run): each registration is its own person.
    unlinked = frame["person_key"] == ""
    frame.loc[unlinked, "person_key"] = "R" + frame.loc[unlinked, "pk"].astype(str)
    return frame.drop(columns=["pk"])


def counts_frame() -> pd.DataFrame:
    """The untraceable counts: kept apart from the registrations, never linked."""
    rows = CountReport.objects.active().values_list(
        "year", "forms", "minor", "reporter_region", "source__kind"
    )
    return pd.DataFrame.from_records(list(rows), columns=list(COUNT_COLUMNS))


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


@transaction.atomic
def publish(*, threshold: int = DEFAULT_THRESHOLD) -> StatisticsRelease:
    frame = registrations_frame()
    counts = counts_frame()
    if frame.empty and counts.empty:
        return StatisticsRelease.objects.create(threshold=threshold)
    years = sorted(
        {int(y) for y in pd.to_datetime(frame["reported_on"]).dt.year}
        | {int(y) for y in counts["year"]}
    )
    tables = release(frame, years) if not frame.empty else []
    if not frame.empty:
        tables.append(registrations_per_source(frame, years))
    if not counts.empty:
        tables.append(not_deduplicated_table(counts, years))
    published = protect(tables, threshold=threshold)
    return StatisticsRelease.objects.create(
        threshold=threshold,
        registrations=len(frame),
        persons=int(frame["person_key"].nunique()),
        years=years,
        tables=[_serialise(item) for item in published],
    )
