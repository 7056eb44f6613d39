from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from baken.accounts.access import acting_user, colleagues_of, role_required
from baken.accounts.models import Role, User
from baken.cases.access import get_youth_for_user, log_youths_listed, youths_visible_to
from baken.lib.pagination import paginate
from baken.meldcode import services
from baken.meldcode.access import (
    get_action_for_user,
    get_report_for_user,
    get_trajectory_for_user,
    trajectories_visible_to,
)
from baken.meldcode.forms import (
    CloseForm,
    ConferenceForm,
    DecisionForm,
    EscalationForm,
    FeedbackForm,
    FollowUpForm,
    PoliceReportForm,
    PolicyForm,
    ReviewForm,
    StepForm,
)
from baken.meldcode.models import STEP_NAMES, Status, Trajectory
from baken.partners.directory import guidance_for, who_to_call
from baken.partners.models import Partner, PartnerKind, Purpose
from baken.registration.services import current_registrations
from baken.screening.access import get_screening_for_user
from baken.screening.models import ScreeningStatus
from baken.signalling.access import get_consultation_for_user
from baken.signalling.forms import ConclusionForm

WORKING_ROLES = (Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)


def _partners_for(trajectory: Trajectory, user: User) -> list[Partner]:
    municipality = trajectory.youth.municipality
    if municipality is None:
        return []
    answers = who_to_call(municipality=municipality, organisation=user.organisation)
    return [partner for answer in answers for partner in answer.partners]


def _step_form(trajectory: Trajectory, data: object = None) -> StepForm | None:
    step = trajectory.next_step
    if step is None or step > 4:
        return None
    initial = {"done": services.signal_summary(trajectory.youth)} if step == 1 else None
    framework_here = trajectory.framework_in_step == step
    return StepForm(data, step=step, framework_here=framework_here, initial=initial)


def _decision_form(trajectory: Trajectory, user: User, data: object = None) -> DecisionForm | None:
    if trajectory.next_step != 5:
        return None
    framework_here = trajectory.framework_in_step == 5
    return DecisionForm(
        data, framework_here=framework_here, partners=_partners_for(trajectory, user)
    )


def _review_form(trajectory: Trajectory, user: User, data: object = None) -> ReviewForm | None:
    if not trajectory.review_due():
        return None
    return ReviewForm(data, partners=_partners_for(trajectory, user))


def _next_action(trajectory: Trajectory, user: User) -> tuple[forms.Form | None, str]:
    """The form for what is to be done next, and the view that takes it."""
    if step := _step_form(trajectory):
        return step, "meldcode:record_step"
    if decision := _decision_form(trajectory, user):
        return decision, "meldcode:decide"
    if review := _review_form(trajectory, user):
        return review, "meldcode:review"
    return None, ""


def _page(
    request: HttpRequest, trajectory: Trajectory, form: forms.Form | None, action: str
) -> HttpResponse:
    user = acting_user(request)
    reports = list(trajectory.reports.prefetch_related("escalations").select_related("partner"))
    context = {
        "trajectory": trajectory,
        "youth": trajectory.youth,
        "steps": list(trajectory.steps.select_related("recorded_by")),
        "form": form,
        "form_action": reverse(action, args=[trajectory.pk]) if action else "",
        "step_name": STEP_NAMES.get(trajectory.next_step or 0, ""),
        "reports": reports,
        "conferences": trajectory.youth.case_conferences.prefetch_related("actions"),
        "feedback_form": FeedbackForm(),
        "escalation_form": EscalationForm(),
        "guidance_report": guidance_for(PartnerKind.VEILIG_THUIS, Purpose.REPORT),
        "guidance_consult": guidance_for(PartnerKind.VEILIG_THUIS, Purpose.CONSULTATION),
        "may_escalate": user.has_role(Role.DESIGNATED_OFFICER),
        "follow_ups": list(trajectory.follow_ups.select_related("recorded_by")),
        "acts": user.has_role(*WORKING_ROLES),
        "follow_up_form": FollowUpForm(),
        "close_form": CloseForm(),
        "latest_screening": trajectory.youth.screenings.filter(status=ScreeningStatus.CLOSED)
        .order_by("-started_at")
        .first(),
    }
    return render(request, "meldcode/trajectory.html", context)


@role_required(*WORKING_ROLES)
@require_POST
def start_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    try:
        trajectory = services.start_trajectory(
            youth=youth,
            by=user,
            request=request,
            signal=youth.signals.filter(pk=request.POST.get("signal") or 0).first(),
            consultation=youth.consultations.filter(
                pk=request.POST.get("consultation") or 0
            ).first(),
            screening=youth.screenings.filter(pk=request.POST.get("screening") or 0).first(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("home:youth", pseudonym=youth.pseudonym)
    return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)


@role_required(*WORKING_ROLES)
@require_POST
def start_from_screening_view(request: HttpRequest, screening_id: int) -> HttpResponse:
    """The meldcode as the next step of an elevated or high screening."""
    user = acting_user(request)
    screening = get_screening_for_user(user, screening_id, request=request)
    try:
        trajectory = services.continue_screening_in_meldcode(
            screening=screening, by=user, request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("screening:detail", screening_id=screening.pk)
    messages.success(request, _("The screening is closed; the meldcode is its next step."))
    return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)


@role_required(*WORKING_ROLES, Role.MANAGER)
@require_safe
def trajectory_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """The trajectory, with the form for what is to be done next (for those who act on it)."""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form, action = _next_action(trajectory, user) if user.has_role(*WORKING_ROLES) else (None, "")
    return _page(request, trajectory, form, action)


def _show_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's error on the field it names, or on the form as a whole."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _not_now(request: HttpRequest, trajectory: Trajectory) -> HttpResponse:
    messages.error(request, _("That is not the next thing to record in this trajectory."))
    return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)


@role_required(*WORKING_ROLES)
@require_POST
def record_step_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """Steps 1 to 4."""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form = _step_form(trajectory, request.POST)
    if form is None:
        return _not_now(request, trajectory)
    if form.is_valid():
        try:
            services.record_step(
                trajectory=trajectory,
                by=user,
                request=request,
                step=form.step,
                done=form.cleaned_data["done"],
                why=form.cleaned_data["why"],
                details=form.details(),
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Recorded."))
            return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)
    return _page(request, trajectory, form, "meldcode:record_step")


@role_required(*WORKING_ROLES)
@require_POST
def decide_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """Step 5: the afwegingskader and its outcome."""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form = _decision_form(trajectory, user, request.POST)
    if form is None:
        return _not_now(request, trajectory)
    if form.is_valid():
        try:
            services.decide(
                trajectory=trajectory,
                by=user,
                request=request,
                done=form.cleaned_data["done"],
                framework=form.framework() if "suspicion" in form.fields else None,
                report=form.report_details(),
                review_on=form.cleaned_data["review_on"],
                closing_note=form.cleaned_data["closing_note"],
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Recorded."))
            _already_registered(request, trajectory)
            return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)
    return _page(request, trajectory, form, "meldcode:decide")


@role_required(*WORKING_ROLES)
@require_POST
def review_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """On the review date: does the help give the needed result in time?"""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form = _review_form(trajectory, user, request.POST)
    if form is None:
        return _not_now(request, trajectory)
    if form.is_valid():
        try:
            services.review_help(
                trajectory=trajectory,
                by=user,
                request=request,
                help_works=form.cleaned_data["help_works"] == "yes",
                note=form.cleaned_data["note"],
                report=form.report_details(),
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Recorded."))
            return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)
    return _page(request, trajectory, form, "meldcode:review")


def _already_registered(request: HttpRequest, trajectory: Trajectory) -> None:
    """A confirmed suspicion about a youth who is registered already opens no second task."""
    if (
        trajectory.outcome in ("help", "report")
        and current_registrations(trajectory.youth).exists()
    ):
        messages.info(
            request,
            _(
                "This youth is registered already: no second registration. Correct the existing "
                "one on the youth's page if needed."
            ),
        )


@role_required(Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)
@require_POST
def conclude_consultation_view(request: HttpRequest, consultation_id: int) -> HttpResponse:
    """A consultation's conclusion; "start the meldcode" starts it."""
    user = acting_user(request)
    consultation = get_consultation_for_user(user, consultation_id, request=request)
    if not consultation.is_open:
        messages.error(request, _("This consultation has already been concluded."))
        return redirect("signalling:consultation", consultation_id=consultation.pk)
    form = ConclusionForm(request.POST, organisation_id=consultation.youth.organisation_id)
    if form.is_valid():
        try:
            trajectory = services.conclude_consultation(
                consultation=consultation,
                by=user,
                request=request,
                participants=list(form.cleaned_data["participants"]),
                external_participants=form.cleaned_data["external_participants"],
                conclusion=form.cleaned_data["conclusion"],
                next_step=form.cleaned_data["next_step"],
                suspicion_confirmed=form.cleaned_data["suspicion_confirmed"],
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The conclusion has been recorded."))
            if (
                consultation.suspicion_confirmed
                and current_registrations(consultation.youth).exists()
            ):
                messages.info(
                    request,
                    _(
                        "This youth is registered already: no second registration. Correct the "
                        "existing one on the youth's page if needed."
                    ),
                )
            if trajectory is not None:
                messages.success(request, _("The meldcode has started."))
                return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)
            return redirect("home:youth", pseudonym=consultation.youth.pseudonym)
    context = {"consultation": consultation, "form": form}
    return render(request, "signalling/consultation.html", context)


def _post_form(
    request: HttpRequest, form: forms.Form, act: Callable[[dict[str, Any]], object], done: str
) -> None:
    """Carry out a small form posted from the trajectory page; its errors as messages."""
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        act(form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)


@role_required(*WORKING_ROLES)
def police_report_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """A report or information to the police, beside the report to Veilig Thuis."""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form = PoliceReportForm(request.POST or None, partners=_partners_for(trajectory, user))
    if request.method == "POST" and form.is_valid():
        details = form.report_details()
        try:
            if details is None:
                raise ValidationError(_("Record what was reported to the police, and to whom."))
            services.record_police_report(
                trajectory=trajectory, by=user, request=request, details=details
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The report to the police has been recorded."))
            return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)
    context = {"form": form, "trajectory": trajectory, "youth": trajectory.youth}
    return render(request, "meldcode/police_report.html", context)


@role_required(*WORKING_ROLES)
@require_POST
def follow_up_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """After the report: what the institution still does, and the next evaluation."""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form = FollowUpForm(request.POST)
    _post_form(
        request,
        form,
        lambda data: services.record_follow_up(
            trajectory=trajectory, by=user, request=request, **data
        ),
        _("The follow-up has been recorded."),
    )
    return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)


@role_required(*WORKING_ROLES)
@require_POST
def close_view(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    """Close a trajectory after a report: an explicit decision with its reason."""
    user = acting_user(request)
    trajectory = get_trajectory_for_user(user, trajectory_id, request=request)
    form = CloseForm(request.POST)
    _post_form(
        request,
        form,
        lambda data: services.close_trajectory(
            trajectory=trajectory, by=user, request=request, reason=data["reason"]
        ),
        _("The trajectory is closed."),
    )
    return redirect("meldcode:trajectory", trajectory_id=trajectory.pk)


@role_required(*WORKING_ROLES)
@require_POST
def feedback_view(request: HttpRequest, report_id: int) -> HttpResponse:
    user = acting_user(request)
    report = get_report_for_user(user, report_id, request=request)
    form = FeedbackForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.values()))
        services.record_feedback(report=report, by=user, request=request, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The feedback has been recorded."))
    return redirect("meldcode:trajectory", trajectory_id=report.trajectory_id)


@role_required(Role.DESIGNATED_OFFICER)
@require_POST
def escalate_view(request: HttpRequest, report_id: int) -> HttpResponse:
    user = acting_user(request)
    report = get_report_for_user(user, report_id, request=request)
    form = EscalationForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.values()))
        services.escalate(report=report, by=user, request=request, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The escalation has been recorded."))
    return redirect("meldcode:trajectory", trajectory_id=report.trajectory_id)


@role_required(*WORKING_ROLES)
def conference_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    colleagues = list(colleagues_of(user))
    form = ConferenceForm(request.POST or None, colleagues=colleagues)
    if request.method == "POST" and form.is_valid():
        trajectory = youth.meldcode_trajectories.exclude(status=Status.CLOSED).first()
        try:
            services.record_conference(
                youth=youth,
                by=user,
                request=request,
                trajectory=trajectory,
                held_on=form.cleaned_data["held_on"],
                participants=form.cleaned_data["participants"],
                agreements=form.cleaned_data["agreements"],
                actions=form.actions(),
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The case conference has been recorded."))
            return redirect("home:youth", pseudonym=youth.pseudonym)
    return render(request, "meldcode/conference.html", {"form": form, "youth": youth})


@role_required(*WORKING_ROLES)
@require_POST
def action_done_view(request: HttpRequest, action_id: int) -> HttpResponse:
    user = acting_user(request)
    action = get_action_for_user(user, action_id, request=request)
    services.complete_action(action=action, by=user, request=request)
    messages.success(request, _("Marked as done."))
    return redirect("home:youth", pseudonym=action.conference.youth.pseudonym)


@role_required(Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST, Role.MANAGER)
def overview_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    youths = youths_visible_to(user)
    trajectories = paginate(
        request,
        trajectories_visible_to(user)
        .exclude(status=Status.CLOSED)
        .select_related("youth")
        .order_by("-started_at", "-pk"),
        param="open",
    )
    stalled = paginate(request, services.stalled_reports(youths), param="stalled")
    reviews = paginate(request, services.reviews_due(youths), param="reviews")
    actions = paginate(request, services.open_actions(youths), param="actions")
    shown = [
        *(t.youth for t in trajectories.object_list),
        *(r.trajectory.youth for r in stalled.object_list),
        *(t.youth for t in reviews.object_list),
        *(a.conference.youth for a in actions.object_list),
    ]
    log_youths_listed(user, shown, request=request, page="meldcode:overview")
    context = {"open": trajectories, "stalled": stalled, "reviews": reviews, "actions": actions}
    return render(request, "meldcode/overview.html", context)


@role_required(Role.DESIGNATED_OFFICER, Role.FUNCTIONAL_ADMIN)
def policy_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    assert user.organisation is not None  # noqa: S101 - role_required checks it
    policy = services.policy_for(user.organisation)
    form = PolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_policy(
                organisation=user.organisation, by=user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The meldcode settings have been saved."))
            return redirect("meldcode:policy")
    return render(request, "meldcode/policy.html", {"form": form})
