"""How the statistics release is shown: labels in the user's language, hidden counts marked,
charts, and the rows for CSV, XLSX and the annual report."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from baken.accounts.models import Division, Region
from baken.lib.charts import Chart, bar_chart
from baken.registry import code_lists
from baken.registry.models import SourceKind, StatisticsRelease

FORMS_FILE = Path(__file__).resolve().parent / "data" / "forms.json"

TABLE_TITLES = {
    "form": gettext_lazy("Form of exploitation"),
    "sector": gettext_lazy("Sector"),
    "border": gettext_lazy("Domestic or cross-border"),
    "age_group": gettext_lazy("Age group"),
    "minor": gettext_lazy("Minor or adult"),
    "sex": gettext_lazy("Sex"),
    "nationality": gettext_lazy("Nationality"),
    "nationality_group": gettext_lazy("Nationality group"),
    "source_kind": gettext_lazy("Reporting source"),
    "region": gettext_lazy("Region (police unit)"),
    "overlap": gettext_lazy("Reporting source kinds together (overlap)"),
    "registrations_per_source": gettext_lazy("Registrations per source"),
    "form_x_age_group": gettext_lazy("Form of exploitation by age group"),
    "form_x_sex": gettext_lazy("Form of exploitation by sex"),
    "form_x_nationality_group": gettext_lazy("Form of exploitation by nationality group"),
    "form_x_source_kind": gettext_lazy("Form of exploitation by reporting source"),
    "not_deduplicated": gettext_lazy(
        "Untraceable counts, not deduplicated (reported without pseudonyms; not in the persons)"
    ),
}


def withheld_titles(release: StatisticsRelease) -> list[str]:
    """Each table and year the release did not publish because it could not be protected."""
    return [f"{TABLE_TITLES.get(key, key)} {year}" for key, year in release.withheld]


VALUE_LABELS = {
    "unknown": gettext_lazy("unknown"),
    "minor": gettext_lazy("minor"),
    "adult": gettext_lazy("adult"),
    "domestic": gettext_lazy("domestic"),
    "cross-border": gettext_lazy("cross-border"),
    "female": gettext_lazy("female"),
    "male": gettext_lazy("male"),
    "other": gettext_lazy("other"),
    "dutch": gettext_lazy("Dutch"),
    "eu": gettext_lazy("other EU/EEA state"),
    "non_eu": gettext_lazy("outside the EU/EEA"),
}


@cache
def _form_names() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(FORMS_FILE.read_text(encoding="utf-8"))["forms"]
    return data


def category_label(table_key: str, category: str, regions: dict[str, str]) -> str:
    if table_key.startswith("form_x_") and "|" in category:
        form, value = category.split("|", 1)
        return f"{category_label('form', form, regions)} · " + category_label(
            table_key.removeprefix("form_x_"), value, regions
        )
    if table_key in ("form", "not_deduplicated") and category in _form_names():
        return _form_names()[category]["en" if get_language() == "en" else "nl"]
    if table_key == "source_kind":
        return str(dict(SourceKind.choices).get(category, category))
    if table_key == "overlap":
        kinds = dict(SourceKind.choices)
        return " + ".join(str(kinds.get(part, part)) for part in category.split(" + "))
    if table_key == "region":
        return regions.get(category, category)
    if table_key == "nationality":
        return code_lists.label("country", category)
    return str(VALUE_LABELS.get(category, category))


def police_units() -> dict[str, str]:
    return dict(Region.objects.filter(division=Division.POLICE_UNIT).values_list("code", "name"))


def shown(value: int | str, threshold: int) -> str:
    if value == "primary":
        return f"< {threshold}"
    if value == "secondary":
        return "x"
    if value == "withheld":
        return "."
    return number_format(value)


TOTAL_LABELS = {
    "persons": gettext_lazy("Persons"),
    "registrations": gettext_lazy("Registrations"),
    "counts": gettext_lazy("Counts (not deduplicated)"),
}


@dataclass
class ShownTable:
    key: str
    title: str
    years: list[int]
    rows: list[tuple[str, list[str]]]
    total: list[str]
    multi_valued: bool
    total_label: str


def shown_tables(
    release: StatisticsRelease, *, years: list[int] | None = None, keys: list[str] | None = None
) -> list[ShownTable]:
    regions = police_units()
    chosen_years = years or release.years
    result = []
    for table in release.tables:
        if keys and table["key"] not in keys:
            continue
        columns = [table["years"].index(y) for y in chosen_years if y in table["years"]]
        rows = [
            (
                category_label(table["key"], row["category"], regions),
                [shown(row["values"][i], release.threshold) for i in columns],
            )
            for row in table["rows"]
        ]
        result.append(
            ShownTable(
                key=table["key"],
                title=str(TABLE_TITLES.get(table["key"], table["title"])),
                years=[table["years"][i] for i in columns],
                rows=rows,
                total=[shown(table["total"][i], release.threshold) for i in columns],
                multi_valued=table["multi_valued"],
                total_label=str(TOTAL_LABELS.get(table["total_of"], TOTAL_LABELS["persons"])),
            )
        )
    return result


def _table(release: StatisticsRelease, key: str) -> dict[str, Any] | None:
    return next((t for t in release.tables if t["key"] == key), None)


def trend_chart(release: StatisticsRelease, years: list[int]) -> Chart:
    table = _table(release, "sex")
    items: list[tuple[str, float | None]] = []
    if table:
        for year in years:
            value = table["total"][table["years"].index(year)]
            items.append((str(year), value if isinstance(value, int) else None))
    return bar_chart(_("Registered persons per year"), items)


def minor_share_chart(release: StatisticsRelease, years: list[int]) -> Chart:
    """Share of minors among persons with a known age or minor status, per year (in %)."""
    table = _table(release, "minor")
    items: list[tuple[str, float | None]] = []
    if table:
        rows = {row["category"]: row["values"] for row in table["rows"]}
        for year in years:
            i = table["years"].index(year)
            minors, adults = rows.get("minor", [0] * 99)[i], rows.get("adult", [0] * 99)[i]
            if isinstance(minors, int) and isinstance(adults, int) and minors + adults:
                items.append((str(year), round(100 * minors / (minors + adults), 1)))
            else:
                items.append((str(year), None))
    return bar_chart(_("Share of minors (%), where known"), items)


def category_chart(release: StatisticsRelease, key: str, year: int) -> Chart:
    """Persons per category in one year; hidden counts are left out of the chart."""
    table = _table(release, key)
    title = f"{TABLE_TITLES.get(key, key)}, {year}"
    if table is None or year not in table["years"]:
        return bar_chart(title, [])
    i = table["years"].index(year)
    regions = police_units() if key == "region" else {}
    items: list[tuple[str, float | None]] = [
        (
            category_label(key, row["category"], regions),
            row["values"][i] if isinstance(row["values"][i], int) else None,
        )
        for row in table["rows"]
    ]
    return bar_chart(title, items)


def export_rows(tables: list[ShownTable]) -> list[list[str]]:
    rows: list[list[str]] = []
    for table in tables:
        for label, values in table.rows:
            rows.extend(
                [table.title, label, str(year), value]
                for year, value in zip(table.years, values, strict=True)
            )
        rows.extend(
            [table.title, table.total_label, str(year), value]
            for year, value in zip(table.years, table.total, strict=True)
        )
    return rows


@dataclass
class EstimateRow:
    """One year of the estimation page, from the release: the registered count as protected, and
    the estimate only where that count is published."""

    pk: int
    year: int
    registered: str
    registered_number: int | None
    estimate: int | None
    estimate_low: int | None
    estimate_high: int | None
    unregistered: int | None
    unregistered_low: int | None
    unregistered_high: int | None
    interval_method: str  # "model" or "bca"
    model: list[str]
    problem: str
    bootstrap_status: str
    bootstrap_done: int
    bootstrap_total: int


def estimate_rows(
    release: StatisticsRelease, estimates: list[Any], *, list_labels: dict[str, str]
) -> list[EstimateRow]:
    """`estimates`: the release's ReleaseEstimate rows (with their bootstrap job, if any)."""
    rows = []
    for item in estimates:
        job = getattr(item, "bootstrap", None)  # the reverse one-to-one raises AttributeError
        registered = item.registered
        number = registered if isinstance(registered, int) else None
        estimate = unregistered = low = high = estimate_low = estimate_high = None
        method = "model"
        if number is not None and item.estimate is not None:
            estimate = round(item.estimate)
            unregistered = estimate - number
            band = (item.low, item.high)
            if job is not None and job.status == "done" and job.low is not None:
                band, method = (job.low, job.high), "bca"
            estimate_low, estimate_high = round(band[0]), round(band[1])
            low = max(0, estimate_low - number)
            high = max(0, estimate_high - number)
        rows.append(
            EstimateRow(
                pk=item.pk,
                year=item.year,
                registered=shown(registered, release.threshold),
                registered_number=number,
                estimate=estimate,
                estimate_low=estimate_low,
                estimate_high=estimate_high,
                unregistered=unregistered,
                unregistered_low=low,
                unregistered_high=high,
                interval_method=method,
                model=[
                    " + ".join(list_labels.get(name, name) for name in term.split(":"))
                    for term in item.model
                ],
                problem=item.problem,
                bootstrap_status=job.status if job is not None else "",
                bootstrap_done=job.done if job is not None else 0,
                bootstrap_total=job.replicates if job is not None else 0,
            )
        )
    return rows


def not_deduplicated_total(release: StatisticsRelease, years: list[int]) -> str:
    """The release's untraceable counts over the years, as published ("" when there are none;
    a hidden year makes the sum hidden too)."""
    table = _table(release, "not_deduplicated")
    if table is None:
        return ""
    values = [table["total"][table["years"].index(y)] for y in years if y in table["years"]]
    if any(isinstance(v, str) for v in values):
        return "x"
    return number_format(sum(values)) if sum(values) else ""
