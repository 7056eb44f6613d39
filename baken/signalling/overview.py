"""The designated officer's overview of the organisation's signals."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone

from baken.accounts.models import User
from baken.cases.access import youths_visible_to
from baken.cases.models import ExploitationForm, Youth
from baken.signalling.models import Consultation, Signal

WINDOW_DAYS = 90


@dataclass(frozen=True)
class FormCount:
    form: ExploitationForm
    youths: int


@dataclass(frozen=True)
class Overview:
    since: date
    per_form: list[FormCount]
    gut_feeling_youths: int
    open_consultations: QuerySet[Consultation]  # to paginate
    without_follow_up: QuerySet[Youth]  # to paginate


def officer_overview(user: User) -> Overview:
    """Counts in the database over the organisation's signals of the last WINDOW_DAYS, with the
    organisation and the window in WHERE (the organisation's youths, then each one's signals by
    the index on the signal's youth: a youth has few signals, so an index on the date did not
    help); the two lists as queries, for the page to load one page of each."""
    since = timezone.localdate() - timedelta(days=WINDOW_DAYS)
    since_start = datetime.combine(since, time.min, tzinfo=timezone.get_current_timezone())
    youths = youths_visible_to(user)
    recent = Signal.objects.filter(youth__in=youths, observed_on__gte=since)
    youths_per_form = dict(
        recent.filter(indicators__forms__isnull=False)
        .values_list("indicators__forms")
        .annotate(n=Count("youth", distinct=True))
        .values_list("indicators__forms", "n")
        .order_by()
    )
    per_form = [
        FormCount(form=form, youths=youths_per_form.get(form.pk, 0))
        for form in ExploitationForm.objects.order_by("order")
    ]
    gut_feeling_youths = recent.filter(is_gut_feeling=True).values("youth").distinct().count()
    open_consultations = (
        Consultation.objects.filter(youth__in=youths, concluded_at__isnull=True)
        .select_related("youth", "requested_by", "addressed_to")
        .order_by("requested_at", "pk")
    )
    # Youths with a recent signal and neither a consultation nor a screening in the window.
    without_follow_up = (
        youths.filter(pk__in=recent.values("youth_id"))
        .exclude(consultations__requested_at__gte=since_start)
        .exclude(screenings__started_at__gte=since_start)
        .order_by("pseudonym")
    )
    return Overview(
        since=since,
        per_form=per_form,
        gut_feeling_youths=gut_feeling_youths,
        open_consultations=open_consultations,
        without_follow_up=without_follow_up,
    )
