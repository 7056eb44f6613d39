"""What the analyst sees of a candidate pair: the two registrations with labels (never raw
codes), and how their fields compare in words."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from baken.registry.code_lists import UNKNOWN, form_label, label, sex_label
from baken.registry.models import CandidatePair, Registration

Row = tuple[str, object, object]
SEX_MISSING = "sex missing"


def registration_rows(left: Registration, right: Registration) -> list[Row]:
    """The fields of the two registrations side by side, each shown by its label."""

    def both(show: Callable[[Any], str], name: str) -> tuple[str, str]:
        return show(getattr(left, name)), show(getattr(right, name))

    def country(code: str) -> str:
        return label("country", code) if code else "—"

    def region(code: str) -> str:
        return label("region", code) if code else "—"

    def forms(codes: list[str]) -> str:
        return ", ".join(form_label(code) for code in codes) or "—"

    return [
        (_("Source"), left.source.name, right.source.name),
        (_("Reported on"), left.reported_on, right.reported_on),
        (_("Year of birth"), left.birth_year or "—", right.birth_year or "—"),
        (_("Sex"), *both(sex_label, "sex")),
        (_("Nationality"), *both(country, "nationality")),
        (_("Country of birth"), *both(country, "country_of_birth")),
        (_("Forms of exploitation"), *both(forms, "forms")),
        (_("Reporting region"), *both(region, "reporter_region")),
    ]


def comparison_levels(pair: CandidatePair) -> dict[str, str]:
    """The model's comparison level per field. Sex unknown on either side is neither agreement
    nor disagreement: shown as missing, also for pairs scored before the linkage read it so."""
    levels = dict(pair.levels)
    if "sex" in levels and UNKNOWN in (pair.left.sex or UNKNOWN, pair.right.sex or UNKNOWN):
        levels["sex"] = SEX_MISSING
    return levels
