"""Delivering queued registrations to the registry's intake API.

Each row is claimed with a conditional UPDATE (so two senders never send the same row at once),
posted with its idempotency key, and then marked delivered (2xx), needs-correction (4xx, with the
registry's message) or queued again with back-off (5xx, timeout, connection error). A reply lost
after the registry stored the registration is harmless: the retry carries the same key and the
registry answers with the registration it already has."""

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from baken.registration.models import (
    DeliveryStatus,
    OutboundRegistration,
    check_delivery_transition,
)

CLAIM_SECONDS = 300
MAX_BACKOFF_SECONDS = 3600
TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any]


class TransientDeliveryError(Exception):
    """The registry could not be reached or did not answer in time: try again later."""


Transport = Callable[[str, dict[str, Any]], Reply]


def check_registry_url(base_url: str) -> None:
    """Registrations travel only over TLS, except to a registry on this machine (the demo)."""
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme == "https" or (
        parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")
    ):
        return
    raise ValueError(f"the registry URL must use https (got {base_url!r})")


def http_transport(base_url: str, token: str) -> Transport:
    """POST to <base_url>/api/registrations with the source's bearer token."""
    check_registry_url(base_url)

    def post(idempotency_key: str, body: dict[str, Any]) -> Reply:
        request = urllib.request.Request(  # noqa: S310 - the operator configures an https URL
            f"{base_url.rstrip('/')}/api/registrations",
            data=json.dumps(body).encode("utf-8"),
            method="POST",
            headers={
                "Authorization": f"Bearer {token}",
                "Idempotency-Key": idempotency_key,
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return Reply(response.status, json.loads(response.read() or b"{}"))
        except urllib.error.HTTPError as error:
            try:
                body_out = json.loads(error.read() or b"{}")
            except ValueError:
                body_out = {}
            return Reply(error.code, body_out)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            raise TransientDeliveryError(str(error)) from error

    return post


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


def _claim(row: OutboundRegistration, now: datetime) -> bool:
    claimable = Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_until__lt=now
    )
    return bool(
        OutboundRegistration.objects.filter(claimable, pk=row.pk).update(
            status=DeliveryStatus.SENDING, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
        )
    )


def _messages(body: dict[str, Any]) -> str:
    errors = body.get("errors") or []
    if not errors:
        return json.dumps(body)[:1000]
    return "; ".join(f"{e.get('field')}: {e.get('message_nl') or e.get('message')}" for e in errors)


@dataclass(frozen=True)
class DeliveryRun:
    delivered: int = 0
    retrying: int = 0
    needs_correction: int = 0


def deliver_due(
    *, transport: Transport, now: datetime | None = None, limit: int = 100
) -> DeliveryRun:
    now = now or timezone.now()
    due = OutboundRegistration.objects.filter(
        Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
        | Q(status=DeliveryStatus.SENDING, claimed_until__lt=now)
    ).order_by("next_attempt_at")[:limit]
    delivered = retrying = needs_correction = 0
    for row in list(due):
        if not _claim(row, now):
            continue  # another sender has it
        row.attempts += 1
        try:
            reply = transport(str(row.idempotency_key), row.payload)
        except TransientDeliveryError as error:
            reply = Reply(0, {"errors": [{"field": "network", "message": str(error)}]})
        if 200 <= reply.status < 300:
            row.status = DeliveryStatus.DELIVERED
            row.registry_reference = str(reply.body.get("reference", ""))
            row.delivered_at = now
            row.last_error = ""
            delivered += 1
        elif 400 <= reply.status < 500 and reply.status not in (408, 429):
            row.status = DeliveryStatus.NEEDS_CORRECTION
            row.last_error = _messages(reply.body)
            needs_correction += 1
        else:
            row.status = DeliveryStatus.QUEUED
            row.next_attempt_at = now + backoff(row.attempts)
            row.last_error = _messages(reply.body) or f"HTTP {reply.status}"
            retrying += 1
        check_delivery_transition(DeliveryStatus.SENDING, row.status)  # claimed: sending
        row.claimed_until = None
        row.save()
    return DeliveryRun(delivered=delivered, retrying=retrying, needs_correction=needs_correction)
