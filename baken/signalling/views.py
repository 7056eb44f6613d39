from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundWidget
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.cases.access import get_youth_for_user, log_youths_listed
from baken.cases.models import Youth
from baken.lib.pagination import paginate
from baken.signalling import services
from baken.signalling.access import (
    get_consultation_for_user,
    get_signal_for_user,
    get_signal_to_correct,
)
from baken.signalling.forms import (
    ConclusionForm,
    ConsultationRequestForm,
    DailyReportForm,
    SignalForm,
)
from baken.signalling.models import Concern, Indicator, IndicatorKind
from baken.signalling.overview import officer_overview

WORKING_ROLES = (Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)
CONSULTANTS = (Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)


def _indicator_groups(
    form: SignalForm, suggestions: list[Indicator]
) -> list[tuple[str, list[BoundWidget]]]:
    """The indicator checkboxes grouped for the page: suggestions first, then per form of
    exploitation (an indicator's first), general signals and risk factors; each checkbox
    appears once."""
    boxes = {int(str(box.data["value"])): box for box in form["indicators"]}
    # the indicators as the checkboxes have them (the choices read them once)
    indicators: list[Indicator] = [box.data["value"].instance for box in boxes.values()]
    groups: dict[str, list[BoundWidget]] = {}
    if suggestions:
        groups[_("Suggested for what you wrote")] = [boxes[i.pk] for i in suggestions]
    placed = {i.pk for i in suggestions}
    first_form = services.first_form_names([indicator.pk for indicator in indicators])
    for indicator in indicators:
        if indicator.pk in placed:
            continue
        if indicator.kind == IndicatorKind.SIGNAL:
            heading = first_form[indicator.pk]
        else:
            heading = str(indicator.get_kind_display())
        groups.setdefault(heading, []).append(boxes[indicator.pk])
        placed.add(indicator.pk)
    return list(groups.items())


def _signal_page(
    request: HttpRequest,
    *,
    youth: Youth,
    form: SignalForm,
    title: str,
    suggestions: list[Indicator],
    guidance: str,
) -> HttpResponse:
    context = {
        "youth": youth,
        "form": form,
        "title": title,
        "groups": _indicator_groups(form, suggestions),
        "guidance": guidance,
    }
    return render(request, "signalling/signal_form.html", context)


@role_required(*WORKING_ROLES)
def record_signal_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    """Record a signal. "Help me make it concrete" re-shows the form with suggested indicators."""
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    catalogue = services.current_catalogue()
    corrects = None
    if request.GET.get("corrects"):
        corrects = get_signal_to_correct(user, request.GET["corrects"], request=request)
    form = SignalForm(request.POST or None, catalogue=catalogue)
    suggestions: list[Indicator] = []
    if request.method == "POST" and "suggest" in request.POST:
        suggestions = services.suggest_indicators(youth=youth, note=request.POST.get("note", ""))
        if not suggestions:
            messages.info(request, _("No indicators match these words. Choose from the list."))
    elif request.method == "POST" and form.is_valid():
        try:
            signal = services.record_signal(
                youth=youth, by=user, request=request, corrects=corrects, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The signal has been recorded."))
            if signal.concern == Concern.HIGH:  # act now: the page with the next steps
                return redirect("home:next_steps", signal_id=signal.pk)
            return redirect("home:youth", pseudonym=youth.pseudonym)
    title = _("Correct a signal") if corrects else _("Record a signal")
    return _signal_page(
        request,
        youth=youth,
        form=form,
        title=title,
        suggestions=suggestions,
        guidance=catalogue.guidance,
    )


@role_required(*WORKING_ROLES)
def amend_signal_view(request: HttpRequest, signal_id: int) -> HttpResponse:
    user = acting_user(request)
    signal = get_signal_for_user(user, signal_id, request=request)
    initial = {
        "observed_on": signal.observed_on,
        "context": signal.context,
        "source": signal.source,
        "note": signal.note,
        "indicators": list(signal.indicators.all()),
        "concern": signal.concern,
    }
    first = signal.indicators.first()
    catalogue = first.catalogue if first is not None else None
    form = SignalForm(
        request.POST or None,
        catalogue=catalogue or services.current_catalogue(),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.amend_signal(signal=signal, by=user, request=request, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The signal has been changed."))
            return redirect("home:youth", pseudonym=signal.youth.pseudonym)
    return _signal_page(
        request,
        youth=signal.youth,
        form=form,
        title=_("Change a signal"),
        suggestions=[],
        guidance=services.current_catalogue().guidance,
    )


@role_required(*WORKING_ROLES)
def daily_report_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    form = DailyReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.write_daily_report(
                youth=youth, by=user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if report.signals.exists():
                messages.success(
                    request, _("The daily report has been saved and the signal recorded.")
                )
            else:
                messages.success(request, _("The daily report has been saved."))
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "signalling/daily_report_form.html", {"form": form, "youth": youth})


@role_required(*WORKING_ROLES)
def request_consultation_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    form = ConsultationRequestForm(
        request.POST or None, consultants=services.consultants_for(youth)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.request_consultation(
                youth=youth, by=user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request for consultation has been sent."))
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "signalling/consultation_request.html", {"form": form, "youth": youth})


@role_required(*WORKING_ROLES)
@require_safe
def consultation_view(request: HttpRequest, consultation_id: int) -> HttpResponse:
    """The consultation, with the form for its conclusion (for the designated officer or
    behavioural scientist). The conclusion is recorded by `meldcode:conclude_consultation`,
    which starts the meldcode when that is the next step."""
    user = acting_user(request)
    consultation = get_consultation_for_user(user, consultation_id, request=request)
    form = None
    if consultation.is_open and user.has_role(*CONSULTANTS):
        form = ConclusionForm(organisation_id=consultation.youth.organisation_id)
    context = {"consultation": consultation, "form": form}
    return render(request, "signalling/consultation.html", context)


@role_required(*CONSULTANTS)
def overview_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    overview = officer_overview(user)
    consultations = paginate(request, overview.open_consultations, param="consultations")
    without_follow_up = paginate(request, overview.without_follow_up, param="youths")
    log_youths_listed(
        user,
        [*without_follow_up.object_list, *(c.youth for c in consultations.object_list)],
        request=request,
        page="signalling:overview",
    )
    context = {
        "overview": overview,
        "consultations": consultations,
        "without_follow_up": without_follow_up,
    }
    return render(request, "signalling/overview.html", context)
