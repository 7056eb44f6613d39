"""Signals and consultations are reached through their youth: whoever may see the youth may see
them, and each read is logged by the youth's access function. A missing one, or another
organisation's, is the same 404, logged as denied."""

from django.db.models import QuerySet
from django.http import HttpRequest

from baken.accounts.access import refuse_as_missing
from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.cases.access import get_youth_for_user, youths_visible_to
from baken.signalling.models import Consultation, Signal

MAX_ID_DIGITS = 18  # a 64-bit primary key


def get_signal_for_user(user: User, signal_id: int, *, request: HttpRequest | None) -> Signal:
    signal = (
        Signal.objects.filter(youth__in=youths_visible_to(user), pk=signal_id)
        .select_related("youth")
        .first()
    )
    if signal is None:
        refuse_as_missing(user, request=request, object_type="signal", object_id=signal_id)
    get_youth_for_user(user, signal.youth.pseudonym, request=request, object_type="signal")
    return signal


def get_signal_to_correct(user: User, signal_id: str, *, request: HttpRequest | None) -> Signal:
    """The signal named in `?corrects=`: a key that is not a number is a 404 like any other."""
    if not (signal_id.isascii() and signal_id.isdigit() and len(signal_id) <= MAX_ID_DIGITS):
        refuse_as_missing(user, request=request, object_type="signal", object_id=signal_id)
    return get_signal_for_user(user, int(signal_id), request=request)


def get_consultation_for_user(
    user: User, consultation_id: int, *, request: HttpRequest | None
) -> Consultation:
    consultation = (
        Consultation.objects.filter(youth__in=youths_visible_to(user))
        .select_related("youth", "requested_by", "addressed_to")
        .filter(pk=consultation_id)
        .first()
    )
    if consultation is None:
        refuse_as_missing(
            user, request=request, object_type="consultation", object_id=consultation_id
        )
    get_youth_for_user(
        user,
        consultation.youth.pseudonym,
        request=request,
        event=AuditEvent.READ,
        object_type="consultation",
    )
    return consultation


def consultations_addressed_to(user: User) -> QuerySet[Consultation]:
    """Open requests that ask this user to consult."""
    return (
        Consultation.objects.filter(
            youth__in=youths_visible_to(user), addressed_to=user, concluded_at__isnull=True
        )
        .select_related("youth", "requested_by")
        .order_by("requested_at", "pk")
    )
