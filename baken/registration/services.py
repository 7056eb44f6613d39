"""Queueing a registration for the registry (pseudonymised at the institution)."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.models import Division, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_object_access
from baken.cases.models import Youth
from baken.registration.models import OutboundRegistration
from baken.registration.pseudonymise import (
    PseudonymisationError,
    check_key,
    pseudonymise,
)

KEY_FIELDS = ("key_version", "bf_name")


def pseudonym_key() -> bytes:
    try:
        return check_key(settings.BAKEN_PSEUDONYM_KEY)
    except PseudonymisationError as error:
        raise ValidationError(
            _("The pseudonymisation key is not configured correctly: %(problem)s"),
            params={"problem": str(error)},
        ) from error


def build_payload(
    *,
    youth: Youth,
    dossier_type: str,
    forms: list[str],
    sector: str,
    cross_border: bool | None,
    reported_on: date,
    contact: dict[str, Any] | None,
) -> dict[str, Any]:
    """The request body for the registry: keyed pseudonyms and allowed plaintext only; contact
    details only for a registration with a request (which needs consent)."""
    pseudonyms = pseudonymise(
        key=pseudonym_key(),
        key_version=settings.BAKEN_PSEUDONYM_KEY_VERSION,
        given_name=youth.given_names,
        surname=youth.family_name,
        date_of_birth=youth.date_of_birth.isoformat() if youth.date_of_birth else "",
        sex=youth.sex if youth.sex != "unknown" else "",
        nationality=youth.nationality or "",
        country_of_birth=youth.country_of_birth or "",
    )
    police_unit = youth.organisation.region_for(Division.POLICE_UNIT)
    age = youth.age_on(reported_on)
    body: dict[str, Any] = {
        "dossier_type": dossier_type,
        "pseudonyms": {
            k: v for k, v in pseudonyms.items() if k.startswith("k_") or k in KEY_FIELDS
        },
        "birth_year": int(pseudonyms["birth_year"]) if pseudonyms["birth_year"] else None,
        "sex": pseudonyms["sex"],
        "nationality": pseudonyms["nationality"],
        "country_of_birth": pseudonyms["country_of_birth"],
        "forms": forms,
        "sector": sector,
        "cross_border": cross_border,
        "minor": age < 18 if age is not None else None,
        "reported_on": reported_on.isoformat(),
        "reporter_region": police_unit.code if police_unit else "",
    }
    if dossier_type != "statistical":
        body["contact"] = contact
    return body


@transaction.atomic
def enqueue_registration(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    dossier_type: str,
    forms: list[str],
    sector: str = "",
    cross_border: bool | None = None,
    contact: dict[str, Any] | None = None,
) -> OutboundRegistration:
    """Put the registration in the outbox, in the same transaction as the decision to register;
    `baken send_registrations` delivers it."""
    if not forms:
        raise ValidationError(_("Choose at least one form of exploitation."))
    if dossier_type != "statistical" and not contact:
        raise ValidationError(_("A registration with a request needs contact details."))
    try:
        payload = build_payload(
            youth=youth,
            dossier_type=dossier_type,
            forms=forms,
            sector=sector,
            cross_border=cross_border,
            reported_on=timezone.localdate(),
            contact=contact,
        )
    except PseudonymisationError as error:
        raise ValidationError(str(error)) from error
    outbound = OutboundRegistration.objects.create(
        youth=youth, created_by=by, dossier_type=dossier_type, payload=payload
    )
    log_object_access(
        event=AuditEvent.TRANSFER,
        by=by,
        request=request,
        obj=outbound,
        youth_pseudonym=youth.pseudonym,
    )
    return outbound
