from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from baken.accounts.access import acting_user, role_required
from baken.accounts.models import Role
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.models import Registration, Source
from baken.registry.upload import import_csv

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_lazy("Source"), queryset=Source.objects.filter(is_active=True)
    )
    file = forms.FileField(label=_lazy("CSV file (made with baken pseudonymise)"))
    default_forms = forms.CharField(
        label=_lazy(
            "Form(s) of exploitation for rows without a 'forms' column (codes, comma-separated)"
        ),
        required=False,
    )
    default_reported_on = forms.DateField(
        label=_lazy("Date for rows without 'reported_on'"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_lazy("The file is larger than 10 MB."))
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
