"""How long free texts may be, and the form field that says so before and after sending.

Without limits a 1 MB note was accepted: the youth's page grew to 1 MB and the indicator
suggestion took 8 s. A note of 4,000 characters is about two pages of text."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.templatetags.static import static
from django.utils.deconstruct import deconstructible
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

NOTE_MAX = 4000  # notes, reports, questions, conclusions, agreements, reasons
SHORT_MAX = 200  # one line: a name, an organisation, a short answer

TOO_LONG = _(
    "This text is %(show_value)d characters long; at most %(limit_value)d fit. "
    "Shorten it by %(excess)d characters."
)


@deconstructible
class TextTooLongValidator(MaxLengthValidator):
    """MaxLengthValidator with a message that says how much to cut (used by models too)."""

    message = TOO_LONG

    def __call__(self, value: Any) -> None:
        length = len(value)
        if length > self.limit_value:
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": self.limit_value,
                    "show_value": length,
                    "value": value,
                    "excess": length - self.limit_value,
                },
            )


def note_validators(limit: int = NOTE_MAX) -> list[TextTooLongValidator]:
    return [TextTooLongValidator(limit)]


class CountedTextarea(forms.Textarea):
    """A text box with its limit written under it; counter.js turns that line into a live count
    ("Nog 120 tekens" / "20 tekens te veel"). No maxlength attribute: the browser would cut a
    pasted text short without a word; the server refuses it and keeps the text instead."""

    def __init__(self, *, rows: int = 3, limit: int = NOTE_MAX) -> None:
        super().__init__(
            attrs={
                "rows": rows,
                "data-maxlength": limit,
                "data-counter-left": _("%(count)s characters left"),
                "data-counter-over": _("%(count)s characters too many"),
            }
        )
        self.limit = limit

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        attrs = dict(attrs or {})
        attrs.pop("maxlength", None)
        counter_id = f"{attrs.get('id') or name}_counter"
        described = f"{attrs.get('aria-describedby', '')} {counter_id}".strip()
        attrs["aria-describedby"] = described
        box = super().render(name, value, attrs, renderer)
        hint = _("At most %(limit)s characters.") % {"limit": self.limit}
        # Only pages with such a box load the script (the others carry none).
        return format_html(
            '{}<p class="baken-counter" id="{}">{}</p><script src="{}" defer></script>',
            box,
            counter_id,
            hint,
            static("baken/counter.js"),
        )


class LongTextField(forms.CharField):
    """A free text with a limit, a counter and a clear message when it is too long."""

    def __init__(self, *, rows: int = 3, max_length: int | None = None, **kwargs: Any) -> None:
        max_length = max_length or NOTE_MAX  # a model's TextField passes None
        kwargs.setdefault("widget", CountedTextarea(rows=rows, limit=max_length))
        super().__init__(max_length=max_length, **kwargs)
        kept: list[Any] = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]
        self.validators = [*kept, *note_validators(max_length)]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # see CountedTextarea
        return attrs
