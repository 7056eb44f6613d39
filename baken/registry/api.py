"""The registry's intake API (django-ninja); OpenAPI 3 at /api/openapi.json.

Every refusal has the same body, `Errors`: a list of fields with a message in English and Dutch,
whatever the status (400 unreadable body, 401 token, 404 reference, 409 state, 413 size, 422
fields, 429 rate)."""

import math
import time

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Header, NinjaAPI, Status
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from baken.registry import services
from baken.registry.messages import dutch_code_list_message, dutch_message
from baken.registry.models import CountReport, Registration, Source, hash_token
from baken.registry.schemas import (
    CODE_LIST_ERROR,
    DOSSIER_TYPES,
    CountIn,
    Errors,
    Intake,
    RegistrationIn,
    RegistrationOut,
    WithdrawIn,
)
from baken.registry.throttling import Rate, SourceRateThrottle, client_address, take

MAX_BODY_BYTES = 64 * 1024


class BodyTooLarge(Exception):
    """The request body is larger than the API accepts (refused before it is read)."""


class SourceToken(HttpBearer):
    """Refuses an oversized body before anything reads it, then looks up the source's token.
    Wrong or missing tokens count against the client's address; past the limit they get 429."""

    def __call__(self, request: HttpRequest) -> Source | None:
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
            raise BodyTooLarge
        source = super().__call__(request)
        if source is None:
            rate = Rate.parse(settings.BAKEN_API_FAILED_AUTH_RATE)
            if not take(key=f"failed-token:{client_address(request)}", rate=rate):
                raise Throttled(wait=math.ceil(rate.seconds_left(time.time())))
        return source

    def authenticate(self, request: HttpRequest, token: str) -> Source | None:
        return Source.objects.filter(token_hash=hash_token(token), is_active=True).first()


api = NinjaAPI(
    title="Baken registry intake API",
    version="1.0.0",
    description=(
        "Registrations of (possible) victims of trafficking. Each source authenticates with its "
        "own bearer token. Statistical registrations carry only keyed pseudonyms (see the "
        "pseudonymisation scheme) and allowed plaintext fields. Creating is idempotent on the "
        "Idempotency-Key header.\n\n"
        "An untraceable count (`dossier_type: count_only`, schema CountIn) says only that one more "
        "person was seen: year, forms, minor or not, police unit. It carries no pseudonyms, no "
        "year of birth, sex, nationality or country of birth, no free text and no exact date; the "
        "registry keeps it apart from registrations (reference C-…), never links it, and counts it "
        "as not deduplicated. A count and a registration cannot be turned into each other by a "
        "correction (409). When the person later gets a lawful basis for a registration (consent "
        "given later), the source sends the registration with `replaces_count` (what the count "
        "said: the source keeps no reference to it): the registry stores the registration and "
        "withdraws one such count of the source in one transaction, or refuses both (409).\n\n"
        "Every refusal carries the same body (`Errors`): per field a message in English and "
        "Dutch. 400: the body is not JSON. 401: missing, unknown or revoked token. 404: no "
        "registration of yours with that reference. 409: the registration was withdrawn, or no "
        "count of yours matches `replaces_count`. 413: "
        f"the body is larger than {MAX_BODY_BYTES} bytes. 422: a field or a rule between "
        "fields is broken (see RegistrationIn); a value that is not on the registry's code list "
        "for its field (forms, sex, nationality and country_of_birth as ISO 3166-1 alpha-2, "
        "reporter_region as a police unit) is refused with the field named and `allowed` listing "
        "the values it takes (each such field is an enum in this document). 429: too many "
        "requests (BAKEN_API_RATE per source; wrong tokens per client address); Retry-After "
        "says when to try again."
    ),
    urls_namespace="registry_api",
    docs_url=None,
    auth=SourceToken(),
    throttle=[SourceRateThrottle()],
)


# What each kind of call can be refused with (the OpenAPI document lists them all).
BODY_REFUSALS: dict[int, type[Errors]] = {
    400: Errors,
    401: Errors,
    413: Errors,
    422: Errors,
    429: Errors,
}


def refusal(
    request: HttpRequest, status: int, field: str, message: str, message_nl: str
) -> HttpResponse:
    body = {"errors": [{"field": field, "message": message, "message_nl": message_nl}]}
    return api.create_response(request, body, status=status)


@api.exception_handler(NinjaValidationError)
def validation_errors(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        # A registration and a count are told apart by dossier_type: the chosen kind is not a
        # field, and a missing or unknown kind is an error in dossier_type.
        location = [
            str(part)
            for part in error.get("loc", [])
            if part not in ("body", "data") and part not in DOSSIER_TYPES
        ]
        if str(error.get("type", "")).startswith("union_tag"):
            location = ["dossier_type"]
        message = str(error.get("msg", "invalid"))
        context = error.get("ctx") or {}
        on_a_list = error.get("type") == CODE_LIST_ERROR
        errors.append(
            {
                "field": ".".join(location) or "body",
                "message": message,
                "message_nl": dutch_code_list_message(context)
                if on_a_list
                else dutch_message(str(error.get("type", "")), message),
                "allowed": context.get("allowed") if on_a_list else None,
            }
        )
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return refusal(
        request,
        401,
        "Authorization",
        "missing, unknown or revoked token",
        "token ontbreekt, is onbekend of ingetrokken",
    )


@api.exception_handler(BodyTooLarge)
@api.exception_handler(RequestDataTooBig)
def too_large(request: HttpRequest, exc: Exception) -> HttpResponse:
    return refusal(
        request,
        413,
        "body",
        f"request body larger than {MAX_BODY_BYTES} bytes",
        f"de inhoud is groter dan {MAX_BODY_BYTES} bytes",
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return refusal(
        request,
        404,
        "reference",
        "no registration of yours with this reference",
        "geen registratie van u met deze referentie",
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, Throttled):
        response = refusal(
            request,
            429,
            "request",
            "too many requests; try again later (see Retry-After)",
            "te veel verzoeken; probeer het later opnieuw (zie Retry-After)",
        )
        if exc.wait is not None:
            response["Retry-After"] = str(max(int(exc.wait), 1))
        return response
    if exc.status_code == 400:
        return refusal(
            request, 400, "body", "the body is not valid JSON", "de inhoud is geen geldige JSON"
        )
    return refusal(request, exc.status_code, "request", str(exc), str(exc))


def _source(request: HttpRequest) -> Source:
    source = getattr(request, "auth", None)
    if not isinstance(source, Source):
        raise AuthenticationError
    return source


def _own(request: HttpRequest, reference: str) -> Registration | CountReport:
    source = _source(request)
    if reference.startswith("C-"):
        return get_object_or_404(CountReport, reference=reference, source=source)
    return get_object_or_404(Registration, reference=reference, source=source)


def _conflict(message: str, message_nl: str, *, field: str = "status") -> Status[dict[str, object]]:
    return Status(409, {"errors": [{"field": field, "message": message, "message_nl": message_nl}]})


@api.post(
    "/registrations",
    response={200: RegistrationOut, 201: RegistrationOut, 409: Errors, **BODY_REFUSALS},
    summary="Register a (possible) victim; idempotent on Idempotency-Key",
    description=(
        "201: stored; 200: the same Idempotency-Key was used before, the first registration is "
        "returned. A registration with `replaces_count` withdraws one of your untraceable counts "
        "that says exactly that, in the same transaction; 409 when you have no such count "
        "(nothing is stored)."
    ),
)
def create_registration(
    request: HttpRequest,
    data: Intake,
    idempotency_key: str = Header(  # type: ignore[type-arg]
        ..., alias="Idempotency-Key", min_length=8, max_length=100, pattern=r"^[\x21-\x7e]+$"
    ),
) -> Status[Registration | CountReport] | Status[dict[str, object]]:
    received: Registration | CountReport
    if isinstance(data, CountIn):
        received, created = services.receive_count(
            source=_source(request), idempotency_key=idempotency_key, data=data
        )
    else:
        try:
            received, created = services.receive_registration(
                source=_source(request), idempotency_key=idempotency_key, data=data
            )
        except services.NoCountToReplace:
            return _conflict(
                "you have no untraceable count that says this to replace",
                "u heeft geen niet-herleidbare telling met deze gegevens om te vervangen",
                field="replaces_count",
            )
    return Status(201 if created else 200, received)


@api.get(
    "/registrations/{reference}",
    response={200: RegistrationOut, 401: Errors, 404: Errors, 429: Errors},
    summary="Status of one of your registrations",
)
def read_registration(request: HttpRequest, reference: str) -> Registration | CountReport:
    return _own(request, reference)


@api.put(
    "/registrations/{reference}",
    response={200: RegistrationOut, 404: Errors, 409: Errors, **BODY_REFUSALS},
    summary="Correct one of your registrations (send it whole)",
)
def correct_registration(
    request: HttpRequest, reference: str, data: Intake
) -> Registration | CountReport | Status[dict[str, object]]:
    registration = _own(request, reference)
    try:
        if isinstance(registration, CountReport) and isinstance(data, CountIn):
            return services.correct_count(count=registration, data=data)
        if isinstance(registration, Registration) and isinstance(data, RegistrationIn):
            return services.correct_registration(registration=registration, data=data)
    except ValueError as error:
        return _conflict(str(error), "een ingetrokken registratie kan niet worden gecorrigeerd")
    return _conflict(
        "a count and a registration cannot be turned into each other",
        "een telling en een registratie kunnen niet in elkaar worden omgezet",
    )


@api.post(
    "/registrations/{reference}/withdraw",
    response={200: RegistrationOut, 404: Errors, **BODY_REFUSALS},
    summary="Withdraw one of your registrations (for example after an objection)",
)
def withdraw_registration(
    request: HttpRequest, reference: str, data: WithdrawIn
) -> Registration | CountReport:
    registration = _own(request, reference)
    if isinstance(registration, CountReport):
        return services.withdraw_count(count=registration, reason=data.reason)
    return services.withdraw_registration(registration=registration, reason=data.reason)
