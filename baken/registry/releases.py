"""The statistics release as stored: counted (person_counts.py) over the registry's linked
registrations, with disclosure control (disclosure.py); the newest one is what every page and
export shows."""

from typing import Any

import pandas as pd
from django.db import transaction

from baken.registry.disclosure import DEFAULT_THRESHOLD, PublishedTable, protect
from baken.registry.models import Registration, StatisticsRelease
from baken.registry.person_counts import REGISTRATION_COLUMNS, registrations_per_source, release


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
    if frame.empty:
        return StatisticsRelease.objects.create(threshold=threshold)
    tables = release(frame)
    years = tables[0].years
    tables.append(registrations_per_source(frame, years))
    published = protect(tables, threshold=threshold)
    return StatisticsRelease.objects.create(
        threshold=threshold,
        registrations=len(frame),
        persons=int(frame["person_key"].nunique()),
        years=years,
        tables=[_serialise(item) for item in published],
    )
