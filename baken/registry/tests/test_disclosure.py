"""Disclosure control: small counts hidden, and no hidden count recoverable from the totals,
within a table or across the tables of a release."""

from baken.registry.disclosure import Hidden, PublishedTable, protect
from baken.registry.person_counts import Table


def table(key: str, counts: dict[str, int], total: int | None = None, year: int = 2025) -> Table:
    return Table(
        key=key,
        title=key,
        years=[year],
        categories=list(counts),
        counts={(c, year): n for c, n in counts.items()},
        totals={year: sum(counts.values()) if total is None else total},
        multi_valued=key in ("form", "sector", "source_kind", "region", "not_deduplicated"),
    )


def recoverable(published: list[PublishedTable]) -> list[str]:
    """Sums (a year's cells plus its total) with exactly one hidden number."""
    problems = []
    for item in published:
        for year in item.table.years:
            cells = [*item.table.categories, ""]
            if sum((c, year) in item.hidden for c in cells) == 1:
                problems.append(f"{item.table.key} {year}")
    return problems


def test_small_counts_are_hidden_and_zero_and_large_counts_shown() -> None:
    [result] = protect([table("sex", {"female": 40, "male": 12, "other": 0})])
    assert result.hidden == {}
    [result] = protect([table("sex", {"female": 40, "male": 12, "other": 3, "unknown": 20})])
    assert result.cell("other", 2025) == Hidden.PRIMARY
    assert result.cell("male", 2025) == Hidden.SECONDARY  # the smallest other count
    assert result.cell("female", 2025) == 40
    assert result.total(2025) == 75
    assert recoverable([result]) == []


def test_a_count_beside_zeros_is_protected_by_hiding_the_total() -> None:
    [result] = protect([table("border", {"domestic": 4, "cross-border": 0}, total=4)])
    assert result.cell("domestic", 2025) == Hidden.PRIMARY
    assert result.total(2025) == Hidden.PRIMARY
    # A multi-valued table whose rows need not cover the total (untraceable counts without a
    # form are in no row): the total only bounds the hidden count from above, so it stays.
    [result] = protect([table("not_deduplicated", {"labour": 4, "criminal": 0}, total=25)])
    assert result.cell("labour", 2025) == Hidden.PRIMARY
    assert result.total(2025) == 25
    assert result.audit is not None and result.audit.passed


def test_a_hidden_total_is_hidden_in_every_table_and_each_table_protects_it() -> None:
    tables = [
        table("border", {"domestic": 4, "cross-border": 0}),
        table("sex", {"female": 4}),
        table("age_group", {"12-15": 0, "16-17": 4}),
    ]
    published = protect(tables)
    assert all(p.total(2025) in (Hidden.PRIMARY, Hidden.SECONDARY) for p in published)
    assert recoverable(published) == []


def test_the_same_count_in_two_tables_of_a_release_is_hidden_in_both() -> None:
    dashboard = table("form", {"labour": 30, "criminal": 5, "sexual-domestic": 60})
    report = table("form", {"labour": 30, "criminal": 5, "sexual-domestic": 60})
    first, second = protect([dashboard, report])
    assert first.hidden == second.hidden
    assert first.cell("criminal", 2025) == Hidden.PRIMARY


def test_secondary_suppression_cascades_until_nothing_is_recoverable() -> None:
    tables = [
        table("nationality", {"NL": 50, "RO": 3, "BG": 11, "PL": 12}),
        table("sex", {"female": 65, "male": 9, "unknown": 2}),
        table("region", {"RE01": 70, "RE02": 6}),
    ]
    published = protect(tables)
    assert recoverable(published) == []
    nationality = published[0]
    assert nationality.cell("RO", 2025) == Hidden.PRIMARY
    assert nationality.cell("BG", 2025) == Hidden.SECONDARY
