from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.insight.figures import Period
from baken.lib.dates import TypedDateField

LONGEST_PERIOD = timedelta(days=5 * 366)


class PeriodForm(forms.Form):
    start = TypedDateField(label=_("From"), required=False)
    end = TypedDateField(label=_("Up to and including"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date):
            if start > end:
                raise ValidationError(_("The start of the period lies after its end."))
            if end - start > LONGEST_PERIOD:
                raise ValidationError(_("Choose a period of at most five years."))
        return data

    def period(self) -> Period:
        """The chosen period; by default (or when the input is wrong) the last twelve months."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - timedelta(days=364)
        return Period(start=start, end=end)
