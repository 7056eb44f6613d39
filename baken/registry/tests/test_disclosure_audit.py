"""The disclosure audit: from everything a release publishes, how far a hidden count can be
narrowed (linear programming over the tables and the sums that link them); a release whose
hidden counts can be pinned is caught, made safe by hiding more, or not published at all."""

from datetime import date
from io import StringIO

import pandas as pd
import pytest

from baken.registry import releases
from baken.registry.disclosure import PublishedTable, protect
from baken.registry.disclosure_audit import (
    AuditError,
    Cell,
    Hidden,
    audit,
    cell_values,
    relations,
)
from baken.registry.models import StatisticsRelease
from baken.registry.person_counts import Table, release


def one_year(key: str, counts: dict[str, int], year: int = 2022, **extra: object) -> Table:
    return Table(
        key=key,
        title=key,
        years=[year],
        categories=list(counts),
        counts={(c, year): n for c, n in counts.items()},
        totals={year: sum(counts.values())},
        **extra,  # type: ignore[arg-type]
    )


def hidden_cells(published: list[PublishedTable]) -> dict[Cell, Hidden]:
    return {
        (f"total:{p.table.total_of}", "", y) if c == "" else (p.table.key, c, y): kind
        for p in published
        for (c, y), kind in p.hidden.items()
    }


def test_the_audit_catches_a_small_count_narrowed_by_its_partner() -> None:
    sex = one_year("sex", {"female": 40, "male": 12, "other": 3, "unknown": 20})
    # What subtraction-only protection publishes: "< 10" and one "x" beside it. Then
    # other + male = 15 and male >= 10, so other lies from 1 to 5 only.
    under_protected = {
        ("sex", "other", 2022): Hidden.PRIMARY,
        ("sex", "male", 2022): Hidden.SECONDARY,
    }
    result = audit([sex], under_protected, threshold=10, protection_width=5)
    assert not result.passed
    [narrowed] = result.failing
    assert (narrowed.lower, narrowed.upper) == (1, 5)
    # protect() hides one more count, and then the range is the whole "< 10".
    [published] = protect([sex], threshold=10, protection_width=5)
    assert published.cell("unknown", 2022) == Hidden.SECONDARY
    assert published.audit is not None and published.audit.passed
    assert [(r.lower, r.upper) for r in published.audit.ranges] == [(1, 9)]


def test_the_2022_unknown_age_cell_is_pinned_by_a_table_that_protects_itself_only() -> None:
    """Minor or adult: 40 minors, 30 adults, 8 unknown (total 78). Age groups: 12-15 40, 23+ 30,
    unknown 8. Each table on its own hides the 8 and one partner, but adults are the age groups
    18-22 and 23+: the audit links the tables, and the unknown cell is exactly 8."""
    minor = one_year("minor", {"minor": 40, "adult": 30, "unknown": 8})
    ages = one_year("age_group", {"12-15": 40, "23+": 30, "unknown": 8})
    per_table = {
        ("minor", "unknown", 2022): Hidden.PRIMARY,
        ("minor", "adult", 2022): Hidden.SECONDARY,
        ("age_group", "unknown", 2022): Hidden.PRIMARY,
        ("age_group", "12-15", 2022): Hidden.SECONDARY,
    }
    result = audit([minor, ages], per_table, threshold=10, protection_width=5)
    pinned = {r.cell: (r.lower, r.upper) for r in result.ranges}
    assert pinned[("minor", "unknown", 2022)] == (8, 8)
    published = protect([minor, ages], threshold=10, protection_width=5)
    assert published[0].audit is not None and published[0].audit.passed
    assert all(r.width >= 5 for r in published[0].audit.ranges)


def registrations(rows: list[dict[str, object]]) -> pd.DataFrame:
    base: dict[str, object] = {
        "source": "s",
        "source_kind": "police",
        "reported_on": date(2025, 3, 1),
        "birth_year": 2008,
        "sex": "female",
        "nationality": "NL",
        "forms": ["labour"],
        "sector": "",
        "cross_border": False,
        "minor": None,
        "region": "RE01",
    }
    return pd.DataFrame([{**base, **row} for row in rows])


def varied_frame() -> pd.DataFrame:
    forms = [["labour"], ["criminal"], ["sexual-domestic"], ["labour", "criminal"]]
    nationalities = ["NL", "RO", "NG", "", "Nederlandse", "DEU"]
    kinds = ["police", "care_coordinator", "youth_care", "kmar"]
    rows = []
    for person in range(300):
        for extra in range(1 + person % 2):
            rows.append(
                {
                    "person_key": f"P{person}",
                    "source_kind": kinds[(person + extra * 3) % 4],
                    "reported_on": date(2024 + person % 2, 5, 1),
                    "birth_year": None if person % 11 == 0 else 1985 + person % 30,
                    "sex": ["female", "male", "unknown"][person % 3],
                    "nationality": nationalities[person % 6],
                    "forms": forms[person % 4],
                }
            )
    return registrations(rows)


def test_cross_tables_are_consistent_with_their_margins_and_protected_together() -> None:
    tables = release(varied_frame())
    by_key = {t.key: t for t in tables}
    assert {"form_x_age_group", "form_x_sex", "form_x_nationality_group", "form_x_source_kind"} <= (
        set(by_key)
    )
    cross, forms = by_key["form_x_sex"], by_key["form"]
    for year in cross.years:
        for form in forms.categories:
            row = sum(cross.count(f"{form}|{sex}", year) for sex in ("female", "male", "unknown"))
            assert row == forms.count(form, year)  # sex is single-valued: the row is the margin
    groups = by_key["nationality_group"]
    assert groups.count("dutch", 2024) == sum(
        by_key["nationality"].count(n, 2024) for n in ("NL", "Nederlandse")
    )
    # Every relation the audit uses holds for the true counts.
    values = cell_values(tables)
    for relation in relations(tables):
        total = sum(coefficient * values.get(cell, 0) for cell, coefficient in relation.terms)
        assert total == 0 if relation.equal else total >= 0, relation
    published = protect(tables, threshold=10, protection_width=5)
    checked = audit(tables, hidden_cells(published), threshold=10, protection_width=5)
    assert checked.passed and checked.ranges  # small cross-table cells were hidden and audited
    assert any(key.startswith("form_x_") for key, _c, _y in hidden_cells(published))


def test_tables_that_contradict_each_other_are_an_error() -> None:
    sex = one_year("sex", {"female": 40, "other": 3})
    sex.totals[2022] = 60  # a counting bug: "other" would have to be 20, yet it is "< 10"
    with pytest.raises(AuditError):
        audit([sex], {("sex", "other", 2022): Hidden.PRIMARY}, threshold=10, protection_width=5)


@pytest.mark.django_db
def test_a_release_that_fails_the_audit_is_not_published(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = varied_frame()
    monkeypatch.setattr(releases, "registrations_frame", lambda: frame)

    def primary_only(tables: list[Table], **options: object) -> list[PublishedTable]:
        published = protect(tables, threshold=10, protection_width=0)
        return [
            PublishedTable(
                p.table, {k: v for k, v in p.hidden.items() if v == Hidden.PRIMARY}, p.audit
            )
            for p in published
        ]

    monkeypatch.setattr(releases, "protect", primary_only)
    with pytest.raises(AuditError):
        releases.publish()
    assert not StatisticsRelease.objects.exists()
    monkeypatch.undo()
    monkeypatch.setattr(releases, "registrations_frame", lambda: frame)
    stored = releases.publish()
    assert stored.audit["passed"] is True
    assert stored.audit["narrowest_width"] >= stored.protection_width == 5


@pytest.mark.django_db
def test_link_rebuild_reports_the_audit_and_refuses_a_release_that_fails_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from django.core.management import CommandError, call_command

    from baken.registry import persons

    frame = varied_frame()
    monkeypatch.setattr(releases, "registrations_frame", lambda: frame)

    def rebuild(progress: object) -> SimpleNamespace:
        releases.publish()  # as persons.rebuild does after linking
        return SimpleNamespace(records=len(frame), persons=300, pairs=0)

    monkeypatch.setattr(persons, "rebuild", rebuild)
    output = StringIO()
    call_command("link", rebuild=True, stdout=output)
    assert "disclosure audit passed" in output.getvalue()
    assert "protection width 5" in output.getvalue()

    def fails(tables: list[Table], **options: object) -> list[PublishedTable]:
        return [
            PublishedTable(p.table, {k: v for k, v in p.hidden.items() if v == Hidden.PRIMARY})
            for p in protect(tables, threshold=10)
        ]

    monkeypatch.setattr(releases, "protect", fails)
    with pytest.raises(CommandError, match="not published"):
        call_command("link", rebuild=True, stdout=StringIO())
    assert StatisticsRelease.objects.count() == 1


def few_persons_seen_by_many_kinds(year: int = 2025) -> pd.DataFrame:
    """Five persons in a year, each seen by another combination of source kinds: five counts of
    at least 1 that add up to the year's total below 10, so each lies from 1 to 5 whatever else
    is hidden, narrower than the protection width; and every table of the year pinned with it."""
    combinations = [
        ["kmar", "police", "youth_care"],
        ["police", "youth_care"],
        ["labour_inspectorate"],
        ["youth_care"],
        ["care_coordinator"],
    ]
    return registrations(
        [
            {"person_key": f"S{person}", "source_kind": kind, "reported_on": date(year, 1, 10)}
            for person, kinds in enumerate(combinations)
            for kind in kinds
        ]
    )


def test_a_table_year_that_cannot_be_protected_is_withheld_and_the_rest_published() -> None:
    """A new year with five persons beside two full years: before, no release could be made at
    all (every table of the new year failed, and nothing was published)."""
    frame = pd.concat([varied_frame(), few_persons_seen_by_many_kinds(2026)])
    tables = release(frame)
    published = protect(tables, threshold=10, protection_width=5)
    withheld = {
        (p.table.key, y) for p in published for (_c, y), k in p.hidden.items() if k == "withheld"
    }
    # The five combinations and the five source kinds; every other table of 2026 is published.
    assert withheld == {("overlap", 2026), ("source_kind", 2026)}
    by_key = {p.table.key: p for p in published}
    assert by_key["form"].cell("labour", 2026) == Hidden.PRIMARY
    overlap = by_key["overlap"]
    assert Hidden.WITHHELD not in {overlap.cell(c, 2024) for c in overlap.table.categories}
    checked = audit(tables, hidden_cells(published), threshold=10, protection_width=5)
    assert checked.passed


@pytest.mark.django_db
def test_the_release_records_the_table_years_it_withheld(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pd.concat([varied_frame(), few_persons_seen_by_many_kinds(2026)])
    monkeypatch.setattr(releases, "registrations_frame", lambda: frame)
    stored = releases.publish()
    assert stored.withheld == [["overlap", 2026], ["source_kind", 2026]]
    overlap = next(t for t in stored.tables if t["key"] == "overlap")
    column = overlap["years"].index(2026)
    assert {row["values"][column] for row in overlap["rows"]} == {"withheld"}
    assert stored.audit["passed"] is True
