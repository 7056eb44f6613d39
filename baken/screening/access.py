"""Screenings are reached through their youth; the youth's access function logs each read."""

from django.http import Http404, HttpRequest

from baken.accounts.models import User
from baken.cases.access import get_youth_for_user, youths_visible_to
from baken.screening.models import Screening


def get_screening_for_user(
    user: User, screening_id: int, *, request: HttpRequest | None
) -> Screening:
    screening = (
        Screening.objects.filter(youth__in=youths_visible_to(user), pk=screening_id)
        .select_related("youth", "instrument", "started_by")
        .first()
    )
    if screening is None:
        raise Http404
    get_youth_for_user(user, screening.youth.pseudonym, request=request, object_type="screening")
    return screening
