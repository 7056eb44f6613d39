"""Writing case files. Each action records its audit entry in the same transaction."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.models import Region, Team, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.cases.access import UNLISTED_FIELDS, may_use_break_the_glass
from baken.cases.models import EmergencyAccess, Guardian, RiskFactor, Youth, YouthNameDigest
from baken.cases.name_search import index_digests, query_digests

MIN_REASON_LENGTH = 10


def _blind_index_key() -> bytes:
    return settings.BLIND_INDEX_KEY.encode("utf-8")


def _reindex_names(youth: Youth) -> None:
    digests = index_digests(key=_blind_index_key(), names=[youth.given_names, youth.family_name])
    YouthNameDigest.objects.filter(youth=youth).delete()
    YouthNameDigest.objects.bulk_create([YouthNameDigest(youth=youth, digest=d) for d in digests])


@transaction.atomic
def rebuild_name_index() -> int:
    """Index every youth's names again (a new blind-index key, or a new way of indexing)."""
    count = 0
    for youth in Youth.objects.all().iterator(chunk_size=500):
        _reindex_names(youth)
        count += 1
    return count


@transaction.atomic
def open_case_file(
    *,
    by: User,
    request: HttpRequest | None,
    given_names: str,
    family_name: str,
    date_of_birth: date | None,
    sex: str,
    nationality: str = "",
    country_of_birth: str = "",
    municipality: Region | None = None,
    care_form: str,
    care_start: date,
    teams: list[Team],
    risk_factors: list[RiskFactor] | None = None,
) -> Youth:
    if not teams or any(team.organisation_id != by.organisation_id for team in teams):
        raise ValidationError(_("Choose at least one team of your own organisation."))
    youth = Youth(
        organisation=by.organisation,
        given_names=given_names.strip(),
        family_name=family_name.strip(),
        date_of_birth=date_of_birth,
        sex=sex,
        nationality=nationality.strip(),
        country_of_birth=country_of_birth.strip(),
        municipality=municipality,
        care_form=care_form,
        care_start=care_start,
        created_by=by,
    )
    youth.full_clean()
    youth.save()
    youth.teams.set(teams)
    youth.risk_factors.set(risk_factors or [])
    _reindex_names(youth)
    log_access(
        event=AuditEvent.CREATE,
        user=by,
        request=request,
        object_type="youth",
        object_id=youth.pk,
        youth_pseudonym=youth.pseudonym,
    )
    return youth


@transaction.atomic
def update_case_file(
    *, youth: Youth, by: User, request: HttpRequest | None, changes: dict[str, object]
) -> Youth:
    """Change the case file's own fields (names, dates, care, teams, risk factors)."""
    teams = changes.pop("teams", None)
    risk_factors = changes.pop("risk_factors", None)
    for name, value in changes.items():
        setattr(youth, name, value)
    youth.full_clean()
    youth.save()
    if teams is not None:
        team_list = list(teams)  # type: ignore[call-overload]
        if not team_list or any(t.organisation_id != youth.organisation_id for t in team_list):
            raise ValidationError(_("Choose at least one team of your own organisation."))
        youth.teams.set(team_list)
    if risk_factors is not None:
        youth.risk_factors.set(risk_factors)  # type: ignore[arg-type]
    _reindex_names(youth)
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="youth",
        object_id=youth.pk,
        youth_pseudonym=youth.pseudonym,
        detail="changed: " + ", ".join(sorted(changes) + (["teams"] if teams is not None else [])),
    )
    return youth


@transaction.atomic
def add_guardian(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    name: str,
    relationship: str,
    has_parental_authority: bool,
    phone: str,
    email: str,
) -> Guardian:
    guardian = Guardian.objects.create(
        youth=youth,
        name=name.strip(),
        relationship=relationship.strip(),
        has_parental_authority=has_parental_authority,
        phone=phone.strip(),
        email=email.strip(),
    )
    log_access(
        event=AuditEvent.CREATE,
        user=by,
        request=request,
        object_type="guardian",
        object_id=guardian.pk,
        youth_pseudonym=youth.pseudonym,
    )
    return guardian


def search_youths(
    *, youths: QuerySet[Youth], query: str, by: User, request: HttpRequest | None
) -> list[Youth]:
    """Youths among `youths` whose names contain every word of the query (audited as a search)."""
    digests = query_digests(key=_blind_index_key(), query=query)
    if not digests:
        return []
    matches = youths
    for alternatives in digests:  # every query word, in any of its forms
        matches = matches.filter(name_digests__digest__in=alternatives)
    found = list(matches.distinct().defer(*UNLISTED_FIELDS).prefetch_related("teams")[:50])
    log_access(
        event=AuditEvent.SEARCH,
        user=by,
        request=request,
        object_type="youth",
        detail=f"name search, {len(found)} found",
    )
    return found


@transaction.atomic
def break_the_glass(
    *, youth: Youth, by: User, request: HttpRequest | None, reason: str
) -> EmergencyAccess:
    """Open a youth outside one's own team, for a limited time, with a reason that is reviewed."""
    if not may_use_break_the_glass(by) or youth.organisation_id != by.organisation_id:
        raise ValidationError(_("You cannot open this youth's file."))
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Give a reason of at least %(count)d characters."),
            params={"count": MIN_REASON_LENGTH},
        )
    now = timezone.now()
    access = EmergencyAccess.objects.create(
        youth=youth,
        user=by,
        reason=reason.strip(),
        granted_at=now,
        expires_at=EmergencyAccess.expiry_from(now),
    )
    log_access(
        event=AuditEvent.EMERGENCY_ACCESS,
        user=by,
        request=request,
        object_type="emergency_access",
        object_id=access.pk,
        youth_pseudonym=youth.pseudonym,
        detail="break-the-glass granted",
    )
    return access


@transaction.atomic
def review_emergency_access(
    *, access: EmergencyAccess, by: User, request: HttpRequest | None, note: str
) -> EmergencyAccess:
    access.reviewed_by = by
    access.reviewed_at = timezone.now()
    access.review_note = note.strip()
    access.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="emergency_access",
        object_id=access.pk,
        youth_pseudonym=access.youth.pseudonym,
        detail="reviewed",
    )
    return access
