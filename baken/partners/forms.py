from django import forms
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import Division, Region
from baken.lib.text_limits import CountedTextarea, LongTextField
from baken.lib.widget_html import WIDGETS_IN_PYTHON
from baken.partners.models import Partner


class RegionChoiceField(forms.ModelChoiceField[Region]):
    def label_from_instance(self, obj: Region) -> str:
        return f"{obj.name} ({obj.get_division_display()})"


class PartnerForm(forms.ModelForm[Partner]):
    default_renderer = WIDGETS_IN_PYTHON

    region = RegionChoiceField(
        label=_("Region served"),
        queryset=Region.objects.exclude(division=Division.PROVINCE).order_by("division", "name"),
        required=False,
        help_text=_("Leave empty for a national desk."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = [
            "kind",
            "name",
            "region",
            "phone",
            "email",
            "address",
            "website",
            "contact_person",
            "working_agreements",
        ]
        field_classes = {"working_agreements": LongTextField}
        widgets = {"working_agreements": CountedTextarea(rows=4)}


class MunicipalityForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Region.objects.filter(division=Division.MUNICIPALITY).order_by("name"),
    )
