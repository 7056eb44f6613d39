"""Each registration made before issue 14 gets its disclosure, with the bases by their real names:

- "consent" -> route (a): GDPR 6(1)(a), 9(2)(a), professional secrecy lifted by consent (who
  consented was not recorded then);
- "statistics_exception" -> route (b): GDPR 6(1)(f) (or the organisation's 6(1)(e)),
  9(2)(j)+89(1)+UAVG 24, BW 7:458, confirmed by the designated officer who confirmed it then;
- "pseudonymised_statistics" (made up; keyed pseudonyms sent after a refusal or an objection)
  -> no lawful basis: the registration is withdrawn at the registry (or cancelled if it never
  left), the youth's file notes it, and the untraceable count the law allows goes in its place
  (unless the organisation's policy says no count).

An objection recorded then becomes an objection on file, which closes the statistics exception
for the youth for good."""

import uuid

from django.db import migrations
from django.utils import timezone

REASON_KINDS = {
    "psychological_harm": "harm",
    "not_reachable": "not_reachable",
    "not_reasonably_possible": "not_reasonably_possible",
}


def _count_payload(payload: dict, region: str) -> dict:
    reported_on = str(payload.get("reported_on") or timezone.localdate().isoformat())
    return {
        "dossier_type": "count_only",
        "year": int(reported_on[:4]),
        "forms": list(payload.get("forms") or []),
        "minor": payload.get("minor"),
        "reporter_region": payload.get("reporter_region", region),
    }


def forwards(apps, schema_editor):
    Outbound = apps.get_model("registration", "OutboundRegistration")
    Disclosure = apps.get_model("registration", "Disclosure")
    FileNote = apps.get_model("registration", "FileNote")
    Objection = apps.get_model("registration", "Objection")
    OutboundCall = apps.get_model("registration", "OutboundCall")
    Policy = apps.get_model("registration", "RegistrationPolicy")
    now = timezone.now()
    for row in Outbound.objects.select_related("youth").order_by("pk"):
        basis = row.lawful_basis
        if not basis:
            continue  # queued directly, without a decision on consent (tests, demo data)
        policy = Policy.objects.filter(organisation_id=row.youth.organisation_id).first()
        common = {
            "youth_id": row.youth_id,
            "task_id": row.task_id,
            "registration": row,
            "purpose": "registration",
            "age_at_time": row.age_at_time,
            "consent_from": row.consent_from or [],
            "decided_by_id": row.created_by_id,
            "decided_at": row.created_at,
        }
        if row.objection:
            Objection.objects.create(
                youth_id=row.youth_id,
                role="youth",
                objected_on=timezone.localdate(row.created_at),
                recorded_by_id=row.created_by_id,
                recorded_at=row.created_at,
            )
        if basis == "consent":
            Disclosure.objects.create(
                route="consent",
                art6_basis="6(1)(a)",
                art9_basis="9(2)(a)",
                secrecy_basis="consent",
                **common,
            )
            if row.dossier_type in ("shelter", "advice"):
                contact = (row.payload or {}).get("contact") or {}
                Disclosure.objects.create(
                    **{**common, "purpose": "care_coordination"},
                    route="consent",
                    art6_basis="6(1)(a)",
                    art9_basis="9(2)(a)",
                    secrecy_basis="consent",
                    contact_fields=sorted(k for k, v in contact.items() if v),
                )
        elif basis == "statistics_exception":
            officer = row.confirmed_by_id or row.created_by_id
            Disclosure.objects.create(
                route="statistics_exception",
                art6_basis=policy.basis_without_consent if policy else "6(1)(f)",
                art9_basis="9(2)(j)+89(1)+UAVG 24",
                secrecy_basis="BW 7:458",
                exception_reason_kind=REASON_KINDS.get(row.not_asked_reason, ""),
                exception_reason=row.justification,
                proposed_by_id=officer,
                proposed_at=row.created_at,
                confirmed_by_id=officer,
                confirmed_at=row.created_at,
                **common,
            )
        else:  # "pseudonymised_statistics": keyed pseudonyms without a lawful basis
            disclosure = Disclosure.objects.create(
                route="no_basis",
                status="withdrawn",
                count_because="objection" if row.objection else "refused",
                withdrawn_at=now,
                withdrawal_reason="Verzonden met pseudoniemen zonder rechtsgrond",
                **common,
            )
            never_sent = (row.status == "queued" and row.attempts == 0) or (
                row.status == "needs_correction"
            )
            if never_sent:
                row.status = "cancelled"
                row.save(update_fields=["status"])
            else:
                OutboundCall.objects.create(
                    registration=row,
                    kind="withdraw",
                    body={"reason": "no lawful basis"},
                    created_by_id=row.created_by_id,
                )
            FileNote.objects.create(
                youth_id=row.youth_id,
                disclosure=disclosure,
                kind="withdrawal",
                written_by_id=row.created_by_id,
                text=(
                    "Deze registratie ging na een weigering of bezwaar met pseudoniemen naar het "
                    "register, zonder rechtsgrond. Ze wordt bij het register ingetrokken; de "
                    "pseudoniemen worden daar gewist."
                ),
            )
            if policy is None or policy.send_count:
                payload = _count_payload(row.payload or {}, "")
                count = Outbound.objects.create(
                    youth_id=row.youth_id,
                    created_by_id=row.created_by_id,
                    dossier_type="count_only",
                    payload=payload,
                    idempotency_key=uuid.uuid4(),
                )
                counted = Disclosure.objects.create(
                    **{**common, "registration": count, "task_id": None},
                    route="count_only",
                    count_because="objection" if row.objection else "refused",
                )
                FileNote.objects.create(
                    youth_id=row.youth_id,
                    disclosure=counted,
                    kind="count",
                    written_by_id=row.created_by_id,
                    text=(
                        "In plaats daarvan gaat alleen een onherleidbare telling naar het "
                        f"register (jaar {payload['year']}, vorm, minderjarig of niet, "
                        "politie-eenheid): geen pseudoniemen."
                    ),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0004_disclosures"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
