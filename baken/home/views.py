from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from baken.accounts.access import acting_user
from baken.accounts.models import Role
from baken.cases.access import youths_visible_to
from baken.learning.progress import ModuleState
from baken.learning.services import modules_for
from baken.learning.views import TRAINEES
from baken.meldcode.services import reviews_due, stalled_reports
from baken.registration.delivery import open_problem_for
from baken.registration.models import RegistrationTask, TaskStatus
from baken.screening.models import Screening, ScreeningStatus
from baken.screening.services import screening_schedule
from baken.signalling.access import consultations_addressed_to


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """What each role needs first: a worker their youths, a consultant the requests to them."""
    user = acting_user(request)
    context: dict[str, object] = {}
    if user.has_role(Role.YOUTH_WORKER):
        context["my_youths"] = list(
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
    if user.has_role(Role.DESIGNATED_OFFICER, Role.BEHAVIOURAL_SCIENTIST):
        context["requests_to_me"] = consultations_addressed_to(user)
    if user.has_role(Role.DESIGNATED_OFFICER):
        context["registration_tasks"] = list(
            RegistrationTask.objects.filter(
                youth__in=youths_visible_to(user), status=TaskStatus.OPEN
            ).select_related("youth")
        )
        context["stalled_reports"] = stalled_reports(youths_visible_to(user))
        context["reviews_due"] = reviews_due(youths_visible_to(user))
    if user.has_role(Role.YOUTH_WORKER, Role.DESIGNATED_OFFICER):
        context["due"] = [
            item
            for item in screening_schedule(youths_visible_to(user))
            if item.due.overdue or item.due.soon
        ]
        context["awaiting_next_step"] = list(
            Screening.objects.filter(
                youth__in=youths_visible_to(user), status=ScreeningStatus.AWAITING_NEXT_STEP
            ).select_related("youth")
        )
    if user.has_role(Role.FUNCTIONAL_ADMIN):
        context["delivery_problem"] = open_problem_for(user)
    if user.has_role(*TRAINEES):
        context["training_to_do"] = [
            row
            for row in modules_for(user)
            if row.needs_attention
            or row.progress.state in (ModuleState.DUE_FOR_NEW_STAFF, ModuleState.REFRESHER_SOON)
        ]
    return render(request, "home.html", context)
