"""Loading a version of the indicator catalogue from its data file.

Used by the data migration (with historical models) and by `baken load-catalogue`. A new version
adds new indicator rows; signals recorded against an older version keep pointing at theirs."""

import json
from datetime import date
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
FIRST_CATALOGUE = DATA_DIR / "catalogue_2026_1.json"


def read_catalogue_file(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if "forms" not in data or "catalogue" not in data:
        raise ValueError(f"{path}: expected the keys 'forms' and 'catalogue'")
    return data


def load_catalogue(
    data: dict[str, Any],
    *,
    form_model: Any,
    catalogue_model: Any,
    indicator_model: Any,
    make_current: bool,
) -> Any:
    for order, form in enumerate(data["forms"]):
        form_model.objects.update_or_create(
            code=form["code"],
            defaults={
                "name_nl": form["name_nl"],
                "name_en": form["name_en"],
                "order": order,
                "in_law_since": form.get("in_law_since"),
                "note_nl": form.get("note_nl", ""),
                "note_en": form.get("note_en", ""),
            },
        )
    forms = {form.code: form for form in form_model.objects.all()}
    spec = data["catalogue"]
    if make_current:
        catalogue_model.objects.filter(is_current=True).update(is_current=False)
    catalogue = catalogue_model.objects.create(
        version=spec["version"],
        published_on=date.fromisoformat(spec["published_on"]),
        is_current=make_current,
        guidance_nl=spec.get("guidance_nl", ""),
        guidance_en=spec.get("guidance_en", ""),
    )
    for order, item in enumerate(spec["indicators"]):
        unknown = [code for code in item["forms"] if code not in forms]
        if unknown:
            raise ValueError(f"indicator {item['code']}: unknown form(s) {unknown}")
        indicator = indicator_model.objects.create(
            catalogue=catalogue,
            code=item["code"],
            kind=item["kind"],
            text_nl=item["text_nl"],
            text_en=item["text_en"],
            example_nl=item["example_nl"],
            example_en=item["example_en"],
            keywords=item.get("keywords", ""),
            order=order,
        )
        indicator.forms.set([forms[code] for code in item["forms"]])
    return catalogue
