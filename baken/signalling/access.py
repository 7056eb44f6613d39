"""Signals and consultations are reached through their youth: whoever may see the youth may see
them, and each read is logged by the youth's access function."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.cases.access import get_youth_for_user, youths_visible_to
from baken.signalling.models import Consultation, Signal


def get_signal_for_user(user: User, signal_id: int, *, request: HttpRequest | None) -> Signal:
    signal = get_object_or_404(
        Signal.objects.filter(youth__in=youths_visible_to(user)).select_related("youth"),
        pk=signal_id,
    )
    get_youth_for_user(user, signal.youth.pseudonym, request=request, object_type="signal")
    return signal


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
        raise Http404
    get_youth_for_user(
        user,
        consultation.youth.pseudonym,
        request=request,
        event=AuditEvent.READ,
        object_type="consultation",
    )
    return consultation


def consultations_addressed_to(user: User) -> list[Consultation]:
    """Open requests that ask this user to consult."""
    return list(
        Consultation.objects.filter(
            youth__in=youths_visible_to(user), addressed_to=user, concluded_at__isnull=True
        )
        .select_related("youth", "requested_by")
        .order_by("requested_at")
    )
