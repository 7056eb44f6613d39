"""The single consent field, the made-up basis "pseudonymised_statistics", the privacy officer's
override of an objection and the configurable consent ages go: 0005 moved what they held."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0005_disclosures_from_old_registrations"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="outboundregistration",
            name="age_at_time",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="confirmed_by",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="consent",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="consent_from",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="justification",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="lawful_basis",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="not_asked_reason",
        ),
        migrations.RemoveField(
            model_name="outboundregistration",
            name="objection",
        ),
        migrations.RemoveField(
            model_name="registrationpolicy",
            name="consent_both_from",
        ),
        migrations.RemoveField(
            model_name="registrationpolicy",
            name="consent_youth_alone_from",
        ),
        migrations.RemoveField(
            model_name="registrationpolicy",
            name="statistical_after_objection",
        ),
    ]
