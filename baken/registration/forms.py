from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from baken.cases.models import ExploitationForm
from baken.registration.consent import GIVEN, NOT_ASKED, REFUSED
from baken.registration.models import NotRegisteredReason, RegistrationPolicy

CONSENT_CHOICES = [
    (GIVEN, _("Asked, and given")),
    (REFUSED, _("Asked, and refused")),
    (NOT_ASKED, _("Not asked")),
]
NOT_ASKED_CHOICES = [
    ("", "-"),
    ("psychological_harm", _("Asking would cause psychological harm")),
    ("not_reachable", _("The youth or guardian cannot be reached")),
    ("not_reasonably_possible", _("Asking is not reasonably possible")),
]
DOSSIER_CHOICES = [
    ("statistical", _("Registration only (pseudonymised, for statistics)")),
    ("shelter", _("Registration with a request for shelter (needs consent)")),
    ("advice", _("Registration with a request for advice or care coordination (needs consent)")),
]
TRI_STATE = [("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))]


class RegistrationForm(forms.Form):
    suspicion = forms.ChoiceField(
        label=_("Is there a reasonable suspicion of trafficking, of any form?"),
        choices=[("yes", _("Yes: register")), ("no", _("No: do not register"))],
        widget=forms.RadioSelect,
    )
    reason_not_kind = forms.ChoiceField(
        label=_("If not: the kind of reason"),
        choices=[("", "—"), *NotRegisteredReason.choices],
        required=False,
    )
    reason_not = forms.CharField(
        label=_("If not: why not (explain)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    consent = forms.ChoiceField(
        label=_("Consent to share identifying data"),
        choices=CONSENT_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )
    not_asked_reason = forms.ChoiceField(
        label=_("If not asked: why not"), choices=NOT_ASKED_CHOICES, required=False
    )
    justification = forms.CharField(
        label=_("If not asked: justification of the lawful basis (statistics exception)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    confirmed = forms.BooleanField(
        label=_("As designated officer I confirm this lawful basis"), required=False
    )
    objection = forms.BooleanField(label=_("The youth objects to registration"), required=False)
    dossier_type = forms.ChoiceField(
        label=_("Kind of registration"),
        choices=DOSSIER_CHOICES,
        initial="statistical",
        widget=forms.RadioSelect,
        required=False,
    )
    forms_of_exploitation = forms.MultipleChoiceField(
        label=_("Form(s) of exploitation"), widget=forms.CheckboxSelectMultiple, required=False
    )
    sector = forms.CharField(label=_("Sector (if known)"), max_length=100, required=False)
    cross_border = forms.ChoiceField(label=_("Cross-border"), choices=TRI_STATE, required=False)
    contact_name = forms.CharField(
        label=_("For a request: name of the youth"), max_length=200, required=False
    )
    contact_phone = forms.CharField(
        label=_("For a request: telephone"), max_length=40, required=False
    )
    contact_person = forms.CharField(
        label=_("For a request: contact person at your organisation"),
        max_length=200,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forms_of_exploitation"].choices = [  # type: ignore[attr-defined]
            (form.code, form.name) for form in ExploitationForm.objects.all()
        ]

    def contact(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data.get("contact_name"):
            return None
        return {
            "name": data["contact_name"],
            "phone": data.get("contact_phone", ""),
            "contact_person": data.get("contact_person", ""),
        }

    def cross_border_value(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("cross_border", ""))


class ResendForm(forms.Form):
    forms_of_exploitation = forms.MultipleChoiceField(
        label=_("Form(s) of exploitation"), widget=forms.CheckboxSelectMultiple
    )
    sector = forms.CharField(label=_("Sector (if known)"), max_length=100, required=False)
    cross_border = forms.ChoiceField(label=_("Cross-border"), choices=TRI_STATE, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forms_of_exploitation"].choices = [  # type: ignore[attr-defined]
            (form.code, form.name) for form in ExploitationForm.objects.all()
        ]


class PolicyForm(forms.ModelForm[RegistrationPolicy]):
    class Meta:
        model = RegistrationPolicy
        fields = [
            "registrar",
            "deadline_working_days",
            "consent_both_from",
            "consent_youth_alone_from",
            "statistical_after_objection",
        ]
