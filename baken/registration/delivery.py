"""Delivering queued registrations to the registry's intake API.

Each row is claimed with a conditional UPDATE (so two senders never send the same row at once),
posted with its idempotency key, and then marked delivered (2xx with the registry's reference),
needs-correction (a 4xx about this registration, with the registry's message) or queued again
with back-off (5xx, timeout, connection error, and any reply that is not what the API promises:
an HTML page, a truncated body, a 2xx without a reference). A reply lost after the registry stored
the registration is harmless: the retry carries the same key and the registry answers with the
registration it already has.

Corrections and withdrawals (`OutboundCall`) travel the same way, after the registration they
concern has its reference, in the order they were made: a withdrawal is never lost because the
registry was down. So do the withdrawals queued when a youth's file is destroyed on request
(`WithdrawalAfterDestruction`): they hold only the idempotency key the registration was sent
under, and the registry withdraws what it stored under that key, or refuses it should it still
arrive. A row whose file was destroyed while it was being sent is not written back.
An untraceable count keeps no link to the registry: once delivered, its
reference is forgotten and its idempotency key replaced.

A reply that says the configuration is wrong (401/403: the token was rotated or revoked; a
redirect; 404/405: no intake API at this address) is no fault of the registration: the row stays
queued without counting an attempt, the round stops (every other row would meet the same), the
problem is recorded and the functional administrators are alerted. Redirects are never followed:
a POST must reach the configured address or fail loudly."""

import http.client
import json
import logging
import smtplib
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Model, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from baken.accounts.models import Organisation, OrganisationKind, Role, User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.cases.models import Youth
from baken.registration.deadlines import WORKING_DAY, waited_longer_than_a_working_day
from baken.registration.models import (
    CallKind,
    DeliveryProblem,
    DeliveryStatus,
    OutboundCall,
    OutboundRegistration,
    ProblemKind,
    WithdrawalAfterDestruction,
    check_delivery_transition,
)

logger = logging.getLogger(__name__)

CLAIM_SECONDS = 300
MAX_BACKOFF_SECONDS = 3600
TIMEOUT_SECONDS = 15
WAITING = (DeliveryStatus.QUEUED, DeliveryStatus.SENDING)


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any]
    location: str = ""  # where a redirect points


class TransientDeliveryError(Exception):
    """The registry could not be reached or did not answer as promised: try again later."""


Transport = Callable[[str, dict[str, Any]], Reply]
# (method, path under the API, body): a correction (PUT) or withdrawal (POST .../withdraw).
CallTransport = Callable[[str, str, dict[str, Any]], Reply]


def check_registry_url(base_url: str) -> None:
    """Registrations travel only over TLS, except to a registry on this machine (the demo)."""
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme == "https" or (
        parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")
    ):
        return
    raise ValueError(f"the registry URL must use https (got {base_url!r})")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect comes back as an HTTPError with its 3xx status instead of being followed (urllib
    would turn the POST into a GET)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw or b"{}")
    except ValueError as error:
        raise TransientDeliveryError(f"the reply is not JSON: {raw[:80]!r}") from error
    if not isinstance(body, dict):
        raise TransientDeliveryError(f"the reply is not a JSON object: {raw[:80]!r}")
    return body


def _sender(
    base_url: str, token: str, timeout: float
) -> Callable[[str, str, dict[str, Any], dict[str, str]], Reply]:
    check_registry_url(base_url)
    opener = urllib.request.build_opener(_NoRedirects)

    def send(method: str, path: str, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        request = urllib.request.Request(  # noqa: S310 - the operator configures an https URL
            f"{base_url.rstrip('/')}/api/{path.lstrip('/')}",
            data=json.dumps(body).encode("utf-8"),
            method=method,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
                **headers,
            },
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                return Reply(response.status, _json_object(response.read()))
        except urllib.error.HTTPError as error:
            try:
                raw = error.read()
            except (http.client.HTTPException, OSError):
                raw = b""
            try:
                body_out = _json_object(raw)
            except TransientDeliveryError:
                body_out = {}
            return Reply(error.code, body_out, location=error.headers.get("Location", ""))
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            # Refused, reset, timed out, or a body cut off (IncompleteRead).
            raise TransientDeliveryError(f"{type(error).__name__}: {error}") from error

    return send


def http_transport(base_url: str, token: str, *, timeout: float = TIMEOUT_SECONDS) -> Transport:
    """POST to <base_url>/api/registrations with the source's bearer token."""
    send = _sender(base_url, token, timeout)

    def post(idempotency_key: str, body: dict[str, Any]) -> Reply:
        return send("POST", "registrations", body, {"Idempotency-Key": idempotency_key})

    return post


def http_call_transport(
    base_url: str, token: str, *, timeout: float = TIMEOUT_SECONDS
) -> CallTransport:
    """Corrections and withdrawals: <method> <base_url>/api/<path>."""
    send = _sender(base_url, token, timeout)

    def call(method: str, path: str, body: dict[str, Any]) -> Reply:
        return send(method, path, body, {})

    return call


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


def _write_back(row: Model, fields: list[str]) -> bool:
    """Store the outcome of a send on its row, unless the row is gone: the youth's file was
    destroyed on request while the row was in flight, and the withdrawal that destruction queued
    (by the row's idempotency key) follows it. Never `save()`, which would insert the row again."""
    values = {name: getattr(row, name) for name in fields}
    if type(row)._default_manager.filter(pk=row.pk).update(**values):
        return True
    logger.info("%s %s: its file was destroyed while it was sent", type(row).__name__, row.pk)
    return False


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
    if not errors or not isinstance(errors, list):
        return json.dumps(body)[:1000]
    return "; ".join(
        f"{e.get('field')}: {e.get('message_nl') or e.get('message')}"
        for e in errors
        if isinstance(e, dict)
    )


def _retry_error(reply: Reply) -> str:
    """What went wrong, for a reply or failure that is retried: "HTTP <status>" (so a fault at the
    registry can be told from a network failure) and the registry's message, if any."""
    detail = _messages(reply.body) if reply.body else ""
    if not reply.status:
        return detail or "network: no reply"
    return f"HTTP {reply.status}" + (f": {detail}" if detail else "")


def configuration_problem(reply: Reply) -> tuple[str, str] | None:
    """(kind, detail) when the reply says the sender's configuration is wrong, else None."""
    if reply.status in (401, 403):
        return ProblemKind.AUTHENTICATION, f"HTTP {reply.status}"
    if 300 <= reply.status < 400:
        return ProblemKind.REDIRECT, f"HTTP {reply.status} to {reply.location or '?'}"[:300]
    if reply.status in (404, 405):
        return ProblemKind.ADDRESS, f"HTTP {reply.status}"
    return None


def _delivered_reference(reply: Reply) -> str:
    reference = reply.body.get("reference")
    if not isinstance(reference, str) or not reference:
        raise TransientDeliveryError(f"HTTP {reply.status} without a registration reference")
    return reference


# What the sender writes on a row after a send (never the payload: only its own outcome).
OUTCOME_FIELDS = [
    "status",
    "attempts",
    "next_attempt_at",
    "claimed_until",
    "last_error",
    "registry_reference",
    "delivered_at",
    "idempotency_key",
]
CALL_OUTCOME_FIELDS = [
    "status",
    "attempts",
    "next_attempt_at",
    "claimed_until",
    "last_error",
    "delivered_at",
]


def _ready_to_replace(row: OutboundRegistration, counted_id: int) -> bool:
    """A registration that replaces a count goes only once the count has reached the registry
    (delivered), so the registry holds the count it is to withdraw. A count that never will (the
    registry refused it) is cancelled, and the registration goes without `replaces_count`."""
    counted = OutboundRegistration.objects.get(pk=counted_id)
    if counted.status in WAITING:
        return False
    if counted.status != DeliveryStatus.DELIVERED and "replaces_count" in row.payload:
        OutboundRegistration.objects.filter(
            pk=counted.pk, status=DeliveryStatus.NEEDS_CORRECTION
        ).update(status=DeliveryStatus.CANCELLED)
        row.payload = {k: v for k, v in row.payload.items() if k != "replaces_count"}
        OutboundRegistration.objects.filter(pk=row.pk).update(payload=row.payload)
    return True


def _check_count_replaced(reply: Reply) -> None:
    """A registration sent to replace a count is delivered only when the registry says it
    withdrew the count (a registry that ignored `replaces_count` would count the youth twice)."""
    if reply.body.get("count_replaced") is not True:
        raise TransientDeliveryError(
            f"HTTP {reply.status}: the registry did not confirm it replaced the count"
        )


def _log_replaced(row: OutboundRegistration) -> None:
    """The audit log records that the registry now holds the registration instead of the
    count."""
    replaced = "replaces_count" in row.payload
    log_access(
        event=AuditEvent.TRANSFER,
        user=None,
        username="send_registrations",
        object_type="outboundregistration",
        object_id=row.pk,
        youth_pseudonym=row.youth.pseudonym,
        detail=(
            f"registration {row.registry_reference} delivered; the registry withdrew the "
            "untraceable count it replaces"
            if replaced
            else f"registration {row.registry_reference} delivered instead of a count that "
            "never reached the registry"
        ),
    )


@dataclass(frozen=True)
class DeliveryRun:
    delivered: int = 0
    retrying: int = 0
    needs_correction: int = 0
    problem: str = ""  # a configuration problem that stopped the round


def deliver_due(
    *, transport: Transport, now: datetime | None = None, limit: int = 100
) -> DeliveryRun:
    now = now or timezone.now()
    due = OutboundRegistration.objects.filter(
        Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
        | Q(status=DeliveryStatus.SENDING, claimed_until__lt=now)
    ).order_by("next_attempt_at")[:limit]
    delivered = retrying = needs_correction = 0
    token_accepted = False
    # A registration that replaces a count goes after the counts of the round, so one round can
    # deliver a count and then the registration that replaces it.
    for row in sorted(due, key=lambda row: row.replaces_id is not None):
        if row.replaces_id is not None and not _ready_to_replace(row, row.replaces_id):
            continue  # the count it replaces has not reached the registry yet
        if not _claim(row, now):
            continue  # another sender has it
        try:
            reply = transport(str(row.idempotency_key), row.payload)
            problem = configuration_problem(reply)
            reference = _delivered_reference(reply) if 200 <= reply.status < 300 else ""
            if reference and "replaces_count" in row.payload:
                _check_count_replaced(reply)
        except Exception as error:  # whatever goes wrong, this row is retried later
            logger.warning("registration %s: %s", row.pk, error, exc_info=True)
            reply = Reply(0, {"errors": [{"field": "network", "message": str(error)}]})
            problem, reference = None, ""
        row.claimed_until = None
        if problem is not None:
            kind, detail = problem
            recorded = report_problem(kind=kind, detail=detail, now=now)
            with translation.override(settings.LANGUAGE_CODE):
                row.last_error = recorded.explanation()
            row.status = DeliveryStatus.QUEUED
            check_delivery_transition(DeliveryStatus.SENDING, row.status)  # claimed: sending
            _write_back(row, ["status", "last_error", "claimed_until"])
            with translation.override("en"):
                message = recorded.explanation()
            return DeliveryRun(delivered, retrying, needs_correction, problem=message)
        row.attempts += 1
        if reference:
            row.status = DeliveryStatus.DELIVERED
            row.registry_reference = reference
            row.delivered_at = now
            row.last_error = ""
            if row.is_count:  # keep no link between the youth and the count at the registry
                row.registry_reference = ""
                row.idempotency_key = uuid.uuid4()
            delivered += 1
        elif 400 <= reply.status < 500 and reply.status not in (408, 429):
            row.status = DeliveryStatus.NEEDS_CORRECTION
            row.last_error = _messages(reply.body)
            needs_correction += 1
        else:
            row.status = DeliveryStatus.QUEUED
            row.next_attempt_at = now + backoff(row.attempts)
            row.last_error = _retry_error(reply)
            retrying += 1
        check_delivery_transition(DeliveryStatus.SENDING, row.status)  # claimed: sending
        written = _write_back(row, OUTCOME_FIELDS)
        if written and row.status == DeliveryStatus.DELIVERED and row.replaces_id is not None:
            _log_replaced(row)  # (not for a row whose file is gone: the youth is too)
        token_accepted = token_accepted or row.status != DeliveryStatus.QUEUED
    if token_accepted:  # the registry answered this source: any configuration problem is over
        resolve_problems(now=now)
    return DeliveryRun(delivered=delivered, retrying=retrying, needs_correction=needs_correction)


def _call_request(call: OutboundCall) -> tuple[str, str]:
    reference = call.registration.registry_reference
    if call.kind == CallKind.WITHDRAW:
        return "POST", f"registrations/{reference}/withdraw"
    return "PUT", f"registrations/{reference}"


def _claim_call(call: OutboundCall, now: datetime) -> bool:
    claimable = Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_until__lt=now
    )
    return bool(
        OutboundCall.objects.filter(claimable, pk=call.pk).update(
            status=DeliveryStatus.SENDING, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
        )
    )


def due_calls(now: datetime, limit: int) -> list[OutboundCall]:
    """Calls whose registration the registry holds (it has a reference), each only after the
    earlier calls on the same registration went through."""
    candidates = (
        OutboundCall.objects.filter(
            Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
            | Q(status=DeliveryStatus.SENDING, claimed_until__lt=now),
            registration__status=DeliveryStatus.DELIVERED,
        )
        .exclude(registration__registry_reference="")
        .select_related("registration")
        .order_by("created_at", "pk")[:limit]
    )
    due = []
    for call in candidates:
        earlier = OutboundCall.objects.filter(
            registration=call.registration_id, pk__lt=call.pk
        ).exclude(status=DeliveryStatus.DELIVERED)
        if not earlier.exists():
            due.append(call)
    return due


def deliver_due_calls(
    *, transport: CallTransport, now: datetime | None = None, limit: int = 100
) -> DeliveryRun:
    """Send due corrections and withdrawals, as `deliver_due` sends registrations."""
    now = now or timezone.now()
    delivered = retrying = needs_correction = 0
    for call in due_calls(now, limit):
        if not _claim_call(call, now):
            continue
        method, path = _call_request(call)
        try:
            reply = transport(method, path, call.body)
            problem = configuration_problem(reply)
            if problem is not None and reply.status == 404:
                errors = reply.body.get("errors") or [{}]
                if isinstance(errors, list) and errors and errors[0].get("field") == "reference":
                    problem = None  # the registry answered: it does not know this reference
        except Exception as error:  # whatever goes wrong, this call is retried later
            logger.warning("registry call %s: %s", call.pk, error, exc_info=True)
            reply = Reply(0, {"errors": [{"field": "network", "message": str(error)}]})
            problem = None
        call.claimed_until = None
        if problem is not None:
            kind, detail = problem
            recorded = report_problem(kind=kind, detail=detail, now=now)
            with translation.override(settings.LANGUAGE_CODE):
                call.last_error = recorded.explanation()
            call.status = DeliveryStatus.QUEUED
            _write_back(call, ["status", "last_error", "claimed_until"])
            with translation.override("en"):
                message = recorded.explanation()
            return DeliveryRun(delivered, retrying, needs_correction, problem=message)
        outcome = _record_reply(call, reply, now)
        delivered += outcome == DeliveryStatus.DELIVERED
        needs_correction += outcome == DeliveryStatus.NEEDS_CORRECTION
        retrying += outcome == DeliveryStatus.QUEUED
        _write_back(call, CALL_OUTCOME_FIELDS)
    return DeliveryRun(delivered=delivered, retrying=retrying, needs_correction=needs_correction)


def _record_reply(row: Any, reply: Reply, now: datetime) -> str:
    """Put the registry's answer to one send on its row (a registration call or a withdrawal
    after destruction; not yet stored) and return the row's new status: delivered, needs
    correction (a 4xx that trying again will not change), or queued again with back-off."""
    row.attempts += 1
    if 200 <= reply.status < 300:
        row.status = DeliveryStatus.DELIVERED
        row.delivered_at = now
        row.last_error = ""
    elif 400 <= reply.status < 500 and reply.status not in (408, 429):
        row.status = DeliveryStatus.NEEDS_CORRECTION
        row.last_error = _messages(reply.body)
    else:
        row.status = DeliveryStatus.QUEUED
        row.next_attempt_at = now + backoff(row.attempts)
        row.last_error = _retry_error(reply)
    check_delivery_transition(DeliveryStatus.SENDING, row.status)
    return str(row.status)


WITHDRAWAL_PATH = "withdrawals"


def _claim_withdrawal(withdrawal: WithdrawalAfterDestruction, now: datetime) -> bool:
    claimable = Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_until__lt=now
    )
    return bool(
        WithdrawalAfterDestruction.objects.filter(claimable, pk=withdrawal.pk).update(
            status=DeliveryStatus.SENDING, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
        )
    )


def deliver_due_withdrawals(
    *, transport: CallTransport, now: datetime | None = None, limit: int = 100
) -> DeliveryRun:
    """Send the withdrawals queued when files were destroyed on request
    (`POST /api/withdrawals` with the idempotency key the registration was sent under), as
    `deliver_due_calls` sends the other withdrawals: claimed, retried with back-off until the
    registry confirms, a configuration problem stops the round."""
    now = now or timezone.now()
    due = WithdrawalAfterDestruction.objects.filter(
        Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
        | Q(status=DeliveryStatus.SENDING, claimed_until__lt=now)
    ).order_by("created_at", "pk")[:limit]
    delivered = retrying = needs_correction = 0
    for withdrawal in list(due):
        if not _claim_withdrawal(withdrawal, now):
            continue
        body = {"idempotency_key": str(withdrawal.idempotency_key), "reason": withdrawal.reason}
        try:
            reply = transport("POST", WITHDRAWAL_PATH, body)
            problem = configuration_problem(reply)
            if 200 <= reply.status < 300 and not isinstance(reply.body.get("found"), bool):
                raise TransientDeliveryError(f"HTTP {reply.status} without 'found'")
        except Exception as error:  # whatever goes wrong, this withdrawal is retried later
            logger.warning("withdrawal %s: %s", withdrawal.pk, error, exc_info=True)
            reply = Reply(0, {"errors": [{"field": "network", "message": str(error)}]})
            problem = None
        withdrawal.claimed_until = None
        if problem is not None:
            kind, detail = problem
            recorded = report_problem(kind=kind, detail=detail, now=now)
            with translation.override(settings.LANGUAGE_CODE):
                withdrawal.last_error = recorded.explanation()
            withdrawal.status = DeliveryStatus.QUEUED
            withdrawal.save(update_fields=["status", "last_error", "claimed_until"])
            with translation.override("en"):
                message = recorded.explanation()
            return DeliveryRun(delivered, retrying, needs_correction, problem=message)
        outcome = _record_reply(withdrawal, reply, now)
        delivered += outcome == DeliveryStatus.DELIVERED
        needs_correction += outcome == DeliveryStatus.NEEDS_CORRECTION
        retrying += outcome == DeliveryStatus.QUEUED
        if outcome == DeliveryStatus.NEEDS_CORRECTION:
            logger.error("withdrawal %s refused: %s", withdrawal.pk, withdrawal.last_error)
        withdrawal.save()
    if delivered or needs_correction:  # the registry answered: any configuration problem is over
        resolve_problems(now=now)
    return DeliveryRun(delivered=delivered, retrying=retrying, needs_correction=needs_correction)


def registrations_waiting_too_long(
    youths: QuerySet[Youth], *, now: datetime | None = None
) -> list[OutboundRegistration]:
    """Registrations of these youths that have waited to reach the registry for longer than one
    working day (weekends do not count), oldest first: the designated officer hears of them."""
    now = now or timezone.now()
    candidates = (
        OutboundRegistration.objects.filter(
            youth__in=youths, status__in=WAITING, created_at__lt=now - WORKING_DAY
        )
        .select_related("youth")
        .order_by("created_at", "pk")
    )
    local_now = timezone.localtime(now)
    return [
        row
        for row in candidates
        if waited_longer_than_a_working_day(timezone.localtime(row.created_at), local_now)
    ]


def functional_admins_waiting() -> list[User]:
    """The functional administrators of the institutions that have registrations waiting."""
    waiting = Organisation.objects.filter(
        Q(youths__registrations__status__in=WAITING)
        | Q(youths__registrations__calls__status__in=WAITING)
        | Q(withdrawals_after_destruction__status__in=WAITING),
        kind=OrganisationKind.INSTITUTION,
    )
    return list(
        User.objects.filter(
            is_active=True, role_grants__role=Role.FUNCTIONAL_ADMIN, organisation__in=waiting
        ).distinct()
    )


def open_problem_for(user: User) -> DeliveryProblem | None:
    """The open delivery problem, for a functional administrator whose institution waits."""
    if not user.has_role(Role.FUNCTIONAL_ADMIN):
        return None
    problem = DeliveryProblem.objects.filter(resolved_at__isnull=True).first()
    if problem is None or user not in functional_admins_waiting():
        return None
    return problem


def report_problem(*, kind: str, detail: str, now: datetime) -> DeliveryProblem:
    """Record a configuration problem; a new one is e-mailed to the functional administrators."""
    open_problem = DeliveryProblem.objects.filter(resolved_at__isnull=True).first()
    if open_problem is not None and open_problem.kind == kind:
        open_problem.last_seen_at = now
        open_problem.detail = detail
        open_problem.save(update_fields=["last_seen_at", "detail"])
        return open_problem
    resolve_problems(now=now)
    problem = DeliveryProblem.objects.create(
        kind=kind, detail=detail, first_seen_at=now, last_seen_at=now
    )
    logger.error("registration sender stopped: %s (%s)", kind, detail)
    recipients = [user.email for user in functional_admins_waiting() if user.email]
    if recipients:
        try:
            with translation.override(settings.LANGUAGE_CODE):
                send_mail(
                    subject=_("Baken: registrations cannot reach the registry"),
                    message=f"{problem.explanation()}\n\n{settings.BASE_URL}",
                    from_email=None,
                    recipient_list=recipients,
                )
        except (smtplib.SMTPException, OSError):  # the home-page notice still shows it
            logger.exception("could not e-mail the functional administrators")
    return problem


def resolve_problems(*, now: datetime) -> None:
    DeliveryProblem.objects.filter(resolved_at__isnull=True).update(resolved_at=now)
