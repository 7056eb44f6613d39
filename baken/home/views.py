from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.audit.models import AuditEvent
from baken.cases.access import (
    CASE_ROLES,
    get_youth_for_user,
    log_youths_listed,
    youths_visible_to,
)
from baken.cases.models import ExploitationForm, Youth
from baken.home.timeline import build_timeline
from baken.learning.progress import ModuleState
from baken.learning.services import modules_for
from baken.learning.views import TRAINEES
from baken.meldcode.models import Status
from baken.meldcode.services import reviews_due, stalled_reports
from baken.registration.access import registration_panel, tasks_visible_to
from baken.registration.delivery import open_problem_for
from baken.registration.models import TaskStatus
from baken.screening.access import screenings_visible_to
from baken.screening.forms import StartScreeningForm
from baken.screening.models import ScreeningStatus
from baken.screening.services import screening_schedule
from baken.signalling.access import consultations_addressed_to


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """What each role needs first: a worker their youths, a consultant the requests to them.
    The youths named on the page are logged (one entry per view)."""
    user = acting_user(request)
    context: dict[str, object] = {}
    shown: list[Youth] = []
    if user.has_role(Role.YOUTH_WORKER):
        my_youths = list(
            youths_visible_to(user)
            .filter(care_end__isnull=True, teams__in=user.teams.all())
            .annotate(
                last_signal=Max("signals__observed_on"),
                open_requests=Count(
                    "consultations", filter=Q(consultations__concluded_at__isnull=True)
                ),
            )
            .distinct()
            .order_by("pseudonym")
        )
        context["my_youths"] = my_youths
        shown += my_youths
    if user.has_role(Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST):
        requests_to_me = consultations_addressed_to(user)
        context["requests_to_me"] = requests_to_me
        shown += [consultation.youth for consultation in requests_to_me]
    if user.has_role(Role.DESIGNATED_OFFICER):
        tasks = list(tasks_visible_to(user).filter(status=TaskStatus.OPEN).select_related("youth"))
        stalled = stalled_reports(youths_visible_to(user))
        reviews = reviews_due(youths_visible_to(user))
        context |= {"registration_tasks": tasks, "stalled_reports": stalled, "reviews_due": reviews}
        shown += [task.youth for task in tasks]
        shown += [report.trajectory.youth for report in stalled]
        shown += [trajectory.youth for trajectory in reviews]
    if user.has_role(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER):
        due = [
            item
            for item in screening_schedule(youths_visible_to(user))
            if item.due.overdue or item.due.soon
        ]
        awaiting = list(
            screenings_visible_to(user)
            .filter(status=ScreeningStatus.AWAITING_NEXT_STEP)
            .select_related("youth")
        )
        context |= {"due": due, "awaiting_next_step": awaiting}
        shown += [item.youth for item in due]
        shown += [screening.youth for screening in awaiting]
    if user.has_role(Role.FUNCTIONAL_ADMIN):
        context["delivery_problem"] = open_problem_for(user)
    if user.has_role(*TRAINEES):
        context["training_to_do"] = [
            row
            for row in modules_for(user)
            if row.needs_attention
            or row.progress.state in (ModuleState.DUE_FOR_NEW_STAFF, ModuleState.REFRESHER_SOON)
        ]
    if shown:
        log_youths_listed(user, shown, request=request, page="home")
    return render(request, "home/home.html", context)


@role_required(*CASE_ROLES)
def youth_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    """The youth's page: the case file with everything each app recorded, as one timeline."""
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request)
    form_code = request.GET.get("form", "")
    schedule = screening_schedule(Youth.objects.filter(pk=youth.pk))
    context = {
        "youth": youth,
        "timeline": build_timeline(youth, form_code=form_code),
        "forms": ExploitationForm.objects.all(),
        "form_code": form_code,
        "guardians": youth.guardians.all(),
        "screening_due": schedule[0].due if schedule else None,
        "draft_screening": youth.screenings.filter(status=ScreeningStatus.DRAFT).first(),
        "open_screening": youth.screenings.filter(
            status=ScreeningStatus.AWAITING_NEXT_STEP
        ).first(),
        "start_screening_form": StartScreeningForm(),
        "open_trajectory": youth.meldcode_trajectories.exclude(status=Status.CLOSED).first(),
        "conferences": youth.case_conferences.prefetch_related("actions"),
        "registration_tasks": youth.registration_tasks.filter(status="open"),
        **registration_panel(youth),
    }
    return render(request, "home/youth.html", context)


@role_required(*CASE_ROLES)
def youth_print_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request, event=AuditEvent.EXPORT)
    form_code = request.GET.get("form", "")
    context = {"youth": youth, "timeline": build_timeline(youth, form_code=form_code)}
    return render(request, "home/youth_print.html", context)
