from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.cases.access import log_youths_listed
from baken.lib.pagination import paginate
from baken.partners.directory import guidance_for
from baken.partners.models import PartnerKind, Purpose
from baken.registration import services
from baken.registration.access import (
    get_registration_for_user,
    get_task_to_decide,
    registrations_visible_to,
    tasks_visible_to,
)
from baken.registration.forms import PolicyForm, RegistrationForm, ResendForm
from baken.registration.models import TaskStatus

REGISTRARS = (Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.YOUTH_WORKER)


def _show_error(form: RegistrationForm | ResendForm | PolicyForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    renamed = {"forms": "forms_of_exploitation"}
    for field, errors in error.message_dict.items():
        name = renamed.get(field, field)
        form.add_error(name if name in form.fields else None, errors)


@role_required(*REGISTRARS)
def task_list_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    tasks = paginate(
        request,
        tasks_visible_to(user)
        .filter(status=TaskStatus.OPEN)
        .select_related("youth")
        .order_by("due_on", "pk"),
        param="tasks",
    )
    recent = paginate(
        request,
        registrations_visible_to(user).select_related("youth").order_by("-created_at", "-pk"),
        param="registrations",
    )
    shown = [
        *(task.youth for task in tasks.object_list),
        *(outbound.youth for outbound in recent.object_list),
    ]
    log_youths_listed(user, shown, request=request, page="registration:tasks")
    return render(request, "registration/tasks.html", {"tasks": tasks, "recent": recent})


@role_required(*REGISTRARS)
def task_view(request: HttpRequest, task_id: int) -> HttpResponse:
    user = acting_user(request)
    task = get_task_to_decide(user, task_id, request=request)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and task.status == TaskStatus.OPEN:
        data = form.cleaned_data
        try:
            if data["suspicion"] == "no":
                services.decide_not_to_register(
                    task=task,
                    by=user,
                    request=request,
                    reason_kind=data["reason_not_kind"],
                    reason=data["reason_not"],
                )
                messages.success(request, _("Recorded: not registered, with the reason."))
            else:
                services.submit_registration(
                    task=task,
                    by=user,
                    request=request,
                    consent=data["consent"],
                    not_asked_reason=data["not_asked_reason"],
                    justification=data["justification"],
                    confirmed=data["confirmed"],
                    objection=data["objection"],
                    dossier_type=data["dossier_type"] or "statistical",
                    forms=data["forms_of_exploitation"],
                    sector=data["sector"],
                    cross_border=form.cross_border_value(),
                    contact=form.contact(),
                )
                messages.success(
                    request, _("The registration is queued and will be sent to the registry.")
                )
        except ValidationError as error:
            _show_error(form, error)
        else:
            return redirect("home:youth", pseudonym=task.youth.pseudonym)
    context = {
        "task": task,
        "youth": task.youth,
        "form": form,
        "age": task.youth.age,
        "consent_from": services.who_must_consent(task.youth),
        "guidance": guidance_for(PartnerKind.REGISTRY, Purpose.REGISTRATION),
        "policy": services.policy_for(task.youth.organisation),
    }
    return render(request, "registration/task.html", context)


@role_required(*REGISTRARS)
def resend_view(request: HttpRequest, outbound_id: int) -> HttpResponse:
    user = acting_user(request)
    outbound = get_registration_for_user(user, outbound_id, request=request)
    initial = {
        "forms_of_exploitation": outbound.payload.get("forms", []),
        "sector": outbound.payload.get("sector", ""),
    }
    form = ResendForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_and_resend(
                outbound=outbound,
                by=user,
                request=request,
                forms=form.cleaned_data["forms_of_exploitation"],
                sector=form.cleaned_data["sector"],
                cross_border={"yes": True, "no": False}.get(form.cleaned_data["cross_border"]),
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The corrected registration is queued again."))
            return redirect("home:youth", pseudonym=outbound.youth.pseudonym)
    return render(
        request,
        "registration/resend.html",
        {"form": form, "outbound": outbound},
    )


@role_required(Role.PRIVACY_OFFICER, Role.DESIGNATED_OFFICER, Role.FUNCTIONAL_ADMIN)
def policy_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    policy = services.policy_for(user.organisation)
    form = PolicyForm(request.POST or None, instance=policy)
    if not user.has_role(Role.PRIVACY_OFFICER):
        form.fields["statistical_after_objection"].disabled = True
        form.fields["statistical_after_objection"].help_text = _(
            "Only the privacy officer changes this."
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_policy(
                organisation=user.organisation, by=user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The registration settings have been saved."))
            return redirect("registration:policy")
    return render(request, "registration/policy.html", {"form": form})
