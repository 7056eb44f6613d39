"""Load the 342 municipalities of 2025 and their regions per division (see accounts/data/README.md)."""

import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "municipalities_2025.csv"

# CSV column prefix -> Division value
DIVISIONS = {
    "province": "province",
    "vt": "veilig_thuis",
    "police": "police_unit",
    "safety_region": "safety_region",
    "ggd": "ggd",
    "youth_region": "youth_care",
}


def load_regions(apps, schema_editor):
    Region = apps.get_model("accounts", "Region")
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    regions = {}
    for row in rows:
        for prefix, division in DIVISIONS.items():
            key = (division, row[f"{prefix}_code"])
            regions.setdefault(key, row[f"{prefix}_name"])
        regions[("municipality", row["cbs_code"])] = row["name"]
    Region.objects.bulk_create(
        [Region(division=d, code=c, name=n) for (d, c), n in sorted(regions.items())]
    )
    by_key = {(r.division, r.code): r.pk for r in Region.objects.all()}
    Link = Region.containing_regions.through
    Link.objects.bulk_create(
        [
            Link(
                from_region_id=by_key[("municipality", row["cbs_code"])],
                to_region_id=by_key[(division, row[f"{prefix}_code"])],
            )
            for row in rows
            for prefix, division in DIVISIONS.items()
        ]
    )


def unload_regions(apps, schema_editor):
    apps.get_model("accounts", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_regions, unload_regions)]
