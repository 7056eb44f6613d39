"""Parsing the registry analyst's input: uploads, the statistics filter, the estimation choices."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baken.lib.dates import TypedDateField
from baken.registry.capture_tables import MAX_LISTS, MIN_LISTS, default_grouping
from baken.registry.code_lists import FORM_CODES, form_label
from baken.registry.models import Source, SourceKind
from baken.registry.release_presentation import TABLE_TITLES

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    source = forms.ModelChoiceField(
        label=gettext_lazy("Source"), queryset=Source.objects.filter(is_active=True)
    )
    file = forms.FileField(label=gettext_lazy("CSV file (made with baken pseudonymise)"))
    default_forms = forms.MultipleChoiceField(
        label=gettext_lazy("Form(s) of exploitation for rows without a 'forms' column"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    default_reported_on = TypedDateField(
        label=gettext_lazy("Date for rows without 'reported_on'"), initial=timezone.localdate
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["default_forms"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101
        field.choices = [(code, form_label(code)) for code in FORM_CODES]

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext_lazy("The file is larger than 10 MB."))
        return upload


REFERENCE_PATTERN = r"(?i)^R-[A-Z0-9]{5}-[A-Z0-9]{5}$"


class PersonLookupForm(forms.Form):
    reference = forms.RegexField(
        label=gettext_lazy("Reference of a registration"),
        regex=REFERENCE_PATTERN,
        max_length=16,
        error_messages={"invalid": gettext_lazy("A reference looks like R-ABCDE-FGH23.")},
    )

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()


class JoinForm(PersonLookupForm):
    """Join with another person, named by one of its registrations."""


class SplitForm(forms.Form):
    left = forms.RegexField(regex=REFERENCE_PATTERN, max_length=16)
    right = forms.RegexField(regex=REFERENCE_PATTERN, max_length=16)


class YearRangeForm(forms.Form):
    """A range of the release's years; empty ends mean the first or last year."""

    start = forms.IntegerField(label=gettext_lazy("From year"), required=False)
    end = forms.IntegerField(label=gettext_lazy("Up to and including year"), required=False)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years = years

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and start > end:
            raise forms.ValidationError(_("The first year lies after the last."))
        return data

    def valid_data(self) -> dict[str, Any]:
        return self.cleaned_data if self.is_bound and self.is_valid() else {}

    def chosen_years(self) -> list[int]:
        data = self.valid_data()
        start = data.get("start") or (self.years[0] if self.years else 0)
        end = data.get("end") or (self.years[-1] if self.years else 0)
        return [y for y in self.years if start <= y <= end]


class StatisticsForm(YearRangeForm):
    table = forms.ChoiceField(label=gettext_lazy("Table"), required=False)

    field_order = ["table", "start", "end"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["table"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [(key, title) for key, title in TABLE_TITLES.items()]

    def chosen_table(self) -> str:
        return self.valid_data().get("table") or "form"


LIST_CHOICES = [
    ("police", gettext_lazy("Police")),
    ("kmar", gettext_lazy("KMar")),
    ("labour_inspectorate", gettext_lazy("Labour inspectorate (NLA)")),
    ("care_coordinator", gettext_lazy("Zorgcoördinatie")),
    ("care", gettext_lazy("Care and shelter")),
    ("other", gettext_lazy("Other")),
    ("", gettext_lazy("Leave out")),
]
STRATUM_CHOICES = [
    ("", gettext_lazy("All persons")),
    ("minor", gettext_lazy("Minors")),
    ("adult", gettext_lazy("Adults")),
    ("form:sexual-domestic", gettext_lazy("Sexual exploitation (domestic)")),
    ("form:sexual-cross-border", gettext_lazy("Sexual exploitation (cross-border)")),
    ("form:labour", gettext_lazy("Labour exploitation")),
    ("form:criminal", gettext_lazy("Criminal exploitation")),
]


class EstimationPageForm(YearRangeForm):
    """The estimation page: the years and the group of persons of the release's estimates."""

    stratum = forms.ChoiceField(
        label=gettext_lazy("Persons"), choices=STRATUM_CHOICES, required=False
    )

    def chosen_stratum(self) -> str:
        return str(self.valid_data().get("stratum") or "")


class EstimationForm(YearRangeForm):
    """The capture table for the analyst's own work: years, group and the grouping of sources."""

    stratum = forms.ChoiceField(
        label=gettext_lazy("Persons"), choices=STRATUM_CHOICES, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in SourceKind.choices:
            self.fields[f"list_{kind}"] = forms.ChoiceField(
                label=gettext_lazy("List for: %(kind)s") % {"kind": label},
                choices=LIST_CHOICES,
                required=False,
                initial=default_grouping()[kind],
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        lists = {data.get(f"list_{kind}") for kind in SourceKind.values} - {""}
        if not MIN_LISTS <= len(lists) <= MAX_LISTS:
            raise forms.ValidationError(
                _("Group the sources into %(low)d to %(high)d lists; now %(n)d.")
                % {"low": MIN_LISTS, "high": MAX_LISTS, "n": len(lists)}
            )
        return data

    def grouping(self) -> dict[str, str]:
        data = self.valid_data()
        if not data:
            return default_grouping()
        return {kind: data[f"list_{kind}"] for kind in SourceKind.values}

    def chosen_stratum(self) -> str:
        return str(self.valid_data().get("stratum") or "")
