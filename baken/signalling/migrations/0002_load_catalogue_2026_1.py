"""Load the first version of the indicator catalogue (signalling/data/catalogue_2026_1.json)."""

from django.db import migrations

from baken.signalling.catalogue import FIRST_CATALOGUE, load_catalogue, read_catalogue_file


def load(apps, schema_editor):
    load_catalogue(
        read_catalogue_file(FIRST_CATALOGUE),
        form_model=apps.get_model("signalling", "ExploitationForm"),
        catalogue_model=apps.get_model("signalling", "IndicatorCatalogue"),
        indicator_model=apps.get_model("signalling", "Indicator"),
        make_current=True,
    )


def unload(apps, schema_editor):
    apps.get_model("signalling", "Indicator").objects.all().delete()
    apps.get_model("signalling", "IndicatorCatalogue").objects.all().delete()
    apps.get_model("signalling", "ExploitationForm").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("signalling", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
