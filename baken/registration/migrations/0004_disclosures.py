"""Disclosures: the route and bases of each registration, the persons' consent, objections, notes in
the file and the outbox of corrections and withdrawals (issue 14). The old consent fields go in
0006, after 0005 has moved what they held."""

import baken.lib.encrypted_json
import django.db.models.deletion
import django.utils.timezone
import encrypted_fields.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_exploitation_form_from_signalling'),
        ('registration', '0003_delivery_problem'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='registrationpolicy',
            name='basis_without_consent',
            field=models.CharField(choices=[('6(1)(f)', 'GDPR art. 6(1)(f): legitimate interests'), ('6(1)(e)', 'GDPR art. 6(1)(e): a public task laid down in law')], default='6(1)(f)', help_text='6(1)(e) only if a law gives your organisation this task. Decided by the data protection officer.', max_length=16, verbose_name='article 6 basis of a registration without consent'),
        ),
        migrations.AddField(
            model_name='registrationpolicy',
            name='send_count',
            field=models.BooleanField(default=True, help_text='Year, form, minor or not and police unit only: no pseudonyms, no data about the youth. Decided by the data protection officer.', verbose_name='send an untraceable count after a refusal or objection'),
        ),
        migrations.AlterField(
            model_name='outboundregistration',
            name='dossier_type',
            field=models.CharField(choices=[('statistical', 'Registration for statistics (keyed pseudonyms)'), ('shelter', 'Registration with a request for shelter'), ('advice', 'Registration with a request for advice or care coordination'), ('count_only', 'Untraceable count (no pseudonyms)')], max_length=16),
        ),
        migrations.AlterField(
            model_name='outboundregistration',
            name='status',
            field=models.CharField(choices=[('queued', 'Queued'), ('sending', 'Being sent'), ('delivered', 'Delivered'), ('needs_correction', 'Needs correction'), ('cancelled', 'Cancelled before it was sent')], default='queued', max_length=20),
        ),
        migrations.AlterField(
            model_name='registrationtask',
            name='status',
            field=models.CharField(choices=[('open', 'To decide'), ('registered', 'Registered'), ('counted', 'Counted only (untraceable), after a refusal or objection'), ('not_registered', 'Not registered, with a reason')], default='open', max_length=16),
        ),
        migrations.AlterField(
            model_name='registrationtask',
            name='trigger',
            field=models.CharField(choices=[('consultation', 'Suspicion confirmed in a consultation'), ('screening', 'Elevated or high screening (earlier rule)'), ('meldcode', 'Meldcode decision')], max_length=16),
        ),
        migrations.CreateModel(
            name='Disclosure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.CharField(choices=[('registration', 'Registration for statistics'), ('care_coordination', 'Care coordination (shelter or advice)')], max_length=20, verbose_name='purpose')),
                ('route', models.CharField(choices=[('consent', 'With consent'), ('statistics_exception', 'Statistics exception (BW 7:458)'), ('count_only', 'Untraceable count only'), ('nothing', 'Nothing sent'), ('no_basis', 'Sent without a lawful basis (withdrawn)')], max_length=24, verbose_name='route')),
                ('status', models.CharField(choices=[('proposed', 'Proposed, awaiting the designated officer'), ('decided', 'Decided'), ('declined', 'Declined by the designated officer'), ('withdrawn', 'Withdrawn')], default='decided', max_length=16)),
                ('art6_basis', models.CharField(blank=True, choices=[('6(1)(a)', 'GDPR art. 6(1)(a): consent'), ('6(1)(f)', 'GDPR art. 6(1)(f): legitimate interests'), ('6(1)(e)', 'GDPR art. 6(1)(e): a public task laid down in law')], max_length=16, verbose_name='GDPR art. 6 basis')),
                ('art9_basis', models.CharField(blank=True, choices=[('9(2)(a)', 'GDPR art. 9(2)(a): explicit consent'), ('9(2)(j)+89(1)+UAVG 24', 'GDPR art. 9(2)(j) with art. 89(1) and UAVG art. 24: statistics')], max_length=32, verbose_name='GDPR art. 9 exception')),
                ('secrecy_basis', models.CharField(blank=True, choices=[('consent', 'Professional secrecy: consent'), ('BW 7:458', 'Professional secrecy: statistics exception (BW 7:458)')], max_length=16, verbose_name='professional secrecy')),
                ('age_at_time', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('consent_from', models.JSONField(default=list)),
                ('youth_cannot_assess', models.BooleanField(default=False, verbose_name='the youth cannot reasonably assess his or her interests in this')),
                ('youth_cannot_assess_note', encrypted_fields.fields.EncryptedTextField(blank=True, null=True)),
                ('exception_reason_kind', models.CharField(blank=True, choices=[('not_reachable', 'The youth and the holders of authority cannot be reached'), ('not_reasonably_possible', 'Asking is not reasonably possible'), ('harm', 'Asking would cause harm (for example psychological harm)')], max_length=32, verbose_name='why consent cannot be asked')),
                ('exception_reason', encrypted_fields.fields.EncryptedTextField(blank=True, null=True, verbose_name='explanation')),
                ('count_because', models.CharField(blank=True, choices=[('refused', 'Consent was refused'), ('objection', 'An objection'), ('withdrawn', 'Consent was withdrawn')], max_length=16)),
                ('contact_fields', models.JSONField(default=list)),
                ('content', models.JSONField(default=dict)),
                ('proposed_at', models.DateTimeField(blank=True, null=True)),
                ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                ('declined_reason', encrypted_fields.fields.EncryptedTextField(blank=True, null=True)),
                ('decided_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                ('withdrawal_reason', encrypted_fields.fields.EncryptedTextField(blank=True, null=True)),
                ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('proposed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('registration', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='disclosures', to='registration.outboundregistration')),
                ('task', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='registration.registrationtask')),
                ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('youth', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='disclosures', to='cases.youth')),
            ],
            options={
                'ordering': ['-decided_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ConsentDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('youth', 'The youth'), ('holder_of_authority', 'Parent with parental authority'), ('guardian', 'Guardian (voogd)')], max_length=24, verbose_name='role')),
                ('decision', models.CharField(choices=[('given', 'Consent given'), ('refused', 'Consent refused')], max_length=16, verbose_name='answer')),
                ('decided_on', models.DateField(verbose_name='date')),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('withdrawn_on', models.DateField(blank=True, null=True, verbose_name='withdrawn on')),
                ('guardian', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cases.guardian')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('disclosure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parties', to='registration.disclosure')),
            ],
            options={
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='FileNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('without_consent', 'Disclosure without consent (BW 7:458 lid 3)'), ('count', 'Untraceable count sent'), ('objection', 'Objection'), ('withdrawal', 'Registration withdrawn')], max_length=20)),
                ('text', encrypted_fields.fields.EncryptedTextField()),
                ('written_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('disclosure', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='registration.disclosure')),
                ('written_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('youth', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='file_notes', to='cases.youth')),
            ],
            options={
                'ordering': ['-written_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Objection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('youth', 'The youth'), ('holder_of_authority', 'Parent with parental authority'), ('guardian', 'Guardian (voogd)')], max_length=24, verbose_name='who objects')),
                ('objected_on', models.DateField(verbose_name='date of the objection')),
                ('note', encrypted_fields.fields.EncryptedTextField(blank=True, null=True, verbose_name='note')),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('guardian', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cases.guardian')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('youth', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='objections', to='cases.youth')),
            ],
            options={
                'ordering': ['-objected_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='OutboundCall',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('correct', 'Correction'), ('withdraw', 'Withdrawal')], max_length=16)),
                ('body', baken.lib.encrypted_json.EncryptedJSONTextField()),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Being sent'), ('delivered', 'Delivered'), ('needs_correction', 'Needs correction'), ('cancelled', 'Cancelled before it was sent')], default='queued', max_length=20)),
                ('attempts', models.PositiveIntegerField(default=0)),
                ('next_attempt_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('claimed_until', models.DateTimeField(blank=True, null=True)),
                ('last_error', models.TextField(blank=True)),
                ('delivered_at', models.DateTimeField(blank=True, null=True)),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('registration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='calls', to='registration.outboundregistration')),
            ],
            options={
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='disclosure',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('route', 'statistics_exception'), ('status', 'decided'), _negated=True), ('confirmed_by__isnull', False), _connector='OR'), name='statistics_exception_confirmed_by_the_designated_officer'),
        ),
    ]
