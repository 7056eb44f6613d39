"""Map the free values stored before the intake enforced the code lists ("Nederlandse", "vrouw",
"Arbeidsuitbuiting") to codes. What cannot be mapped is kept as it is: `baken
recode_registrations` reports it (and can make it unknown)."""

from django.db import migrations

from baken.registry.recode_stored import recode_stored


def to_codes(apps, schema_editor):
    recode_stored(
        registration_model=apps.get_model("registry", "Registration"),
        count_model=apps.get_model("registry", "CountReport"),
        apply=True,
    )


class Migration(migrations.Migration):
    dependencies = [("registry", "0006_count_reports")]

    operations = [migrations.RunPython(to_codes, migrations.RunPython.noop)]
