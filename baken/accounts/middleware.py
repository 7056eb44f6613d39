import functools
import time
from collections.abc import Callable
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    load_backend,
    logout,
)
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware, is_verified
from django_otp.models import Device

from baken.accounts.backends import UserWithOrganisationBackend
from baken.accounts.models import User


def _load_user(request: HttpRequest) -> Any:
    """Django's `auth.get_user` (the session's user, its password hash checked against the
    session's), with django-otp's second factor (`otp_device`, `is_verified()`) from the same
    query as the user, the organisation and the roles when Baken's back end logged the user in."""
    session = request.session
    user: Any = None
    try:
        user_id = User._meta.pk.to_python(session[SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            backend = load_backend(backend_path)
            device_id = session.get(DEVICE_ID_SESSION_KEY)
            if device_id:
                device_id = OTPMiddleware._normalize_persistent_id(device_id)
            if isinstance(backend, UserWithOrganisationBackend):
                user = backend.get_verified_user(user_id, device_id=device_id)
            else:
                user = backend.get_user(user_id)
                if user is not None:
                    device = Device.from_persistent_id(device_id) if device_id else None
                    user.otp_device = OTPMiddleware._finalize_device(request, user, device)
            if user is not None and not _session_hash_verified(request, user):
                session.flush()
                user = None
    if user is None:
        user = AnonymousUser()
        user.otp_device = None
    elif user.otp_device is None and DEVICE_ID_SESSION_KEY in session:
        del session[DEVICE_ID_SESSION_KEY]  # as django-otp: the device no longer counts
    user.is_verified = functools.partial(is_verified, user)
    return user


def _session_hash_verified(request: HttpRequest, user: Any) -> bool:
    """As Django's `auth.get_user`: a session ends when the password changed (its hash is part of
    the session's); a hash made with a fallback secret key is renewed."""
    session = request.session
    session_hash = session.get(HASH_SESSION_KEY)
    if not session_hash:
        return False
    session_auth_hash = user.get_session_auth_hash()
    if constant_time_compare(session_hash, session_auth_hash):
        return True
    if any(
        constant_time_compare(session_hash, fallback)
        for fallback in user.get_session_auth_fallback_hash()
    ):
        session.cycle_key()
        session[HASH_SESSION_KEY] = session_auth_hash
        return True
    return False


def _cached_user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = _load_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


async def _acached_user(request: HttpRequest) -> Any:
    return await sync_to_async(_cached_user)(request)


class VerifiedUserMiddleware(AuthenticationMiddleware):
    """`request.user` as Django's AuthenticationMiddleware and django-otp's OTPMiddleware give it
    together, in one query instead of four: the user, the organisation, the roles and the check
    of the session's second-factor device (each still read on every request, so that a reset
    authenticator or a role taken away applies at the next click)."""

    def process_request(self, request: HttpRequest) -> None:
        request.user = SimpleLazyObject(lambda: _cached_user(request))  # type: ignore[assignment]
        request.auser = functools.partial(_acached_user, request)


LAST_RENEWED = "baken_session_renewed_at"
RENEW_FRACTION = 10  # renew once a tenth of the idle window has passed


class SecondFactorRequiredMiddleware:
    """No session counts as logged in without a verified second factor.

    Baken's own log-in only calls `login()` after the second factor, so this catches any other
    way in (Django admin's log-in form, a test client's force_login, a future view)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():  # type: ignore[attr-defined]
            logout(request)
            return redirect("accounts:login")
        return self.get_response(request)


def mark_renewed(session: SessionBase) -> None:
    """The session's expiry was just set (log-in): no renewal needed for a while."""
    session[LAST_RENEWED] = int(time.time())


class IdleTimeoutMiddleware:
    """A logged-in session ends after SESSION_COOKIE_AGE seconds without a request.

    Each save of the session sets its expiry to SESSION_COOKIE_AGE from then, and Django drops an
    expired session. Saving it on every request (SESSION_SAVE_EVERY_REQUEST) cost an UPDATE per
    page, so the session is saved only when a tenth of the window has passed since it was last
    renewed: a user who stops working is logged out between 27 and 30 minutes later (with the
    default 30), never later. The check here also ends a session whose store kept it too long."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            renewed = session.get(LAST_RENEWED, 0)
            window = settings.SESSION_COOKIE_AGE
            if renewed and now - renewed > window:
                session.flush()
            elif now - renewed >= window // RENEW_FRACTION:
                mark_renewed(session)  # modified: SessionMiddleware saves it
        return self.get_response(request)


class NoStoreWhenLoggedInMiddleware:
    """Nothing shown to a logged-in user is kept by the browser or a proxy: a youth's page, a
    list of names, a CSV or PDF export could otherwise be read from the cache of a shared
    computer after log-out (Cache-Control: no-store, private)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
