from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role, User
from baken.audit.models import AuditEvent
from baken.cases.access import (
    CASE_ROLES,
    get_youth_for_user,
    log_youths_listed,
    youths_visible_to,
)
from baken.cases.models import ExploitationForm, Youth
from baken.home.next_steps import next_steps_after
from baken.home.timeline import build_timeline, read_records
from baken.learning.progress import ModuleState
from baken.learning.services import modules_for
from baken.learning.views import TRAINEES
from baken.lib.pagination import paginate
from baken.meldcode.models import Status
from baken.meldcode.services import reviews_due, stalled_reports
from baken.registration.access import registration_panel, tasks_visible_to
from baken.registration.delivery import open_problem_for, registrations_waiting_too_long
from baken.registration.models import TaskStatus
from baken.screening.access import screenings_visible_to
from baken.screening.forms import StartScreeningForm
from baken.screening.models import ScreeningStatus
from baken.screening.services import next_screening_of, screening_schedule, screenings_due
from baken.signalling.access import consultations_addressed_to, get_signal_for_user
from baken.signalling.forms import ConsultationRequestForm
from baken.signalling.models import Consultation, Signal

HOME_ROWS = 10  # rows per list on the start page; each list has its own page navigation


def youths_of_my_teams(user: User) -> QuerySet[Youth]:
    """A youth worker's own youths in care (those of their teams), with the date of the last
    signal and the number of open consultations. Both are subqueries per youth, which the
    database evaluates only for the rows of the page; the count needs neither (a join with the
    signals and consultations, grouped and made distinct, cost 5 ms to plan alone)."""
    in_my_teams = Youth.teams.through.objects.filter(team__members=user).values("youth_id")
    signals = Signal.objects.filter(youth=OuterRef("pk")).order_by("-observed_on")
    open_requests = (
        Consultation.objects.filter(youth=OuterRef("pk"), concluded_at__isnull=True)
        .order_by()
        .values("youth")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        youths_visible_to(user)
        .filter(care_end__isnull=True, pk__in=in_my_teams)
        .annotate(
            last_signal=Subquery(signals.values("observed_on")[:1]),
            open_requests=Coalesce(Subquery(open_requests), 0),
        )
        .order_by("pseudonym")
    )


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """What each role needs first: a worker their youths, a consultant the requests to them.
    Each list shows a page of its own; the youths named on the page are logged (one entry per
    view). Each list is short (one's own youths, open requests and tasks) or ordered by a date
    computed for every row, so its total comes with its page, in one query."""
    user = acting_user(request)
    context: dict[str, object] = {}
    shown: list[Youth] = []
    if user.has_role(Role.YOUTH_WORKER):
        my_youths = paginate(
            request, youths_of_my_teams(user), param="youths", counted_with_page=True
        )
        context["my_youths"] = my_youths
        shown += my_youths.object_list
    if user.has_role(Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST):
        requests_to_me = paginate(
            request,
            consultations_addressed_to(user),
            param="requests",
            per_page=HOME_ROWS,
            counted_with_page=True,
        )
        context["requests_to_me"] = requests_to_me
        shown += [consultation.youth for consultation in requests_to_me.object_list]
    if user.has_role(Role.DESIGNATED_OFFICER):
        youths = youths_visible_to(user)
        tasks = paginate(
            request,
            tasks_visible_to(user)
            .filter(status=TaskStatus.OPEN)
            .select_related("youth")
            .order_by("due_on", "pk"),
            param="tasks",
            per_page=HOME_ROWS,
            counted_with_page=True,
        )
        waiting = registrations_waiting_too_long(youths)
        context |= {
            "waiting_registrations": waiting,
            "registration_tasks": tasks,
            "stalled_count": stalled_reports(youths).count(),
            "reviews_count": reviews_due(youths).count(),
        }
        shown += [task.youth for task in tasks.object_list]
        shown += [registration.youth for registration in waiting]
    if user.has_role(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER):
        due_page = paginate(
            request,
            screenings_due(youths_visible_to(user)),
            param="due",
            per_page=HOME_ROWS,
            counted_with_page=True,  # the due date is computed for every youth to order them
        )
        due = screening_schedule(due_page.object_list)
        awaiting = paginate(
            request,
            screenings_visible_to(user)
            # The organisation named as well: PostgreSQL then starts from its youths instead
            # of reading every youth of the country for the join (16 → 1 ms).
            .filter(
                status=ScreeningStatus.AWAITING_NEXT_STEP, youth__organisation=user.organisation
            )
            .select_related("youth")
            .order_by("started_at", "pk"),
            param="awaiting",
            per_page=HOME_ROWS,
            counted_with_page=True,
        )
        context |= {"due": due, "due_page": due_page, "awaiting_next_step": awaiting}
        shown += [item.youth for item in due]
        shown += [screening.youth for screening in awaiting.object_list]
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
    youth = get_youth_for_user(user, pseudonym, request=request, select_related=("municipality",))
    form_code = request.GET.get("form", "")
    records = read_records(youth)
    present = records.present
    panel = registration_panel(
        youth, disclosures=records.disclosures, with_objections=present["has_objections"]
    )
    context = {
        "youth": youth,
        "timeline": build_timeline(youth, form_code=form_code, records=records),
        "forms": ExploitationForm.objects.all(),
        "form_code": form_code,
        "guardians": youth.guardians.all(),
        "screening_due": next_screening_of(
            youth,
            screenings=records.screenings,
            signals=records.signals,
            events=records.events(youth),
            interval_days=records.interval_days,
        ),
        "draft_screening": records.draft_screening,
        "open_screening": records.open_screening,
        "start_screening_form": StartScreeningForm(),
        "open_trajectory": youth.meldcode_trajectories.exclude(status=Status.CLOSED).first()
        if present["has_open_trajectory"]
        else None,
        "conferences": youth.case_conferences.prefetch_related("actions")
        if present["has_conferences"]
        else [],
        "registration_tasks": records.open_tasks,
        **panel,
    }
    return render(request, "home/youth.html", context)


@role_required(*CASE_ROLES)
def youth_print_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_user(user, pseudonym, request=request, event=AuditEvent.EXPORT)
    form_code = request.GET.get("form", "")
    context = {"youth": youth, "timeline": build_timeline(youth, form_code=form_code)}
    return render(request, "home/youth_print.html", context)


@role_required(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST)
def next_steps_view(request: HttpRequest, signal_id: int) -> HttpResponse:
    """After a signal of high concern: consult now (the form prefilled, sent to the signalling
    app), start the meldcode, Veilig Thuis's numbers and 112."""
    user = acting_user(request)
    signal = get_signal_for_user(user, signal_id, request=request)
    steps = next_steps_after(signal)
    form = ConsultationRequestForm(
        consultants=steps.consultants,
        initial={"addressed_to": steps.officer, "question": steps.question},
    )
    context = {"youth": signal.youth, "steps": steps, "form": form}
    return render(request, "home/next_steps.html", context)
