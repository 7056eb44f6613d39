"""Dates typed in forms. A text box, not the browser's date picker: a picker turns an impossible
date such as 31 February into an empty value before the form is sent, so an optional date was
saved as "no date" without a word. Typed text reaches the server, which refuses what does not
exist with a message at the field."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Day first, as Dutch dates are written; ISO (what a date picker sends) is accepted as well.
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d"]
DATE_DISPLAY_FORMAT = "%d-%m-%Y"
EARLIEST = date(1900, 1, 1)


class DateTextInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {
            "inputmode": "numeric",
            "autocomplete": "off",
            "placeholder": _("dd-mm-yyyy"),
            "size": "10",
            "class": "baken-date",
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format=DATE_DISPLAY_FORMAT)


class TypedDateField(forms.DateField):
    """A date typed as day-month-year; an impossible or implausibly early date is an error."""

    widget = DateTextInput
    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {
        "invalid": _(
            "This date does not exist or is not written as day-month-year. "
            "Type it as, for example, 14-03-2011."
        ),
    }

    def to_python(self, value: Any) -> date | None:
        day: date | None = super().to_python(value)
        if day is not None and day < EARLIEST:
            raise ValidationError(_("Enter a date after 1 January 1900."), code="too_early")
        return day
