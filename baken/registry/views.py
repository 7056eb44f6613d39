from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry import linking
from baken.registry.models import CandidatePair, LinkageRun, Registration, Source
from baken.registry.upload import import_csv

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    source = forms.ModelChoiceField(
        label=gettext_lazy("Source"), queryset=Source.objects.filter(is_active=True)
    )
    file = forms.FileField(label=gettext_lazy("CSV file (made with baken pseudonymise)"))
    default_forms = forms.CharField(
        label=gettext_lazy(
            "Form(s) of exploitation for rows without a 'forms' column (codes, comma-separated)"
        ),
        required=False,
    )
    default_reported_on = forms.DateField(
        label=gettext_lazy("Date for rows without 'reported_on'"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext_lazy("The file is larger than 10 MB."))
        return upload


@role_required(Role.REGISTRY_ANALYST)
def upload_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        default_forms = [
            f.strip() for f in form.cleaned_data["default_forms"].split(",") if f.strip()
        ]
        report = import_csv(
            source=form.cleaned_data["source"],
            content=form.cleaned_data["file"].read(),
            default_forms=default_forms,
            default_reported_on=form.cleaned_data["default_reported_on"],
        )
        log_access(
            event=AuditEvent.TRANSFER,
            user=user,
            request=request,
            object_type="registration_upload",
            detail=(
                f"{report.accepted} accepted, {report.already_present} present, "
                f"{len(report.rejected)} rejected"
            ),
        )
        messages.success(request, _("The file has been processed."))
    context = {"form": form, "report": report, "count": Registration.objects.count()}
    return render(request, "registry/upload.html", context)


@role_required(Role.REGISTRY_ANALYST)
def overview_view(request: HttpRequest) -> HttpResponse:
    active = linking.active_registrations()
    context = {
        "registrations": active.count(),
        "persons": active.exclude(person_key="").values("person_key").distinct().count(),
        "unlinked": active.filter(person_key="").count(),
        "to_review": linking.uncertain_pairs().count(),
        "last_run": LinkageRun.objects.exclude(finished_at=None).first(),
    }
    return render(request, "registry/overview.html", context)


@role_required(Role.REGISTRY_ANALYST)
def review_list_view(request: HttpRequest) -> HttpResponse:
    pairs = list(linking.uncertain_pairs()[:200])
    return render(request, "registry/review_list.html", {"pairs": pairs})


@role_required(Role.REGISTRY_ANALYST)
def review_pair_view(request: HttpRequest, pair_id: int) -> HttpResponse:
    user = acting_user(request)
    pair = get_object_or_404(
        CandidatePair.objects.select_related("left__source", "right__source"), pk=pair_id
    )
    if request.method == "POST":
        choice = request.POST.get("decision")
        if choice not in ("same", "different"):
            messages.error(request, _("Choose: same person or different people."))
            return redirect("registry:review_pair", pair_id=pair.pk)
        linking.decide_pair(pair=pair, by=user, request=request, same_person=choice == "same")
        messages.success(
            request,
            _("Recorded: same person.") if choice == "same" else _("Recorded: different people."),
        )
        following = linking.uncertain_pairs().first()
        if following is not None:
            return redirect("registry:review_pair", pair_id=following.pk)
        return redirect("registry:review")
    log_access(
        event=AuditEvent.READ,
        user=user,
        request=request,
        object_type="candidate_pair",
        object_id=pair.pk,
    )
    left, right = pair.left, pair.right
    rows = [
        (_("Source"), left.source.name, right.source.name),
        (_("Reported on"), left.reported_on, right.reported_on),
        (_("Year of birth"), left.birth_year or "—", right.birth_year or "—"),
        (_("Sex"), left.sex or "—", right.sex or "—"),
        (_("Nationality"), left.nationality or "—", right.nationality or "—"),
        (_("Country of birth"), left.country_of_birth or "—", right.country_of_birth or "—"),
        (_("Forms of exploitation"), ", ".join(left.forms), ", ".join(right.forms)),
        (_("Reporting region"), left.reporter_region or "—", right.reporter_region or "—"),
    ]
    levels = [
        (COMPARISON_NAMES.get(name, name), LEVEL_LABELS.get(label, label))
        for name, label in pair.levels.items()
    ]
    context = {"pair": pair, "rows": rows, "levels": levels}
    return render(request, "registry/review_pair.html", context)


COMPARISON_NAMES = {
    "name": gettext_lazy("Name (keyed)"),
    "birth": gettext_lazy("Date of birth (keyed)"),
    "sex": gettext_lazy("Sex"),
}

# The comparison levels of registry/linkage.py, for display in the user's language.
LEVEL_LABELS = {
    "name missing": gettext_lazy("name missing"),
    "same name": gettext_lazy("same name"),
    "names swapped": gettext_lazy("given name and surname swapped"),
    "names nearly equal (Dice >= 0.85)": gettext_lazy(
        "names nearly equal (Bloom filter similarity ≥ 0.85)"
    ),
    "names sound alike or Dice >= 0.7": gettext_lazy("names sound alike or are similar (≥ 0.7)"),
    "same surname only": gettext_lazy("same surname, different given name"),
    "same given name only": gettext_lazy("same given name, different surname"),
    "names differ": gettext_lazy("names differ"),
    "date of birth missing": gettext_lazy("date of birth missing"),
    "same date of birth": gettext_lazy("same date of birth"),
    "day and month swapped": gettext_lazy("day and month swapped"),
    "same year, full date known on one side only": gettext_lazy(
        "same year of birth; the full date is known on one side only"
    ),
    "same year, other date": gettext_lazy("same year of birth, different date"),
    "year differs by one": gettext_lazy("year of birth differs by one"),
    "dates differ": gettext_lazy("dates of birth differ"),
    "sex missing": gettext_lazy("sex missing"),
    "same sex": gettext_lazy("same sex"),
    "sex differs": gettext_lazy("sex differs"),
}
