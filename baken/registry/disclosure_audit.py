"""The disclosure audit of a release: how far can a hidden count be narrowed from everything that
is published?

As τ-ARGUS's audit: every published count is a constant, every hidden count an unknown, and every
way in which the published tables hang together is a linear constraint (a year's cells add up to
its total; a person with several forms counts in several rows, so those rows add up to at least
the total and each is at most the total; a cross table's row adds up to the margin; the persons
per source kind are the sums of the overlap table; adults are the age groups 18-22 and 23+; a
nationality group is the sum of its nationalities). What the attacker knows of a hidden count is
also a constraint: "< 10" lies from 1 to 9, and "x" is a count that was published before it was
hidden to protect another, so at least the threshold. For each count hidden because it is small,
two linear programs (scipy's HiGHS) give the smallest and the largest value it can take; the
range, rounded inwards to whole numbers, must be at least the protection width wide. The linear
relaxation gives ranges at least as wide as the whole-number problem, so the audit is the same
one τ-ARGUS runs, not a stricter one.

The problem falls apart into independent pieces (hidden counts linked by no constraint never
inform each other), each solved on its own. Framework-free."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from scipy.optimize import linprog

from baken.registry.person_counts import AGE_GROUPS, OLDEST_GROUP, UNKNOWN, Table, nationality_group

Cell = tuple[str, str, int]  # (table key or "total:<what>", category, year)


class Hidden(StrEnum):
    PRIMARY = "primary"  # shown as "< threshold": known to lie from 1 to threshold - 1
    SECONDARY = "secondary"  # shown as "x": every smaller count is primary, so at least threshold
    WITHHELD = "withheld"  # a table's year not published at all: any count from 0


class AuditError(ValueError):
    """The published tables contradict each other: no table fits them (a bug in the counting)."""


@dataclass(frozen=True)
class Relation:
    """sum(coefficient * cell) == 0, or >= 0."""

    terms: tuple[tuple[Cell, float], ...]
    equal: bool

    @property
    def cells(self) -> list[Cell]:
        return [cell for cell, _coefficient in self.terms]

    @property
    def is_sum(self) -> bool:
        """A sum of several counts (not the bound of one count by another)."""
        return len(self.terms) > 2


@dataclass(frozen=True)
class CellRange:
    cell: Cell
    value: int
    lower: int
    upper: int

    @property
    def width(self) -> int:
        return self.upper - self.lower


@dataclass(frozen=True)
class AuditResult:
    protection_width: int
    ranges: list[CellRange]

    @property
    def failing(self) -> list[CellRange]:
        return [r for r in self.ranges if r.width < self.protection_width]

    @property
    def passed(self) -> bool:
        return not self.failing

    @property
    def narrowest(self) -> int | None:
        return min((r.width for r in self.ranges), default=None)

    def summary(self) -> dict[str, object]:
        return {
            "passed": self.passed,
            "protection_width": self.protection_width,
            "cells_checked": len(self.ranges),
            "narrowest_width": self.narrowest,
            "failing": [list(r.cell) for r in self.failing],
        }


def default_protection_width(threshold: int) -> int:
    """Half the threshold: a "< 10" cannot be narrowed to fewer than six possible values."""
    return threshold // 2


def cell_key(table: Table, category: str, year: int) -> Cell:
    if category == "":
        return (f"total:{table.total_of}", "", year)
    return (table.key, category, year)


def cell_values(tables: Iterable[Table]) -> dict[Cell, int]:
    values: dict[Cell, int] = {}
    for table in tables:
        for year in table.years:
            for category in table.categories:
                values[cell_key(table, category, year)] = table.count(category, year)
            values[cell_key(table, "", year)] = table.totals.get(year, 0)
    return values


def _sum(cells: list[Cell], minus: list[Cell], *, equal: bool) -> Relation:
    terms: dict[Cell, float] = {}
    for cell in cells:
        terms[cell] = terms.get(cell, 0.0) + 1.0
    for cell in minus:
        terms[cell] = terms.get(cell, 0.0) - 1.0
    return Relation(tuple((c, v) for c, v in terms.items() if v), equal)


def _covers_total(table: Table) -> bool:
    """Whether every unit is in at least one row (persons without a value count as unknown);
    untraceable counts without a form are in no row."""
    return table.key != "not_deduplicated"


def relations(tables: list[Table]) -> list[Relation]:
    """Every linear constraint between the counts of a release that a reader can know."""
    by_key = {t.key: t for t in tables}
    result: list[Relation] = []
    for table in tables:
        for year in table.years:
            total = cell_key(table, "", year)
            if table.crosses:
                result.extend(_cross_relations(table, by_key, year))
                continue
            members = [cell_key(table, c, year) for c in table.categories]
            if not table.multi_valued:
                result.append(_sum(members, [total], equal=True))
                continue
            if _covers_total(table) and members:
                result.append(_sum(members, [total], equal=False))
            result.extend(_sum([total], [m], equal=False) for m in members)
    result.extend(_linking_relations(by_key))
    return [r for r in result if r.terms]


def _cross_relations(table: Table, by_key: dict[str, Table], year: int) -> list[Relation]:
    assert table.crosses is not None  # noqa: S101
    row_key, column_key = table.crosses
    rows, columns = by_key.get(row_key), by_key.get(column_key)
    if rows is None or columns is None:
        return []
    result = []
    by_row: dict[str, list[Cell]] = {}
    by_column: dict[str, list[Cell]] = {}
    for category in table.categories:
        row, column = category.split("|", 1)
        cell = cell_key(table, category, year)
        by_row.setdefault(row, []).append(cell)
        by_column.setdefault(column, []).append(cell)
        result.append(_sum([cell_key(rows, row, year)], [cell], equal=False))
        result.append(_sum([cell_key(columns, column, year)], [cell], equal=False))
    # Each person has one value of a single-valued column: a row adds up to its margin.
    for row, cells in by_row.items():
        margin = cell_key(rows, row, year)
        result.append(_sum(cells, [margin], equal=not columns.multi_valued))
    # A person can have several forms: a column adds up to at least its margin.
    for column, cells in by_column.items():
        result.append(_sum(cells, [cell_key(columns, column, year)], equal=False))
    return result


def _linking_relations(by_key: dict[str, Table]) -> list[Relation]:
    result: list[Relation] = []
    kinds, overlap = by_key.get("source_kind"), by_key.get("overlap")
    if kinds and overlap:
        for year in kinds.years:
            for kind in kinds.categories:
                combos = [
                    cell_key(overlap, c, year) for c in overlap.categories if kind in c.split(" + ")
                ]
                result.append(_sum([cell_key(kinds, kind, year)], combos, equal=True))
    ages, minor = by_key.get("age_group"), by_key.get("minor")
    if ages and minor:
        young = [label for _low, high, label in AGE_GROUPS if high < 18]
        old = [label for _low, high, label in AGE_GROUPS if high >= 18] + [OLDEST_GROUP]
        for year in ages.years:

            def group(labels: list[str], year: int = year) -> list[Cell]:
                return [cell_key(ages, c, year) for c in labels if c in ages.categories]

            def status(name: str, year: int = year) -> list[Cell]:
                return [cell_key(minor, name, year)] if name in minor.categories else []

            result.append(_sum(status("adult"), group(old), equal=True))
            result.append(_sum(status("minor"), group(young), equal=False))
            result.append(_sum(group([UNKNOWN]), status(UNKNOWN), equal=False))
    nationalities, groups = by_key.get("nationality"), by_key.get("nationality_group")
    if nationalities and groups:
        for year in groups.years:
            for name in groups.categories:
                members = [
                    cell_key(nationalities, c, year)
                    for c in nationalities.categories
                    if nationality_group(c) == name
                ]
                result.append(_sum([cell_key(groups, name, year)], members, equal=True))
    return result


def _bounds(cell: Cell, hidden: dict[Cell, Hidden], threshold: int) -> tuple[float, float | None]:
    if hidden[cell] == Hidden.PRIMARY:
        return (1.0, float(threshold - 1))
    if hidden[cell] == Hidden.WITHHELD:
        return (0.0, None)
    return (float(threshold), None)


def _components(rels: list[Relation], hidden: dict[Cell, Hidden]) -> list[list[Cell]]:
    parent: dict[Cell, Cell] = {cell: cell for cell in hidden}

    def find(cell: Cell) -> Cell:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for relation in rels:
        inside = [c for c in relation.cells if c in hidden]
        for other in inside[1:]:
            parent[find(other)] = find(inside[0])
    groups: dict[Cell, list[Cell]] = {}
    for cell in hidden:
        groups.setdefault(find(cell), []).append(cell)
    return list(groups.values())


class Auditor:
    """Audits a release's hidden counts; remembers the pieces already solved, so that auditing
    again after hiding one more count solves only the piece that changed."""

    def __init__(self, tables: list[Table], *, threshold: int, protection_width: int) -> None:
        self.values = cell_values(tables)
        self.relations = relations(tables)
        self.threshold = threshold
        self.protection_width = protection_width
        self.by_cell: dict[Cell, list[int]] = {}
        for index, relation in enumerate(self.relations):
            for cell in relation.cells:
                self.by_cell.setdefault(cell, []).append(index)
        self._solved: dict[tuple[frozenset[Cell], frozenset[Cell]], list[CellRange]] = {}

    def audit(self, hidden: dict[Cell, Hidden]) -> AuditResult:
        ranges: list[CellRange] = []
        for component in _components(self.relations, hidden):
            primary = frozenset(c for c in component if hidden[c] == Hidden.PRIMARY)
            if not primary:
                continue
            key = (frozenset(component), primary)
            if key not in self._solved:
                self._solved[key] = self._solve(component, hidden)
            ranges.extend(self._solved[key])
        return AuditResult(self.protection_width, sorted(ranges, key=lambda r: r.cell))

    def _solve(self, component: list[Cell], hidden: dict[Cell, Hidden]) -> list[CellRange]:
        index = {cell: i for i, cell in enumerate(sorted(component))}
        n = len(index)
        rows_eq: list[np.ndarray] = []
        rhs_eq: list[float] = []
        rows_ub: list[np.ndarray] = []
        rhs_ub: list[float] = []
        seen: set[int] = set()
        for cell in component:
            for number in self.by_cell.get(cell, []):
                if number in seen:
                    continue
                seen.add(number)
                relation = self.relations[number]
                row = np.zeros(n)
                constant = 0.0
                for other, coefficient in relation.terms:
                    if other in index:
                        row[index[other]] += coefficient
                    else:
                        constant += coefficient * self.values.get(other, 0)
                if relation.equal:
                    rows_eq.append(row)
                    rhs_eq.append(-constant)
                else:  # row·x + constant >= 0  ⇔  -row·x <= constant
                    rows_ub.append(-row)
                    rhs_ub.append(constant)
        cells = sorted(index, key=lambda c: index[c])
        bounds = [_bounds(cell, hidden, self.threshold) for cell in cells]
        a_eq = np.array(rows_eq) if rows_eq else None
        a_ub = np.array(rows_ub) if rows_ub else None
        result = []
        for cell in cells:
            if hidden[cell] != Hidden.PRIMARY:
                continue
            if not rows_eq and not rows_ub:
                low, high = bounds[index[cell]]
                result.append(
                    CellRange(cell, self.values[cell], int(low), int(high or self.threshold - 1))
                )
                continue
            objective = np.zeros(n)
            objective[index[cell]] = 1.0
            extremes = []
            for sign in (1.0, -1.0):
                solved = linprog(
                    sign * objective,
                    A_ub=a_ub,
                    b_ub=np.array(rhs_ub) if rows_ub else None,
                    A_eq=a_eq,
                    b_eq=np.array(rhs_eq) if rows_eq else None,
                    bounds=bounds,
                    method="highs",
                )
                if solved.status == 2:
                    raise AuditError(f"the published tables contradict each other at {cell}")
                if not solved.success:
                    raise AuditError(f"the audit could not solve {cell}: {solved.message}")
                extremes.append(sign * float(solved.fun))
            low = math.ceil(extremes[0] - 1e-6)
            high = math.floor(extremes[1] + 1e-6)
            result.append(CellRange(cell, self.values[cell], low, high))
        return result

    def widening_candidate(self, cell: Cell, hidden: dict[Cell, Hidden]) -> Cell | None:
        """A published count to hide so that `cell` can vary more: the smallest non-zero count
        in a sum with it (a category before a total), searching outwards through sums whose
        counts are all hidden already."""
        frontier, visited_cells, visited = [cell], {cell}, set()
        while frontier:
            options: list[tuple[int, int, Cell]] = []
            following: list[Cell] = []
            for current in frontier:
                for number in self.by_cell.get(current, []):
                    if number in visited:
                        continue
                    visited.add(number)
                    for other in self.relations[number].cells:
                        if other in hidden:
                            if other not in visited_cells:
                                visited_cells.add(other)
                                following.append(other)
                        elif self.values.get(other, 0) > 0:
                            is_total = other[0].startswith("total:")
                            options.append((int(is_total), self.values[other], other))
            if options:
                return min(options)[2]
            frontier = following
        return None


def audit(
    tables: list[Table],
    hidden: dict[Cell, Hidden],
    *,
    threshold: int,
    protection_width: int | None = None,
) -> AuditResult:
    width = default_protection_width(threshold) if protection_width is None else protection_width
    return Auditor(tables, threshold=threshold, protection_width=width).audit(hidden)
