from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from baken.cases.models import Youth
from baken.lib.dates import TypedDateField
from baken.retention.services import NO_EXCEPTION_NOT_CONFIRMED, RequestedBy


class DestructionOnRequestForm(forms.Form):
    """The privacy officer's record of a request to destroy a file (art. 7.3.9). Field names are
    the service's parameters, so its refusals show at their fields."""

    requested_by = forms.ChoiceField(
        label=_("Who asked for the destruction"),
        choices=RequestedBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say who asked for the destruction.")},
    )
    received_on = TypedDateField(
        label=_("The written request was received on"),
        error_messages={"required": _("Give the date the written request was received.")},
    )
    no_exception_applies = forms.BooleanField(
        label=_(
            "Neither exception applies: keeping the file is not of considerable importance to "
            "someone other than the youth, and no statutory provision forbids destroying it."
        ),
        error_messages={"required": NO_EXCEPTION_NOT_CONFIRMED},
    )
    confirm_pseudonym = forms.CharField(
        max_length=64,
        error_messages={"required": _("Type the pseudonymous id to confirm.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, youth: Youth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.youth = youth
        self.fields["confirm_pseudonym"].label = _(
            "Destruction cannot be undone. To confirm, type this youth's pseudonymous id: %(id)s"
        ) % {"id": youth.pseudonym}

    def clean_confirm_pseudonym(self) -> str:
        typed: str = self.cleaned_data["confirm_pseudonym"].strip()
        if typed.upper() != self.youth.pseudonym.upper():
            raise forms.ValidationError(
                _("This is not the pseudonymous id of this youth. Type %(id)s."),
                params={"id": self.youth.pseudonym},
                code="mismatch",
            )
        return typed
