"""Instrument 2026.1's risk-factor questions name the case file's risk factors that pre-mark them
(`risk_factors`, from screening/data/instrument_2026_1.json). Scoring is unchanged: only which
questions a new screening pre-marks "yes" for the worker to confirm."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "instrument_2026_1.json"


def add_risk_factors(apps, schema_editor):
    source = json.loads(DATA.read_text(encoding="utf-8"))
    mapping = {
        question["code"]: question["risk_factors"]
        for section in source["sections"]
        for question in section["questions"]
        if question.get("risk_factors")
    }
    for instrument in apps.get_model("screening", "Instrument").objects.filter(version="2026.1"):
        for section in instrument.definition["sections"]:
            for question in section["questions"]:
                if question["code"] in mapping:
                    question["risk_factors"] = mapping[question["code"]]
        instrument.save(update_fields=["definition"])


def remove_risk_factors(apps, schema_editor):
    for instrument in apps.get_model("screening", "Instrument").objects.filter(version="2026.1"):
        for section in instrument.definition["sections"]:
            for question in section["questions"]:
                question.pop("risk_factors", None)
        instrument.save(update_fields=["definition"])


class Migration(migrations.Migration):
    dependencies = [("screening", "0005_screening_prefilled_from_file")]

    operations = [migrations.RunPython(add_risk_factors, remove_risk_factors)]
