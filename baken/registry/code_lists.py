"""The code lists the registry counts by, in one place: forms of exploitation, sex, countries
(ISO 3166-1 alpha-2, for nationality and country of birth), source kinds and regions (police
units). The intake refuses what is not on them; pages, statistics and exports show their labels
(Dutch or English, by the active language), never the codes.

The lists come from versioned data: `data/forms.json` (the signalling catalogue's forms, copied),
the ISO list in pycountry (baken.lib.countries), the source kinds of the model, and the police
units of the shipped region file (`accounts/data/municipalities_2025.csv`)."""

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.utils.translation import get_language, gettext_lazy

from baken.accounts.regions import SHIPPED_CSV, read_rows
from baken.lib.countries import COUNTRY_CODES, country_label
from baken.registry.models import SourceKind

FORMS_FILE = Path(__file__).resolve().parent / "data" / "forms.json"
UNKNOWN = "unknown"

SEX_LABELS = {
    "female": gettext_lazy("female"),
    "male": gettext_lazy("male"),
    "other": gettext_lazy("other / X"),
    UNKNOWN: gettext_lazy("unknown"),
}
SEXES = tuple(SEX_LABELS)
# Which fields of a registration (or count) each list checks.
FIELD_LISTS = {
    "forms": "form",
    "sex": "sex",
    "nationality": "country",
    "country_of_birth": "country",
    "reporter_region": "region",
    "kind": "source_kind",
}


def _english() -> bool:
    return (get_language() or "nl").startswith("en")


@cache
def form_names() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(FORMS_FILE.read_text(encoding="utf-8"))["forms"]
    return data


@cache
def police_unit_names() -> dict[str, str]:
    """Police unit code → name, from the shipped region file (RE01-RE10)."""
    return dict(
        sorted(
            (row["police_code"].strip(), row["police_name"].strip())
            for row in read_rows(SHIPPED_CSV)
            if row.get("police_code", "").strip()
        )
    )


FORM_CODES: tuple[str, ...] = tuple(form_names())
SOURCE_KINDS: tuple[str, ...] = tuple(SourceKind.values)
REGION_CODES: tuple[str, ...] = tuple(police_unit_names())
CODES: dict[str, tuple[str, ...]] = {
    "form": FORM_CODES,
    "sex": SEXES,
    "country": COUNTRY_CODES,
    "source_kind": SOURCE_KINDS,
    "region": REGION_CODES,
}


def form_label(code: str) -> str:
    names = form_names().get(code)
    if names is None:
        return code
    return names["en" if _english() else "nl"]


def sex_label(code: str) -> str:
    return str(SEX_LABELS.get(code or UNKNOWN, code))


def nationality_label(code: str) -> str:
    if code in ("", UNKNOWN):
        return str(SEX_LABELS[UNKNOWN])
    return country_label(code, "en" if _english() else "nl")


def source_kind_label(code: str) -> str:
    return str(dict(SourceKind.choices).get(code, code))


def region_label(code: str) -> str:
    if code in ("", UNKNOWN):
        return str(SEX_LABELS[UNKNOWN])
    return police_unit_names().get(code, code)


LABELS: dict[str, Callable[[str], str]] = {
    "form": form_label,
    "sex": sex_label,
    "country": nationality_label,
    "source_kind": source_kind_label,
    "region": region_label,
}


def label(list_name: str, code: str) -> str:
    """The label of a code in the active language. A value that is not on the list (stored
    before the lists were enforced, and not mappable) is shown as it was stored."""
    return LABELS[list_name](code)


def allowed_values(list_name: str) -> list[str]:
    return list(CODES[list_name])


def describe_allowed(list_name: str) -> str:
    """The allowed values for a refusal, short enough to read: the codes of every list except
    the country list, which is named by its standard."""
    if list_name == "country":
        return "ISO 3166-1 alpha-2 (NL, RO, BG, …) or empty for unknown"
    return ", ".join(CODES[list_name])
