from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import Division, Region, Team, User
from baken.cases.models import CareForm, RiskFactor, Sex
from baken.lib.countries import UnknownCountry, country_code


class MunicipalityChoiceField(forms.ModelChoiceField[Region]):
    def label_from_instance(self, obj: Region) -> str:
        return obj.name


class YouthForm(forms.Form):
    given_names = forms.CharField(label=_("Given name(s)"), max_length=200)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    nationality = forms.CharField(label=_("Nationality"), max_length=100, required=False)
    country_of_birth = forms.CharField(label=_("Country of birth"), max_length=100, required=False)
    municipality = MunicipalityChoiceField(
        label=_("Municipality of residence"),
        queryset=Region.objects.filter(division=Division.MUNICIPALITY).order_by("name"),
        required=False,
    )
    care_form = forms.ChoiceField(label=_("Form of care"), choices=CareForm.choices)
    care_start = forms.DateField(
        label=_("Start of care"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    care_end = forms.DateField(
        label=_("End of care"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Team(s)"), queryset=Team.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    risk_factors = forms.ModelMultipleChoiceField(
        label=_("Risk factors"),
        queryset=RiskFactor.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["teams"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            organisation=user.organisation
        )

    def _country(self, field: str) -> str:
        """Kept as the worker wrote it, but it must name a country: the registry counts by ISO
        code, and the registration maps this text to the code when it is sent."""
        value: str = self.cleaned_data[field]
        try:
            country_code(value)
        except UnknownCountry:
            raise forms.ValidationError(
                _(
                    "Not a country we know. Write the country (Nederland, Roemenië), the "
                    "nationality (Nederlandse) or the code (NL), or leave it empty."
                )
            ) from None
        return value

    def clean_nationality(self) -> str:
        return self._country("nationality")

    def clean_country_of_birth(self) -> str:
        return self._country("country_of_birth")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        born, start, end = data.get("date_of_birth"), data.get("care_start"), data.get("care_end")
        today = timezone.localdate()
        if born and born > today:
            self.add_error("date_of_birth", _("The date of birth cannot be in the future."))
        if start and end and end < start:
            self.add_error("care_end", _("Care cannot end before it starts."))
        return data


class GuardianForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    relationship = forms.CharField(
        label=_("Relationship"), max_length=60, required=False, help_text=_("e.g. mother, guardian")
    )
    has_parental_authority = forms.BooleanField(
        label=_("Has parental authority (gezag)"), required=False, initial=True
    )
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), max_length=100, required=False)


class BreakTheGlassForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to open this file now?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your access is logged and reviewed by the privacy officer."),
        min_length=10,
    )


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Review note"), max_length=500, required=False)
