import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "risk_factors.json"


def load(apps, schema_editor):
    RiskFactor = apps.get_model("cases", "RiskFactor")
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    RiskFactor.objects.bulk_create(
        [RiskFactor(order=order, **row) for order, row in enumerate(rows)]
    )


def unload(apps, schema_editor):
    apps.get_model("cases", "RiskFactor").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
