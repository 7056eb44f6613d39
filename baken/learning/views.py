from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.learning import services
from baken.learning.access import (
    attempts_of,
    get_attempt_for_user,
    get_module,
    self_assessments_of,
)
from baken.learning.catalogue import all_modules
from baken.learning.forms import QuizForm, SelfAssessmentForm, TrainingPolicyForm
from baken.learning.models import Moment
from baken.learning.quiz import score_quiz

TRAINEES = (Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.MANAGER)


@role_required(*TRAINEES)
def module_list_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    return render(request, "learning/list.html", {"rows": services.modules_for(user)})


@role_required(*TRAINEES)
def before_view(request: HttpRequest, slug: str) -> HttpResponse:
    user = acting_user(request)
    module = get_module(slug)
    form = SelfAssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_self_assessment(
            user=user, module=module, moment=Moment.BEFORE, **form.cleaned_data
        )
        return redirect("learning:module", slug=module.slug)
    context = {"module": module, "form": form, "language": get_language()}
    return render(request, "learning/before.html", context)


@role_required(*TRAINEES)
def module_view(request: HttpRequest, slug: str) -> HttpResponse:
    user = acting_user(request)
    module = get_module(slug)
    if request.method == "GET" and services.needs_before_assessment(user, module):
        return redirect("learning:before", slug=module.slug)
    form = QuizForm(request.POST or None, module=module)
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.submit_quiz(user=user, module=module, answers=form.answers())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("learning:attempt", attempt_id=attempt.pk)
    context = {"module": module, "form": form, "language": get_language()}
    return render(request, "learning/module.html", context)


@role_required(*TRAINEES)
def attempt_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    user = acting_user(request)
    attempt = get_attempt_for_user(user, attempt_id, request=request)
    module = get_module(attempt.module)
    needs_after = services.needs_after_assessment(attempt)
    form = SelfAssessmentForm(request.POST or None) if needs_after else None
    if request.method == "POST" and form is not None and form.is_valid():
        services.record_self_assessment(
            user=user, module=module, moment=Moment.AFTER, **form.cleaned_data
        )
        messages.success(request, _("Thank you. Your rating has been saved."))
        return redirect("learning:list")
    context = {
        "module": module,
        "attempt": attempt,
        # Feedback belongs to the version answered; an older version shows the score only.
        "result": score_quiz(module, attempt.answers)
        if attempt.module_version == module.version
        else None,
        "form": form,
        "language": get_language(),
    }
    return render(request, "learning/attempt.html", context)


@role_required(*TRAINEES)
def history_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    language = get_language()
    titles = {module.slug: module.title.in_language(language) for module in all_modules()}
    context = {
        "assessments": [
            (item, titles.get(item.module, item.module)) for item in self_assessments_of(user)
        ],
        "attempts": [(item, titles.get(item.module, item.module)) for item in attempts_of(user)],
    }
    return render(request, "learning/history.html", context)


@role_required(Role.MANAGER, Role.DESIGNATED_OFFICER)
def policy_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    policy = services.policy_for(user.organisation)
    initial = {
        "mandatory_modules": policy.mandatory_modules,
        "new_staff_days": policy.new_staff_days,
        "refresher_months": policy.refresher_months,
    }
    form = TrainingPolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_policy(
                organisation=user.organisation, by=user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The training policy has been saved."))
            return redirect("learning:policy")
    return render(request, "learning/policy.html", {"form": form})
