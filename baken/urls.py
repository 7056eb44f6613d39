"""The pages a deployment serves follow BAKEN_SIDE: an institution's workers never import the
registry's pages and the libraries behind them (pandas, SciPy, statsmodels, ReportLab, openpyxl,
Splink), and the registry serves no case files. The demo serves both."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, include, path

from baken.home.views import home_view

# Django admin is for platform operators only, and they log in (with a second factor) through
# Baken's own log-in page.
admin.site.login = lambda request, extra_context=None: redirect(  # type: ignore[method-assign]
    f"/accounts/login/?next={request.get_full_path()}"
)


def patterns_for(side: str) -> list[URLPattern | URLResolver]:
    patterns: list[URLPattern | URLResolver] = [
        path("", home_view, name="home"),
        path("accounts/", include("baken.accounts.urls")),
        path("audit/", include("baken.audit.urls")),
        path("i18n/", include("django.conf.urls.i18n")),
        path("admin/", admin.site.urls),
    ]
    if side in ("institution", "both"):
        patterns += [
            path("youths/", include("baken.cases.urls")),
            path("youths/", include("baken.retention.urls")),
            path("youths/", include("baken.home.urls")),
            path("signals/", include("baken.signalling.urls")),
            path("screening/", include("baken.screening.urls")),
            path("partners/", include("baken.partners.urls")),
            path("meldcode/", include("baken.meldcode.urls")),
            path("registration/", include("baken.registration.urls")),
            path("training/", include("baken.learning.urls")),
            path("insight/", include("baken.insight.urls")),
        ]
    if side in ("registry", "both"):
        from baken.registry.api import api as registry_api

        patterns += [
            path("api/", registry_api.urls),
            path("registry/", include("baken.registry.urls")),
        ]
    return patterns


urlpatterns = patterns_for(settings.BAKEN_SIDE)
