from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import Division, Region, Team, User
from baken.cases.birth_date import OLDEST, BirthDateCheck, age_on, check_birth_date
from baken.cases.models import CareForm, RiskFactor, Sex
from baken.lib.countries import UnknownCountry, country_code
from baken.lib.dates import TypedDateField
from baken.lib.text_limits import LongTextField
from baken.lib.widget_html import WIDGETS_IN_PYTHON


class MunicipalityChoiceField(forms.ModelChoiceField[Region]):
    def label_from_instance(self, obj: Region) -> str:
        return obj.name


CONFIRM_BIRTH_DATE = "confirm_date_of_birth"


class YouthForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    given_names = forms.CharField(label=_("Given name(s)"), max_length=200)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    date_of_birth = TypedDateField(
        label=_("Date of birth"),
        required=False,
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
    care_start = TypedDateField(
        label=_("Start of care"),
        initial=timezone.localdate,
    )
    care_end = TypedDateField(
        label=_("End of care"),
        required=False,
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
        # Shown only when the birth date gives an age outside youth care (see clean()).
        self.fields[CONFIRM_BIRTH_DATE] = forms.BooleanField(
            label=_("I confirm this date of birth"), required=False, widget=forms.HiddenInput
        )
        self.order_fields(
            [*[name for name in self.fields if name != CONFIRM_BIRTH_DATE][:3], CONFIRM_BIRTH_DATE]
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
        confirmed = data.pop(CONFIRM_BIRTH_DATE, False)
        born, start, end = data.get("date_of_birth"), data.get("care_start"), data.get("care_end")
        today = timezone.localdate()
        if isinstance(born, date) and "date_of_birth" in self.changed_data:
            check = check_birth_date(born, today=today)
            if check is BirthDateCheck.IN_THE_FUTURE:
                self.add_error("date_of_birth", _("The date of birth cannot be in the future."))
            elif check is BirthDateCheck.UNUSUAL_AGE and not confirmed:
                self.add_error(
                    "date_of_birth",
                    _(
                        "This date of birth makes the youth %(age)d years old, outside youth "
                        "care (0 to %(oldest)d). Age decides who must consent. Correct the date, "
                        "or confirm it below."
                    )
                    % {"age": age_on(born, today), "oldest": OLDEST},
                )
                self.fields[CONFIRM_BIRTH_DATE].widget = forms.CheckboxInput()
        if start and end and end < start:
            self.add_error("care_end", _("Care cannot end before it starts."))
        return data


class GuardianForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

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
    default_renderer = WIDGETS_IN_PYTHON

    q = forms.CharField(label=_("Search by name"), max_length=100, required=False)


class AccessOverviewSearchForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    q = forms.CharField(label=_("Name or pseudonymous id of the youth"), max_length=100)


class BreakTheGlassForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    reason = LongTextField(
        label=_("Why do you need to open this file now?"),
        rows=3,
        help_text=_("Your access is logged and reviewed by the privacy officer."),
        min_length=10,
    )


class ReviewForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    note = forms.CharField(label=_("Review note"), max_length=500, required=False)
