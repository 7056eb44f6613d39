"""The registry's registrations and untraceable counts as data frames, for counting
(person_counts.py) and estimating (capture_tables.py)."""

import pandas as pd

from baken.registry.models import CountReport, Registration
from baken.registry.person_counts import COUNT_COLUMNS, REGISTRATION_COLUMNS


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
