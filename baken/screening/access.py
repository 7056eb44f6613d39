"""Screenings are reached through their youth; the youth's access function logs each read.
A missing one, or another organisation's, is the same 404, logged as denied."""

from django.db.models import QuerySet
from django.http import HttpRequest

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import User
from baken.cases.access import get_youth_for_user, youths_visible_to
from baken.screening.models import Screening


def screenings_visible_to(user: User) -> QuerySet[Screening]:
    return Screening.objects.filter(youth__in=youths_visible_to(user))


def get_screening_for_user(
    user: User, screening_id: int, *, request: HttpRequest | None
) -> Screening:
    screening = (
        screenings_visible_to(user)
        .filter(pk=screening_id)
        .select_related("youth", "instrument", "started_by")
        .first()
    )
    if screening is None:
        refuse_as_missing(user, request=request, object_type="screening", object_id=screening_id)
    get_youth_for_user(user, screening.youth.pseudonym, request=request, object_type="screening")
    return screening
