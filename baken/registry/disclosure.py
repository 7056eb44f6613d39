"""Disclosure control for a release of count tables.

Primary suppression: a count from 1 up to the threshold (default 10, exclusive) is not published.
Secondary suppression: a suppressed count must not be recoverable by subtraction. Every table of
persons by category and year is checked per year against its published total (the number of
persons that year, the same in every table of the release); wherever exactly one count of such a
sum is hidden, the smallest other published count in it is hidden too (or, if none is left, the
total, which is then hidden in every table). Tables in which a person can have several values
(forms, sectors, sources, regions) do not add up to the total, but are treated the same way, which
is safe. A count that appears in several tables of one release is shown or hidden in all of them.
The procedure repeats until nothing changes. Zeros are published.

Framework-free. See docs/statistics.md."""

from dataclasses import dataclass
from enum import StrEnum

from baken.registry.person_counts import Table

DEFAULT_THRESHOLD = 10


class Hidden(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass
class PublishedTable:
    table: Table
    hidden: dict[tuple[str, int], Hidden]  # cells; the category "" is the year's total

    def cell(self, category: str, year: int) -> int | Hidden:
        return self.hidden.get((category, year)) or self.table.count(category, year)

    def total(self, year: int) -> int | Hidden:
        return self.hidden.get(("", year)) or self.table.totals.get(year, 0)


def _cell_key(table: Table, category: str, year: int) -> tuple[str, str, int]:
    if category == "":
        return (f"total:{table.total_of}", "", year)
    return (table.key, category, year)


def protect(tables: list[Table], *, threshold: int = DEFAULT_THRESHOLD) -> list[PublishedTable]:
    values: dict[tuple[str, str, int], int] = {}
    sums: list[list[tuple[str, str, int]]] = []  # each: the cells of one year plus its total
    for table in tables:
        for year in table.years:
            members = [_cell_key(table, category, year) for category in table.categories]
            for category, key in zip(table.categories, members, strict=True):
                values[key] = table.count(category, year)
            total = _cell_key(table, "", year)
            values[total] = table.totals.get(year, 0)
            sums.append([*members, total])

    hidden: dict[tuple[str, str, int], Hidden] = {
        key: Hidden.PRIMARY for key, value in values.items() if 0 < value < threshold
    }
    changed = True
    while changed:
        changed = False
        for cells in sums:
            hidden_here = [key for key in cells if key in hidden]
            if len(hidden_here) != 1:
                continue
            candidates = [key for key in cells[:-1] if key not in hidden and values[key] > 0]
            extra = min(candidates, key=lambda k: (values[k], k)) if candidates else cells[-1]
            if extra in hidden:  # the total is the only one left and already hidden
                continue
            hidden[extra] = Hidden.SECONDARY
            changed = True

    published = []
    for table in tables:
        hidden_cells = {
            (category, year): hidden[_cell_key(table, category, year)]
            for year in table.years
            for category in [*table.categories, ""]
            if _cell_key(table, category, year) in hidden
        }
        published.append(PublishedTable(table=table, hidden=hidden_cells))
    return published
