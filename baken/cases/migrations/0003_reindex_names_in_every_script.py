"""Names in every script (issue 17): the name index now holds each word in its own script and in
Latin; before, names in Arabic, Ge'ez, Cyrillic or Chinese script had no index entries at all.
Rebuild the index of every existing youth (`baken reindex_names` does the same later on)."""

from django.conf import settings
from django.db import migrations

from baken.cases.name_search import index_digests


def reindex(apps, schema_editor):
    Youth = apps.get_model("cases", "Youth")
    YouthNameDigest = apps.get_model("cases", "YouthNameDigest")
    key = settings.BLIND_INDEX_KEY.encode("utf-8")
    for youth in Youth.objects.all().iterator(chunk_size=500):
        digests = index_digests(key=key, names=[youth.given_names, youth.family_name])
        YouthNameDigest.objects.filter(youth=youth).delete()
        YouthNameDigest.objects.bulk_create(
            [YouthNameDigest(youth=youth, digest=digest) for digest in digests]
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_load_risk_factors")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
