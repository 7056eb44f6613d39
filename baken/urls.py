from django.contrib import admin
from django.shortcuts import redirect
from django.urls import include, path

from baken.home.views import home_view
from baken.registry.api import api as registry_api

# Django admin is for platform operators only, and they log in (with a second factor) through
# Baken's own log-in page.
admin.site.login = lambda request, extra_context=None: redirect(  # type: ignore[method-assign]
    f"/accounts/login/?next={request.get_full_path()}"
)

urlpatterns = [
    path("", home_view, name="home"),
    path("accounts/", include("baken.accounts.urls")),
    path("audit/", include("baken.audit.urls")),
    path("youths/", include("baken.cases.urls")),
    path("youths/", include("baken.home.urls")),
    path("signals/", include("baken.signalling.urls")),
    path("screening/", include("baken.screening.urls")),
    path("partners/", include("baken.partners.urls")),
    path("meldcode/", include("baken.meldcode.urls")),
    path("registration/", include("baken.registration.urls")),
    path("training/", include("baken.learning.urls")),
    path("insight/", include("baken.insight.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", registry_api.urls),
    path("registry/", include("baken.registry.urls")),
]
