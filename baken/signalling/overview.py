"""The designated officer's overview of the organisation's signals."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
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
    since: object
    per_form: list[FormCount]
    gut_feeling_youths: int
    open_consultations: list[Consultation]
    without_follow_up: list[Youth]


def officer_overview(user: User) -> Overview:
    since = timezone.localdate() - timedelta(days=WINDOW_DAYS)
    youths = youths_visible_to(user)
    recent = Signal.objects.filter(youth__in=youths, observed_on__gte=since)
    per_form = [
        FormCount(form=form, youths=form.n)
        for form in ExploitationForm.objects.annotate(
            n=Count(
                "indicators__signals__youth",
                filter=Q(
                    indicators__signals__in=recent,
                ),
                distinct=True,
            )
        ).order_by("order")
    ]
    gut_feeling_youths = recent.filter(is_gut_feeling=True).values("youth").distinct().count()
    open_consultations = list(
        Consultation.objects.filter(youth__in=youths, concluded_at__isnull=True)
        .select_related("youth", "requested_by", "addressed_to")
        .order_by("requested_at")
    )
    # Youths with a recent signal and neither a consultation nor a screening in the window.
    without_follow_up = list(
        youths.filter(signals__in=recent)
        .exclude(consultations__requested_at__date__gte=since)
        .exclude(screenings__started_at__date__gte=since)
        .distinct()
        .order_by("pseudonym")
    )
    return Overview(
        since=since,
        per_form=per_form,
        gut_feeling_youths=gut_feeling_youths,
        open_consultations=open_consultations,
        without_follow_up=without_follow_up,
    )
