from collections import Counter
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.audit.labels import object_kind_label
from baken.retention import services
from baken.retention.access import get_youth_for_destruction_on_request
from baken.retention.forms import DestructionOnRequestForm
from baken.retention.policy import destruction_deadline


def _by_kind(removed: Counter[str]) -> list[tuple[str, int]]:
    """The kinds of record in words, the youth first, then by how many."""
    rows = [(object_kind_label(kind), count) for kind, count in removed.items() if count]
    youth = object_kind_label("youth")
    return sorted(rows, key=lambda row: (row[0] != youth, -row[1], row[0]))


def _show_error(form: DestructionOnRequestForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _report_destruction(
    request: HttpRequest, pseudonym: str, removed: Counter[str], received_on: date
) -> None:
    """What was removed, by kind, and the day by which the law required it."""
    deadline = destruction_deadline(received_on=received_on)
    summary = ", ".join(f"{label}: {count}" for label, count in _by_kind(removed))
    text = _(
        "The file of %(id)s has been destroyed for good. Removed: %(summary)s. "
        "The law required this by %(deadline)s (three months after the request of %(received)s)."
    ) % {
        "id": pseudonym,
        "summary": summary,
        "deadline": date_format(deadline, "SHORT_DATE_FORMAT"),
        "received": date_format(received_on, "SHORT_DATE_FORMAT"),
    }
    if deadline < timezone.localdate():
        late = _("That term had already passed.")
        messages.warning(request, f"{text} {late}")
    else:
        messages.success(request, text)


@role_required(Role.PRIVACY_OFFICER)
def destroy_on_request_view(request: HttpRequest, pseudonym: str) -> HttpResponse:
    user = acting_user(request)
    youth = get_youth_for_destruction_on_request(user, pseudonym, request=request)
    form = DestructionOnRequestForm(request.POST or None, youth=youth)
    if request.method == "POST" and form.is_valid():
        received_on = form.cleaned_data["received_on"]
        try:
            removed = services.destroy_case_file_on_request(
                youth=youth,
                by=user,
                request=request,
                received_on=received_on,
                requested_by=form.cleaned_data["requested_by"],
                no_exception_applies=form.cleaned_data["no_exception_applies"],
            )
        except ValidationError as error:
            _show_error(form, error)
        else:
            _report_destruction(request, youth.pseudonym, removed, received_on)
            return redirect("cases:access_overview_search")
    contents = _by_kind(services.case_file_contents(youth=youth))
    context = {"youth": youth, "form": form, "contents": contents}
    return render(request, "retention/destroy_on_request.html", context)
