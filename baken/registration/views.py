from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.cases.access import get_youth_for_user, log_youths_listed
from baken.lib.pagination import paginate
from baken.partners.directory import guidance_for
from baken.partners.models import PartnerKind, Purpose
from baken.registration import services
from baken.registration.access import (
    get_consent_for_user,
    get_count_to_replace,
    get_proposal_for_officer,
    get_registration_for_user,
    get_task_to_decide,
    registrations_visible_to,
    tasks_visible_to,
)
from baken.registration.forms import (
    Decision,
    ObjectionForm,
    PolicyForm,
    ProposalForm,
    ReplaceCountForm,
    ResendForm,
    TaskDecisionForm,
    WithdrawConsentForm,
)
from baken.registration.models import RegistrationTask, Route, TaskStatus

REGISTRARS = (Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.YOUTH_WORKER)


def _show_error(form: BaseForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    renamed = {"forms": "forms_of_exploitation", "objected_on": "objection_on"}
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


def _decide(request: HttpRequest, form: TaskDecisionForm, task: RegistrationTask) -> str:
    """Carry out the registrar's decision; the message to show."""
    user = acting_user(request)
    data = form.cleaned_data
    decision = data["decision"]
    if decision == Decision.NO:
        services.decide_not_to_register(
            task=task,
            by=user,
            request=request,
            reason_kind=data["reason_not_kind"],
            reason=data["reason_not"],
        )
        return _("Recorded: not registered, with the reason.")
    if decision == Decision.EXCEPTION:
        services.propose_statistics_exception(
            task=task,
            by=user,
            request=request,
            reason_kind=data["exception_reason_kind"],
            reason=data["exception_reason"],
            content=form.content(),
        )
        return _("Proposed: the designated officer confirms it before anything is sent.")
    if decision == Decision.OBJECTION:
        role, guardian = form.objector()
        services.record_objection(
            youth=task.youth,
            by=user,
            request=request,
            role=role,
            guardian=guardian,
            objected_on=form.objection_date(),
            note=data["objection_note"],
            task=task,
            forms=form.content().forms,
        )
        return _("The objection is recorded. No registration with pseudonyms will go.")
    disclosure = services.record_consent(
        task=task,
        by=user,
        request=request,
        answers=form.answers("party_"),
        content=form.content(),
        youth_cannot_assess=data["youth_cannot_assess"],
        cannot_assess_note=data["cannot_assess_note"],
        care=form.care(),
    )
    if disclosure.route == Route.CONSENT:
        return _("The registration is queued and will be sent to the registry.")
    if disclosure.route == Route.COUNT_ONLY:
        return _("Consent was refused: only the untraceable count is queued.")
    return _("Consent was refused: nothing is sent.")


@role_required(*REGISTRARS)
def task_view(request: HttpRequest, task_id: int) -> HttpResponse:
    user = acting_user(request)
    task = get_task_to_decide(user, task_id, request=request)
    youth = task.youth
    form = TaskDecisionForm(request.POST or None, youth=youth)
    proposal = services.pending_proposal(task)
    if request.method == "POST" and form.is_valid() and task.status == TaskStatus.OPEN:
        try:
            message = _decide(request, form, task)
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, message)
            if services.pending_proposal(task) is not None:
                return redirect("registration:task", task_id=task.pk)
            return redirect("home:youth", pseudonym=youth.pseudonym)
    context = {
        "task": task,
        "youth": youth,
        "form": form,
        "age": youth.age,
        "parties": services.parties_to_ask(youth, on=timezone.localdate()),
        "holders": form.holders,
        "objection": services.objection_on_file(youth),
        "refusal": services.refusal_on_file(youth),
        "proposal": proposal,
        "proposal_form": ProposalForm() if proposal else None,
        "may_confirm": services.is_designated_officer_for(user, youth),
        "current": list(services.current_registrations(youth)),
        "guidance": guidance_for(PartnerKind.REGISTRY, Purpose.REGISTRATION),
        "policy": services.policy_for(youth.organisation),
    }
    return render(request, "registration/task.html", context)


@role_required(Role.DESIGNATED_OFFICER)
@require_POST
def proposal_view(request: HttpRequest, disclosure_id: int) -> HttpResponse:
    """The designated officer confirms (or does not confirm) a proposal to register without
    consent."""
    user = acting_user(request)
    proposal = get_proposal_for_officer(user, disclosure_id, request=request)
    form = ProposalForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose whether you confirm."))
        if form.cleaned_data["answer"] == "confirm":
            services.confirm_statistics_exception(disclosure=proposal, by=user, request=request)
            messages.success(
                request,
                _("Confirmed: the registration is queued, and the file notes the disclosure."),
            )
            return redirect("home:youth", pseudonym=proposal.youth.pseudonym)
        services.decline_statistics_exception(
            disclosure=proposal,
            by=user,
            request=request,
            reason=form.cleaned_data["declined_reason"],
        )
        messages.success(request, _("Not confirmed: nothing is sent."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if proposal.task_id is None:
        return redirect("home:youth", pseudonym=proposal.youth.pseudonym)
    return redirect("registration:task", task_id=proposal.task_id)


@role_required(*REGISTRARS)
def objection_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    """Record an objection to registration: final, and it withdraws what was registered."""
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request, object_type="registration")
    form = ObjectionForm(request.POST or None, youth=youth)
    if request.method == "POST" and form.is_valid():
        role, guardian = form.objector()
        try:
            services.record_objection(
                youth=youth,
                by=user,
                request=request,
                role=role,
                guardian=guardian,
                objected_on=form.cleaned_data["objected_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(
                request,
                _("The objection is recorded; registrations are withdrawn at the registry."),
            )
            return redirect("home:youth", pseudonym=youth.pseudonym)
    current = list(services.current_registrations(youth))
    context = {"form": form, "youth": youth, "current": current}
    return render(request, "registration/objection.html", context)


@role_required(*REGISTRARS)
def withdraw_consent_view(request: HttpRequest, party_id: int) -> HttpResponse:
    """A person who consented withdraws that consent."""
    user = acting_user(request)
    party = get_consent_for_user(user, party_id, request=request)
    form = WithdrawConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_consent(
                party=party,
                by=user,
                request=request,
                withdrawn_on=form.cleaned_data["withdrawn_on"],
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The consent is withdrawn, and so is what was sent on it."))
            return redirect("home:youth", pseudonym=party.disclosure.youth.pseudonym)
    context = {"form": form, "party": party, "disclosure": party.disclosure}
    return render(request, "registration/withdraw_consent.html", context)


@role_required(*REGISTRARS)
def replace_count_view(request: HttpRequest, disclosure_id: int) -> HttpResponse:
    """Consent given after only an untraceable count went: replace the count by a registration,
    in one action."""
    user = acting_user(request)
    count = get_count_to_replace(user, disclosure_id, request=request)
    youth = count.youth
    initial = {
        "forms_of_exploitation": (count.registration.payload if count.registration else {}).get(
            "forms", []
        )
    }
    form = ReplaceCountForm(request.POST or None, youth=youth, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.replace_count_with_registration(
                count=count,
                by=user,
                request=request,
                answers=form.answers(),
                content=form.content(),
                youth_cannot_assess=form.cleaned_data["youth_cannot_assess"],
                cannot_assess_note=form.cleaned_data["cannot_assess_note"],
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(
                request,
                _("The registration is queued; the registry withdraws the count as it stores it."),
            )
            return redirect("home:youth", pseudonym=youth.pseudonym)
    context = {
        "form": form,
        "count": count,
        "youth": youth,
        "replaceable": services.replaceable_count(count),
        "parties": services.parties_to_ask(youth, on=timezone.localdate()),
    }
    return render(request, "registration/replace_count.html", context)


@role_required(*REGISTRARS)
def resend_view(request: HttpRequest, outbound_id: int) -> HttpResponse:
    """Correct a registration: one the registry refused, or one it holds."""
    user = acting_user(request)
    outbound = get_registration_for_user(user, outbound_id, request=request)
    initial = {
        "forms_of_exploitation": outbound.payload.get("forms", []),
        "sector": outbound.payload.get("sector", ""),
    }
    form = ResendForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        content = form.content()
        try:
            services.correct_and_resend(
                outbound=outbound,
                by=user,
                request=request,
                forms=content.forms,
                sector=content.sector,
                cross_border=content.cross_border,
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The correction is queued for the registry."))
            return redirect("home:youth", pseudonym=outbound.youth.pseudonym)
    return render(request, "registration/resend.html", {"form": form, "outbound": outbound})


@role_required(Role.PRIVACY_OFFICER, Role.DESIGNATED_OFFICER, Role.FUNCTIONAL_ADMIN)
def policy_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    policy = services.policy_for(user.organisation)
    form = PolicyForm(request.POST or None, instance=policy)
    if not user.has_role(Role.PRIVACY_OFFICER):
        for name in services.PRIVACY_OFFICER_SETTINGS:
            form.fields[name].disabled = True
            form.fields[name].help_text = _("Only the privacy officer changes this.")
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
