from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.cases.access import (
    UNLISTED_FIELDS,
    get_youth_for_user,
    log_youths_listed,
    youths_visible_to,
)
from baken.lib.pagination import paginate
from baken.screening import services
from baken.screening.access import get_screening_for_user
from baken.screening.forms import (
    AnswersForm,
    EventForm,
    NextStepForm,
    PolicyForm,
    StartScreeningForm,
)
from baken.screening.models import ScreeningStatus
from baken.screening.presentation import history_rows, result_lines
from baken.signalling.services import consultants_for

WORKING_ROLES = (Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)


@role_required(*WORKING_ROLES)
@require_POST
def start_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    form = StartScreeningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the reason for this screening."))
        return redirect("home:youth", pseudonym=youth.pseudonym)
    try:
        screening = services.start_screening(
            youth=youth, by=user, request=request, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("home:youth", pseudonym=youth.pseudonym)
    return redirect("screening:fill", screening_id=screening.pk)


@role_required(*WORKING_ROLES)
def fill_view(request: HttpRequest, screening_id: int) -> HttpResponse:
    user = acting_user(request)
    screening = get_screening_for_user(user, screening_id, request=request)
    if not screening.is_draft:
        return redirect("screening:detail", screening_id=screening.pk)
    form = AnswersForm(request.POST or None, screening=screening)
    if request.method == "POST" and form.is_valid():
        complete = "complete" in request.POST
        try:
            services.save_answers(
                screening=screening,
                by=user,
                request=request,
                answers=form.answers(),
                complete=complete,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if complete:
                return redirect("screening:detail", screening_id=screening.pk)
            messages.success(request, _("Your answers have been saved."))
            return redirect("screening:fill", screening_id=screening.pk)
    context = {"screening": screening, "form": form, "youth": screening.youth}
    return render(request, "screening/fill.html", context)


@role_required(*WORKING_ROLES, Role.MANAGER)
def detail_view(request: HttpRequest, screening_id: int) -> HttpResponse:
    user = acting_user(request)
    screening = get_screening_for_user(user, screening_id, request=request)
    if screening.is_draft:
        return redirect("screening:fill", screening_id=screening.pk)
    form = None
    if screening.status == ScreeningStatus.AWAITING_NEXT_STEP and user.has_role(*WORKING_ROLES):
        form = NextStepForm(request.POST or None, consultants=consultants_for(screening.youth))
        if request.method == "POST" and form.is_valid():
            try:
                services.choose_next_step(
                    screening=screening,
                    by=user,
                    request=request,
                    next_step=form.cleaned_data["next_step"],
                    reason=form.cleaned_data["reason"],
                    consultant=form.cleaned_data["consultant"],
                    question=form.cleaned_data["question"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("The next step has been recorded; the screening is closed.")
                )
                return redirect("home:youth", pseudonym=screening.youth.pseudonym)
    forms, modifiers, conflicts = result_lines(screening)
    context = {
        "screening": screening,
        "youth": screening.youth,
        "form": form,
        "form_lines": forms,
        "modifiers": modifiers,
        "conflicts": conflicts,
    }
    return render(request, "screening/detail.html", context)


@role_required(*WORKING_ROLES, Role.MANAGER)
def history_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    screenings = list(
        youth.screenings.exclude(status=ScreeningStatus.DRAFT)
        .defer("answers", "prefilled", "prefilled_from_file", "next_step_reason")
        .order_by("started_at")
    )
    context = {"youth": youth, "screenings": screenings, "rows": history_rows(screenings)}
    return render(request, "screening/history.html", context)


@role_required(*WORKING_ROLES)
def event_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_event(youth=youth, by=user, request=request, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Recorded. An extra screening is now due within a week."))
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "screening/event.html", {"form": form, "youth": youth})


@role_required(*WORKING_ROLES, Role.MANAGER)
def due_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    page = paginate(
        request,
        services.screenings_due(youths_visible_to(user)).defer("date_of_birth", *UNLISTED_FIELDS),
    )
    due = services.screening_schedule(page.object_list)
    log_youths_listed(user, [item.youth for item in due], request=request, page="screening:due")
    return render(request, "screening/due.html", {"due": due, "page": page})


@role_required(Role.DESIGNATED_OFFICER, Role.FUNCTIONAL_ADMIN)
def policy_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    policy = services.policy_for(user.organisation)
    initial = {"instrument": policy.instrument, "interval_days": policy.interval_days}
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_policy(
                organisation=user.organisation, by=user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The screening policy has been saved."))
            return redirect("screening:policy")
    return render(request, "screening/policy.html", {"form": form, "policy": policy})
