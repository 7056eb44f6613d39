"""Load version 2026.2 of the sharing guidance (partners/data/sharing_guidance_2026_2.json): each
row names its sources; the registry rows say what each registration route sends (keyed pseudonyms
are personal data; only an untraceable count after a refusal or objection) and that care
coordination is a disclosure with its own consent. Rows are updated in place per kind and purpose."""

import json
from datetime import date
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "sharing_guidance_2026_2.json"
FIELDS = ("consent_needed", "legal_ground_nl", "legal_ground_en", "record_nl", "record_en", "sources")


def load(apps, schema_editor):
    SharingGuidance = apps.get_model("partners", "SharingGuidance")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    reviewed = date.fromisoformat(data["reviewed_on"])
    for row in data["guidance"]:
        SharingGuidance.objects.update_or_create(
            kind=row["kind"],
            purpose=row["purpose"],
            defaults={"reviewed_on": reviewed, **{field: row[field] for field in FIELDS}},
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0003_sharing_guidance_sources")]

    # Going back leaves the 2026.2 texts in place (the earlier texts are not kept).
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
