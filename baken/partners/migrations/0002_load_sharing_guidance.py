"""Load the reviewed sharing guidance (partners/data/sharing_guidance.json)."""

import json
from datetime import date
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "sharing_guidance.json"


def load(apps, schema_editor):
    SharingGuidance = apps.get_model("partners", "SharingGuidance")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    reviewed = date.fromisoformat(data["reviewed_on"])
    SharingGuidance.objects.bulk_create(
        [SharingGuidance(reviewed_on=reviewed, **row) for row in data["guidance"]]
    )


def unload(apps, schema_editor):
    apps.get_model("partners", "SharingGuidance").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
