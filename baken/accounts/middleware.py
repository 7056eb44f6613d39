from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control


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
