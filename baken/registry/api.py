"""The registry's intake API (django-ninja); OpenAPI 3 at /api/openapi.json."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Header, NinjaAPI, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from baken.registry import services
from baken.registry.messages import dutch_message
from baken.registry.models import Registration, Source, hash_token
from baken.registry.schemas import Errors, RegistrationIn, RegistrationOut, WithdrawIn

MAX_BODY_BYTES = 64 * 1024


class SourceToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Source | None:
        return Source.objects.filter(token_hash=hash_token(token), is_active=True).first()


api = NinjaAPI(
    title="Baken registry intake API",
    version="1.0.0",
    description=(
        "Registrations of (possible) victims of trafficking. Each source authenticates with its "
        "own bearer token. Statistical registrations carry only keyed pseudonyms (see the "
        "pseudonymisation scheme) and allowed plaintext fields. Creating is idempotent on the "
        "Idempotency-Key header."
    ),
    urls_namespace="registry_api",
    docs_url=None,
    auth=SourceToken(),
    throttle=[AuthRateThrottle(settings.BAKEN_API_RATE)],
)


@api.exception_handler(NinjaValidationError)
def validation_errors(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", []) if part not in ("body", "data")]
        message = str(error.get("msg", "invalid"))
        errors.append(
            {
                "field": ".".join(location) or "body",
                "message": message,
                "message_nl": dutch_message(str(error.get("type", "")), message),
            }
        )
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = "missing, unknown or revoked token"
    body = {
        "errors": [
            {
                "field": "Authorization",
                "message": message,
                "message_nl": "token ontbreekt, is onbekend of ingetrokken",
            }
        ]
    }
    return api.create_response(request, body, status=401)


def _check_size(request: HttpRequest) -> None:
    if len(request.body) > MAX_BODY_BYTES:
        raise HttpError(413, f"request body larger than {MAX_BODY_BYTES} bytes")


def _source(request: HttpRequest) -> Source:
    source = getattr(request, "auth", None)
    if not isinstance(source, Source):
        raise AuthenticationError
    return source


def _own(request: HttpRequest, reference: str) -> Registration:
    return get_object_or_404(Registration, reference=reference, source=_source(request))


@api.post(
    "/registrations",
    response={200: RegistrationOut, 201: RegistrationOut, 422: Errors, 401: Errors},
    summary="Register a (possible) victim; idempotent on Idempotency-Key",
)
def create_registration(
    request: HttpRequest,
    data: RegistrationIn,
    idempotency_key: str = Header(  # type: ignore[type-arg]
        ..., alias="Idempotency-Key", min_length=8, max_length=100, pattern=r"^[\x21-\x7e]+$"
    ),
) -> Status[Registration]:
    _check_size(request)
    registration, created = services.receive_registration(
        source=_source(request), idempotency_key=idempotency_key, data=data
    )
    return Status(201 if created else 200, registration)


@api.get(
    "/registrations/{reference}",
    response={200: RegistrationOut, 401: Errors},
    summary="Status of one of your registrations",
)
def read_registration(request: HttpRequest, reference: str) -> Registration:
    return _own(request, reference)


@api.put(
    "/registrations/{reference}",
    response={200: RegistrationOut, 409: Errors, 422: Errors, 401: Errors},
    summary="Correct one of your registrations (send it whole)",
)
def correct_registration(
    request: HttpRequest, reference: str, data: RegistrationIn
) -> Registration | Status[dict[str, object]]:
    _check_size(request)
    registration = _own(request, reference)
    try:
        return services.correct_registration(registration=registration, data=data)
    except ValueError as error:
        return Status(
            409,
            {
                "errors": [
                    {
                        "field": "status",
                        "message": str(error),
                        "message_nl": "een ingetrokken registratie kan niet worden gecorrigeerd",
                    }
                ]
            },
        )


@api.post(
    "/registrations/{reference}/withdraw",
    response={200: RegistrationOut, 422: Errors, 401: Errors},
    summary="Withdraw one of your registrations (for example after an objection)",
)
def withdraw_registration(request: HttpRequest, reference: str, data: WithdrawIn) -> Registration:
    return services.withdraw_registration(registration=_own(request, reference), reason=data.reason)
