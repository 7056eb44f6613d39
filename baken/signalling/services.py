"""Recording signals, daily reports and consultations. Each writes its audit entry in the same
transaction; e-mail goes out only after the transaction commits."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from baken.accounts.models import Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_object_access
from baken.cases.models import Youth
from baken.registration.models import Trigger
from baken.registration.services import open_registration_task
from baken.signalling.models import (
    Concern,
    Consultation,
    DailyReport,
    Indicator,
    IndicatorCatalogue,
    NextStep,
    Signal,
    SignalContext,
    SignalSource,
)
from baken.signalling.suggestions import Candidate, suggest

CONSULTANT_ROLES = (Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)


def _check_signal_content(indicators: list[Indicator], note: str) -> None:
    if not indicators and not note.strip():
        raise ValidationError(
            _("Choose at least one indicator, or describe what you noticed (a niet-pluis feeling).")
        )
    if any(indicator.catalogue_id != indicators[0].catalogue_id for indicator in indicators):
        raise ValidationError(_("Indicators must come from one version of the catalogue."))


@transaction.atomic
def record_signal(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    observed_on: date,
    context: str,
    source: str,
    concern: str,
    indicators: list[Indicator],
    note: str,
    corrects: Signal | None = None,
    daily_report: DailyReport | None = None,
) -> Signal:
    _check_signal_content(indicators, note)
    if observed_on > timezone.localdate():
        raise ValidationError(_("The date of the observation cannot be in the future."))
    if corrects is not None and corrects.youth_id != youth.pk:
        raise ValidationError(_("A correction must concern the same youth."))
    signal = Signal.objects.create(
        youth=youth,
        recorded_by=by,
        observed_on=observed_on,
        context=context,
        source=source,
        concern=concern,
        note=note.strip(),
        is_gut_feeling=not indicators,
        corrects=corrects,
        daily_report=daily_report,
    )
    # a new signal has no indicators yet: their links in one insert (Baken has no m2m_changed
    # receivers to notify)
    Signal.indicators.through.objects.bulk_create(
        Signal.indicators.through(signal=signal, indicator_id=pk)
        for pk in dict.fromkeys(indicator.pk for indicator in indicators)
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=signal,
        youth_pseudonym=youth.pseudonym,
    )
    return signal


@transaction.atomic
def amend_signal(
    *,
    signal: Signal,
    by: User,
    request: HttpRequest | None,
    observed_on: date,
    context: str,
    source: str,
    concern: str,
    indicators: list[Indicator],
    note: str,
) -> Signal:
    """Change one's own signal within 24 hours of recording it; later, record a correction."""
    if signal.recorded_by_id != by.pk:
        raise ValidationError(_("Only the person who recorded a signal can change it."))
    if not signal.is_editable():
        raise ValidationError(
            _("A signal cannot be changed after 24 hours. Record a correction instead.")
        )
    _check_signal_content(indicators, note)
    signal.observed_on = observed_on
    signal.context = context
    signal.source = source
    signal.concern = concern
    signal.note = note.strip()
    signal.is_gut_feeling = not indicators
    signal.save()
    signal.indicators.set(indicators)
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=signal,
        youth_pseudonym=signal.youth.pseudonym,
    )
    return signal


def current_catalogue() -> IndicatorCatalogue:
    return IndicatorCatalogue.objects.get(is_current=True)


def first_form_names(indicator_ids: list[int]) -> dict[int, str]:
    """The name (in the active language) of each indicator's first form of exploitation, for
    the indicators that have one, in one query over the links."""
    english = get_language() == "en"
    names: dict[int, str] = {}
    rows = (
        Indicator.forms.through.objects.filter(indicator_id__in=indicator_ids)
        .order_by("indicator_id", "exploitationform__order", "exploitationform_id")
        .values_list("indicator_id", "exploitationform__name_nl", "exploitationform__name_en")
    )
    for indicator_id, name_nl, name_en in rows:
        names.setdefault(indicator_id, name_en if english else name_nl)
    return names


def suggest_indicators(*, youth: Youth, note: str) -> list[Indicator]:
    """Indicators of the current catalogue that the words of a note, or the youth's history,
    point to: help to make a niet-pluis feeling concrete."""
    catalogue = current_catalogue()
    indicators = list(catalogue.indicators.prefetch_related("forms"))
    candidates = [
        Candidate(
            indicator_id=indicator.pk,
            keywords=tuple(indicator.keywords.split(",")),
            form_codes=tuple(form.code for form in indicator.forms.all()),
        )
        for indicator in indicators
    ]
    history = Indicator.objects.filter(signals__youth=youth)
    history_forms = set(history.values_list("forms__code", flat=True)) - {None}
    previous = set(history.values_list("code", flat=True))
    previously_recorded = {i.pk for i in indicators if i.code in previous}
    chosen = suggest(
        note=note,
        candidates=candidates,
        history_forms=history_forms,
        previously_recorded=previously_recorded,
    )
    by_id = {indicator.pk: indicator for indicator in indicators}
    return [by_id[indicator_id] for indicator_id in chosen]


@transaction.atomic
def write_daily_report(
    *,
    youth: Youth,
    by: User,
    request: HttpRequest | None,
    report_date: date,
    text: str,
    safety_note: str,
    suspicion: bool,
    concern: str = Concern.MEDIUM,
) -> DailyReport:
    """A daily report; marking a suspicion in its safety part records a linked signal."""
    if suspicion and not safety_note.strip():
        raise ValidationError(_("Describe the suspicion in the safety section."))
    report = DailyReport.objects.create(
        youth=youth,
        author=by,
        report_date=report_date,
        text=text.strip(),
        safety_note=safety_note.strip(),
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=report,
        youth_pseudonym=youth.pseudonym,
    )
    if suspicion:
        record_signal(
            youth=youth,
            by=by,
            request=request,
            observed_on=report_date,
            context=SignalContext.LIVING_GROUP,
            source=SignalSource.SEEN,
            concern=concern,
            indicators=[],
            note=safety_note,
            daily_report=report,
        )
    return report


def consultants_for(youth: Youth) -> list[User]:
    """Whom a worker can ask: designated officers and behavioural scientists of the organisation."""
    return list(
        User.objects.filter(
            organisation_id=youth.organisation_id,
            is_active=True,
            role_grants__role__in=CONSULTANT_ROLES,
        )
        .distinct()
        .order_by("first_name", "username")
    )


@transaction.atomic
def request_consultation(
    *, youth: Youth, by: User, request: HttpRequest | None, addressed_to: User, question: str
) -> Consultation:
    if addressed_to not in consultants_for(youth):
        raise ValidationError(
            _("Ask a designated officer or behavioural scientist of your organisation.")
        )
    if not question.strip():
        raise ValidationError(_("Write down your question."))
    consultation = Consultation.objects.create(
        youth=youth, requested_by=by, addressed_to=addressed_to, question=question.strip()
    )
    log_object_access(
        event=AuditEvent.CREATE,
        by=by,
        request=request,
        obj=consultation,
        youth_pseudonym=youth.pseudonym,
    )
    path = reverse("signalling:consultation", args=[consultation.pk])
    link = request.build_absolute_uri(path) if request is not None else path
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Baken: request for consultation"),
            message=_(
                "%(worker)s asks you to consult on youth %(youth)s.\n%(link)s\n"
                "(Log in to Baken to read the question; no youth data is sent by e-mail.)"
            )
            % {"worker": by.get_full_name() or by.username, "youth": youth.pseudonym, "link": link},
            from_email=None,
            recipient_list=[addressed_to.email] if addressed_to.email else [],
        )
    )
    return consultation


@transaction.atomic
def conclude_consultation(
    *,
    consultation: Consultation,
    by: User,
    request: HttpRequest | None,
    participants: list[User],
    external_participants: str,
    conclusion: str,
    next_step: str,
    suspicion_confirmed: bool = False,
) -> Consultation:
    """Record the conclusion. A designated officer who confirms the suspicion of trafficking puts
    the question whether to register on the registrar's list. (The meldcode as next step is
    concluded through `meldcode.services.conclude_consultation`, which starts it.)"""
    if not consultation.is_open:
        raise ValidationError(_("This consultation has already been concluded."))
    if not by.has_role(*CONSULTANT_ROLES):
        raise ValidationError(
            _("Only a designated officer or behavioural scientist concludes a consultation.")
        )
    if next_step not in NextStep.values or not conclusion.strip():
        raise ValidationError(_("Record the conclusion and choose a next step."))
    if suspicion_confirmed and not by.has_role(Role.DESIGNATED_OFFICER):
        raise ValidationError(
            {"suspicion_confirmed": _("Only the designated officer confirms a suspicion.")}
        )
    consultation.conclusion = conclusion.strip()
    consultation.next_step = next_step
    consultation.suspicion_confirmed = suspicion_confirmed
    consultation.external_participants = external_participants.strip()
    consultation.concluded_by = by
    consultation.concluded_at = timezone.now()
    consultation.save()
    consultation.participants.set({*participants, by, consultation.requested_by})
    if suspicion_confirmed:
        open_registration_task(
            youth=consultation.youth, trigger=Trigger.CONSULTATION, trigger_id=consultation.pk
        )
    log_object_access(
        event=AuditEvent.UPDATE,
        by=by,
        request=request,
        obj=consultation,
        youth_pseudonym=consultation.youth.pseudonym,
    )
    return consultation
