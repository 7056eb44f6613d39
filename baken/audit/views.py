from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role, role_labels_for
from baken.audit.access import (
    audit_entries_visible_to,
    export_youth_access_overview,
    youth_access_overview,
    youth_file_destroyed,
    youth_in_log,
)
from baken.audit.forms import AuditFilterForm, YouthOverviewForm
from baken.audit.models import AuditEntry
from baken.lib.csv_export import csv_response
from baken.lib.pagination import paginate


def _label_roles(entries: Iterable[AuditEntry]) -> None:
    """The roles an entry recorded (as codes), in words."""
    for entry in entries:
        entry.role_labels = role_labels_for(entry.role)


@role_required(Role.PRIVACY_OFFICER, kind=None)
def log_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = AuditFilterForm(request.GET or None)
    entries = audit_entries_visible_to(user)
    if form.is_valid():
        entries = form.filter(entries)
    page = paginate(request, entries.select_related("user").order_by("-sequence"), per_page=50)
    _label_roles(page.object_list)
    return render(request, "audit/log.html", {"form": form, "page": page})


@role_required(Role.PRIVACY_OFFICER, kind=None)
def youth_overview_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthOverviewForm(request.GET or None)
    if not form.is_valid():
        return render(request, "audit/youth_overview.html", {"form": form})
    pseudonym = form.cleaned_data["youth_pseudonym"].strip()
    csv_wanted = request.GET.get("format") == "csv"
    if not csv_wanted and not youth_in_log(user, pseudonym):
        context = {"form": form, "pseudonym": pseudonym, "unknown": True}
        return render(request, "audit/youth_overview.html", context)
    if not csv_wanted:
        page = paginate(
            request, youth_access_overview(user, pseudonym).select_related("user"), per_page=50
        )
        _label_roles(page.object_list)
        return render(
            request,
            "audit/youth_overview.html",
            {
                "form": form,
                "entries": page,
                "page": page,
                "pseudonym": pseudonym,
                "destroyed": youth_file_destroyed(user, pseudonym),
            },
        )
    entries = export_youth_access_overview(user, pseudonym, request=request).select_related("user")
    stamp = timezone.localdate().isoformat()
    return csv_response(
        f"access-{pseudonym}-{stamp}.csv",
        [_("Time"), _("Event"), _("Person"), _("Role"), _("Organisation"), _("Object")],
        (
            [
                timezone.localtime(entry.occurred_at).isoformat(timespec="seconds"),
                entry.get_event_display(),
                entry.who,
                role_labels_for(entry.role),
                entry.organisation_name,
                entry.object_label,
            ]
            for entry in entries
        ),
    )
