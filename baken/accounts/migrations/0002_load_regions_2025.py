"""Load the 342 municipalities of 2025 and their regions per division (see accounts/data/README.md)."""

from django.db import migrations

from baken.accounts.regions import SHIPPED_CSV, load_regions as load_from_rows, read_rows


def load_regions(apps, schema_editor):
    load_from_rows(read_rows(SHIPPED_CSV), region_model=apps.get_model("accounts", "Region"))


def unload_regions(apps, schema_editor):
    apps.get_model("accounts", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_regions, unload_regions)]
