"""Load the first version of the screening instrument (screening/data/instrument_2026_1.json)."""

import json
from datetime import date
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "instrument_2026_1.json"


def load(apps, schema_editor):
    definition = json.loads(DATA.read_text(encoding="utf-8"))
    apps.get_model("screening", "Instrument").objects.create(
        version=definition["version"],
        published_on=date.fromisoformat(definition["published_on"]),
        definition=definition,
    )


def unload(apps, schema_editor):
    apps.get_model("screening", "Instrument").objects.filter(version="2026.1").delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
