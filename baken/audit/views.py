from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.audit.access import audit_entries_visible_to, youth_access_overview
from baken.audit.forms import AuditFilterForm, YouthOverviewForm
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.lib.csv_export import csv_response


@role_required(Role.PRIVACY_OFFICER)
def log_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = AuditFilterForm(request.GET or None)
    entries = audit_entries_visible_to(user)
    if form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/log.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@role_required(Role.PRIVACY_OFFICER)
def youth_overview_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthOverviewForm(request.GET or None)
    if not form.is_valid():
        return render(request, "audit/youth_overview.html", {"form": form})
    pseudonym = form.cleaned_data["youth_pseudonym"].strip()
    entries = youth_access_overview(user, pseudonym)
    if request.GET.get("format") != "csv":
        return render(
            request,
            "audit/youth_overview.html",
            {"form": form, "entries": entries, "pseudonym": pseudonym},
        )
    log_access(
        event=AuditEvent.EXPORT,
        user=user,
        request=request,
        object_type="access_overview",
        youth_pseudonym=pseudonym,
    )
    stamp = timezone.localdate().isoformat()
    return csv_response(
        f"access-{pseudonym}-{stamp}.csv",
        [_("Time"), _("Event"), _("User name"), _("Role"), _("Organisation"), _("Object")],
        (
            [
                timezone.localtime(entry.occurred_at).isoformat(timespec="seconds"),
                entry.get_event_display(),
                entry.username,
                entry.role,
                entry.organisation_name,
                f"{entry.object_type} {entry.object_id}".strip(),
            ]
            for entry in entries
        ),
    )
