"""Statistics count persons: known registrations in, known tables out."""

from datetime import date

import pandas as pd

from baken.registry.person_counts import age_group, person_years, registrations_per_source, release


def registration(person: str, source: str, kind: str, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "person_key": person,
        "source": source,
        "source_kind": kind,
        "reported_on": date(2025, 3, 1),
        "birth_year": 2009,
        "sex": "female",
        "nationality": "NL",
        "forms": ["sexual-domestic"],
        "sector": "",
        "cross_border": False,
        "minor": True,
        "region": "RE03",
    }
    row.update(changes)
    return row


def known() -> pd.DataFrame:
    return pd.DataFrame(
        [
            # One girl registered by three sources in 2025: one person.
            registration("P1", "Politie Midden-Nederland", "police"),
            registration("P1", "Zorgcoördinatie Utrecht", "care_coordinator", region="RE03"),
            registration("P1", "Jeugdzorg De Linde", "youth_care", forms=["criminal"]),
            # A man registered twice by the labour inspectorate, once in each year.
            registration(
                "P2",
                "NLA",
                "labour_inspectorate",
                birth_year=1990,
                sex="male",
                nationality="RO",
                forms=["labour"],
                sector="agriculture",
                cross_border=True,
                minor=False,
                region="RE08",
            ),
            registration(
                "P2",
                "NLA",
                "labour_inspectorate",
                reported_on=date(2026, 2, 1),
                birth_year=1990,
                sex="male",
                nationality="RO",
                forms=["labour"],
                sector="agriculture",
                cross_border=True,
                minor=False,
                region="RE08",
            ),
            # Year of birth unknown, reported as a minor.
            registration(
                "P3", "Politie Midden-Nederland", "police", birth_year=None, sex="unknown"
            ),
        ]
    )


def by_key(tables: list) -> dict:  # type: ignore[type-arg]
    return {table.key: table for table in tables}


def test_one_person_registered_by_three_sources_counts_once() -> None:
    tables = by_key(release(known()))
    assert tables["sex"].totals == {2025: 3, 2026: 1}
    assert tables["source_kind"].count("police", 2025) == 2
    assert tables["source_kind"].count("care_coordinator", 2025) == 1
    # Two forms for the same girl: she counts under each; the rows exceed the total.
    assert tables["form"].count("sexual-domestic", 2025) == 2
    assert tables["form"].count("criminal", 2025) == 1
    assert tables["form"].multi_valued
    assert tables["overlap"].count("care_coordinator + police + youth_care", 2025) == 1


def test_age_groups_minors_sex_and_border_per_year() -> None:
    tables = by_key(release(known()))
    assert tables["age_group"].count("16-17", 2025) == 1  # born 2009, registered 2025
    assert tables["age_group"].count("23+", 2026) == 1
    assert tables["age_group"].count("unknown", 2025) == 1
    assert tables["minor"].count("minor", 2025) == 2  # P1 by age, P3 by the minor flag
    assert tables["minor"].count("adult", 2025) == 1
    assert tables["sex"].count("unknown", 2025) == 1
    assert tables["border"].count("cross-border", 2026) == 1
    assert tables["region"].count("RE08", 2025) == 1
    assert tables["sector"].count("agriculture", 2026) == 1


def test_registrations_per_source_count_registrations() -> None:
    table = registrations_per_source(known(), [2025, 2026])
    assert table.count("Politie Midden-Nederland", 2025) == 2
    assert table.totals == {2025: 5, 2026: 1}


def test_person_years_resolve_conflicting_values_to_the_most_common() -> None:
    rows = known()
    rows.loc[1, "nationality"] = "BE"
    rows.loc[2, "nationality"] = ""
    frame = person_years(rows)
    first = frame[(frame["person_key"] == "P1") & (frame["year"] == 2025)].iloc[0]
    assert first["nationality"] in {"NL", "BE"}
    assert first["registrations"] == 3


def test_age_group_boundaries() -> None:
    assert [age_group(a) for a in (0, 11, 12, 15, 16, 17, 18, 22, 23, None)] == [
        "0-11",
        "0-11",
        "12-15",
        "12-15",
        "16-17",
        "16-17",
        "18-22",
        "18-22",
        "23+",
        "unknown",
    ]
