"""Load version 2026.2 of the indicator catalogue (signalling/data/catalogue_2026_2.json) and make
it current. Same indicators as 2026.1; corrected notes on forced marriage, exploitation in
surrogacy and illegal adoption (already covered by art. 273f Sr; named explicitly by bill 36 835,
not added by 36 547), and the guidance says every form of exploitation of a minor falls under the
meldcode. Signals recorded against 2026.1 keep their indicators."""

from django.db import migrations

from baken.signalling.catalogue import DATA_DIR, load_catalogue, read_catalogue_file

VERSION = "2026.2"


def load(apps, schema_editor):
    load_catalogue(
        read_catalogue_file(DATA_DIR / "catalogue_2026_2.json"),
        form_model=apps.get_model("signalling", "ExploitationForm"),
        catalogue_model=apps.get_model("signalling", "IndicatorCatalogue"),
        indicator_model=apps.get_model("signalling", "Indicator"),
        make_current=True,
    )


def unload(apps, schema_editor):
    Catalogue = apps.get_model("signalling", "IndicatorCatalogue")
    apps.get_model("signalling", "Indicator").objects.filter(catalogue__version=VERSION).delete()
    Catalogue.objects.filter(version=VERSION).delete()
    Catalogue.objects.filter(version="2026.1").update(is_current=True)


class Migration(migrations.Migration):
    dependencies = [("signalling", "0002_load_catalogue_2026_1")]

    operations = [migrations.RunPython(load, unload)]
