"""Disclosure control for a release of count tables.

Primary suppression: a count from 1 up to the threshold (default 10, exclusive) is not published.
Secondary suppression, in two steps:
1. A suppressed count must not be recoverable by subtraction: wherever exactly one count of a sum
   is hidden (a year's cells and its total; a cross table's row and its margin; the sums that link
   tables, see disclosure_audit.relations), the smallest other published count in it is hidden too
   (or, if none is left, the total, which is then hidden in every table). A count that appears in
   several tables of one release is shown or hidden in all of them. Repeated until nothing changes.
2. The audit (disclosure_audit.py): from everything published, by linear programming, the range
   each count hidden for being small can take must be at least the protection width wide. While a
   count fails, one more count near it is hidden, and the audit runs again.
A table's year whose small counts cannot be protected at all is withheld (see protect). A release
whose audit does not pass is never returned (DisclosureError). Zeros are published.

Framework-free. See docs/statistics.md."""

from dataclasses import dataclass, field

from baken.registry.disclosure_audit import (
    Auditor,
    AuditResult,
    Cell,
    Hidden,
    cell_key,
    cell_values,
    default_protection_width,
    relations,
)
from baken.registry.person_counts import Table

DEFAULT_THRESHOLD = 10
__all__ = ["DEFAULT_THRESHOLD", "DisclosureError", "Hidden", "PublishedTable", "protect"]


class DisclosureError(ValueError):
    """No suppression pattern could be found that passes the audit: nothing is published."""

    def __init__(self, message: str, failing: list[Cell] | None = None) -> None:
        super().__init__(message)
        self.failing = failing or []


@dataclass
class PublishedTable:
    table: Table
    hidden: dict[tuple[str, int], Hidden]  # cells; the category "" is the year's total
    audit: AuditResult | None = field(default=None, compare=False)

    def cell(self, category: str, year: int) -> int | Hidden:
        return self.hidden.get((category, year)) or self.table.count(category, year)

    def total(self, year: int) -> int | Hidden:
        return self.hidden.get(("", year)) or self.table.totals.get(year, 0)


def _hide_singly_hidden_sums(
    sums: list[list[Cell]], values: dict[Cell, int], hidden: dict[Cell, Hidden]
) -> None:
    changed = True
    while changed:
        changed = False
        for cells in sums:
            hidden_here = [key for key in cells if key in hidden]
            if len(hidden_here) != 1:
                continue
            candidates = [
                key
                for key in cells
                if key not in hidden and values.get(key, 0) > 0 and not key[0].startswith("total:")
            ]
            totals = [key for key in cells if key[0].startswith("total:")]
            if candidates:
                extra = min(candidates, key=lambda k: (values[k], k))
            elif totals:
                extra = totals[-1]
            else:
                continue
            if extra in hidden or values.get(extra, 0) == 0:
                continue
            hidden[extra] = Hidden.SECONDARY
            changed = True


def protect(
    tables: list[Table],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    protection_width: int | None = None,
) -> list[PublishedTable]:
    """The tables with their small counts hidden. When hiding more cannot protect them (a year
    with few persons, each in another category: five persons under five combinations of source
    kinds are each from 1 to 5, since together they make the year's total below 10), that table's
    year is withheld (not published at all, so nothing is known of its counts) and the release is
    protected again; first the table-year with the most small counts among those that failed.
    Only when nothing is left to withhold is DisclosureError raised."""
    withheld: set[tuple[str, int]] = set()
    while True:
        try:
            return _protect(
                tables, threshold=threshold, protection_width=protection_width, withheld=withheld
            )
        except DisclosureError as error:
            culprit = _most_small_counts(tables, error.failing, withheld, threshold)
            if culprit is None:
                raise
            withheld.add(culprit)


def _most_small_counts(
    tables: list[Table], failing: list[Cell], withheld: set[tuple[str, int]], threshold: int
) -> tuple[str, int] | None:
    """Of the table-years with a count that failed, the one with the most counts from 1 to
    threshold - 1: their lower bounds of 1 are what add up to pin the others."""
    by_key = {table.key: table for table in tables}
    candidates = {(key, year) for key, _c, year in failing if key in by_key} - withheld

    def small_counts(candidate: tuple[str, int]) -> tuple[int, str, int]:
        key, year = candidate
        table = by_key[key]
        small = sum(1 for c in table.categories if 0 < table.count(c, year) < threshold)
        return (small, key, year)

    return max(candidates, key=small_counts, default=None)


def _protect(
    tables: list[Table],
    *,
    threshold: int,
    protection_width: int | None,
    withheld: set[tuple[str, int]],
) -> list[PublishedTable]:
    width = default_protection_width(threshold) if protection_width is None else protection_width
    values = cell_values(tables)
    sums = [relation.cells for relation in relations(tables) if relation.is_sum]
    hidden: dict[Cell, Hidden] = {
        key: Hidden.PRIMARY for key, value in values.items() if 0 < value < threshold
    }
    for table in tables:
        for category in table.categories:
            for year in table.years:
                if (table.key, year) in withheld:
                    hidden[cell_key(table, category, year)] = Hidden.WITHHELD
    auditor = Auditor(tables, threshold=threshold, protection_width=width)
    while True:
        _hide_singly_hidden_sums(sums, values, hidden)
        result = auditor.audit(hidden)
        if result.passed:
            break
        extra = {auditor.widening_candidate(failing.cell, hidden) for failing in result.failing}
        extra.discard(None)
        if not extra:
            raise DisclosureError(
                f"{len(result.failing)} hidden count(s) stay narrower than {width}: "
                + ", ".join(str(r.cell) for r in result.failing[:5]),
                failing=[r.cell for r in result.failing],
            )
        for cell in extra:
            if cell is not None:
                hidden[cell] = Hidden.SECONDARY

    published = []
    for table in tables:
        hidden_cells = {
            (category, year): hidden[cell_key(table, category, year)]
            for year in table.years
            for category in [*table.categories, ""]
            if cell_key(table, category, year) in hidden
        }
        published.append(PublishedTable(table=table, hidden=hidden_cells, audit=result))
    return published
