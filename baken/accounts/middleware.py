import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control

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
