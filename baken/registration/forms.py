from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.cases.models import ExploitationForm, Guardian, Youth
from baken.lib.dates import TypedDateField
from baken.lib.text_limits import LongTextField
from baken.registration.consent import BOTH_FROM, YOUTH_ALONE_FROM
from baken.registration.models import (
    DossierType,
    ExceptionReason,
    NotRegisteredReason,
    PartyDecision,
    RegistrationPolicy,
)
from baken.registration.services import (
    Answer,
    CareRequest,
    Content,
    guardian_role,
    holders_of_authority,
)

TRI_STATE = [("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))]


class Decision:
    CONSENT = "consent"
    EXCEPTION = "exception"
    OBJECTION = "objection"
    NO = "no"
    CHOICES = [
        (CONSENT, _("Consent was asked: record each person's answer")),
        (
            EXCEPTION,
            _(
                "Consent cannot be asked of this youth now: propose the statistics exception "
                "(the designated officer confirms)"
            ),
        ),
        (OBJECTION, _("The youth or a parent objects to registration")),
        (NO, _("Do not register (no reasonable suspicion, or another reason)")),
    ]


CARE_CHOICES = [
    ("", _("No request")),
    (DossierType.SHELTER.value, _("Request for shelter")),
    (DossierType.ADVICE.value, _("Request for advice or care coordination")),
]


def _forms_of_exploitation() -> list[tuple[str, str]]:
    return [(form.code, form.name) for form in ExploitationForm.objects.all()]


class ContentMixin(forms.Form):
    forms_of_exploitation = forms.MultipleChoiceField(
        label=_("Form(s) of exploitation"), widget=forms.CheckboxSelectMultiple, required=False
    )
    sector = forms.CharField(label=_("Sector (if known)"), max_length=100, required=False)
    cross_border = forms.ChoiceField(label=_("Cross-border"), choices=TRI_STATE, required=False)

    def set_form_choices(self) -> None:
        self.fields["forms_of_exploitation"].choices = _forms_of_exploitation()  # type: ignore[attr-defined]

    def content(self) -> Content:
        data = self.cleaned_data
        return Content(
            forms=list(data.get("forms_of_exploitation") or []),
            sector=data.get("sector", ""),
            cross_border={"yes": True, "no": False}.get(data.get("cross_border", "")),
        )


def party_keys(youth: Youth, holders: list[Guardian]) -> list[tuple[str, str]]:
    """Everyone who may have to answer: the youth from 12, and every holder of authority (for a
    youth of 16 or more only where the youth cannot assess his or her interests)."""
    age = youth.age
    keys: list[tuple[str, str]] = []
    if age is None or age >= BOTH_FROM:
        youth_label = _("The youth: %(name)s") % {"name": youth.full_name}
        keys.append(("youth", str(youth_label)))
    for guardian in holders:
        label = (
            _("Guardian: %(name)s")
            if guardian_role(guardian) == "guardian"
            else _("Parent with parental authority: %(name)s")
        )
        keys.append((f"guardian_{guardian.pk}", str(label % {"name": guardian.name})))
    return keys


def add_party_fields(
    form: forms.Form, keys: list[tuple[str, str]], prefix: str, purpose: Any
) -> None:
    """One answer and its date per person, named `<prefix><key>` and `<prefix><key>_on`."""
    answers = [("", _("Not asked")), *PartyDecision.choices]
    for key, name in keys:
        form.fields[f"{prefix}{key}"] = forms.ChoiceField(
            label=f"{purpose} · {name}",
            choices=answers,
            widget=forms.RadioSelect,
            required=False,
        )
        form.fields[f"{prefix}{key}_on"] = TypedDateField(
            label=_("Date asked"),
            initial=timezone.localdate,
            required=False,
        )


def answers_from(form: forms.Form, keys: list[tuple[str, str]], prefix: str) -> list[Answer]:
    data = form.cleaned_data
    today = timezone.localdate()
    return [
        Answer(
            key=key,
            decision=data[f"{prefix}{key}"],
            on=data.get(f"{prefix}{key}_on") or today,
        )
        for key, _label in keys
        if data.get(f"{prefix}{key}")
    ]


class TaskDecisionForm(ContentMixin):
    """The registrar's decision on one task: consent (each person separately, and a request for
    care coordination with its own consent), the statistics exception, an objection, or not to
    register."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.CHOICES, widget=forms.RadioSelect
    )
    youth_cannot_assess = forms.BooleanField(
        label=_(
            "The youth cannot reasonably assess his or her interests in this: the holders of "
            "parental authority decide"
        ),
        required=False,
    )
    cannot_assess_note = LongTextField(
        label=_("Why (documented in the file)"),
        rows=2,
        required=False,
    )
    exception_reason_kind = forms.ChoiceField(
        label=_("Why consent cannot be asked of this youth now"),
        choices=[("", "—"), *ExceptionReason.choices],
        required=False,
    )
    exception_reason = LongTextField(
        label=_("Explain, for this youth now"),
        rows=2,
        required=False,
    )
    objection_on = TypedDateField(
        label=_("Date of the objection"),
        initial=timezone.localdate,
        required=False,
    )
    objection_note = forms.CharField(label=_("Note"), max_length=500, required=False)
    care_request = forms.ChoiceField(
        label=_("Also a request for shelter or advice (care coordination)?"),
        choices=CARE_CHOICES,
        required=False,
    )
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
    reason_not_kind = forms.ChoiceField(
        label=_("If not: the kind of reason"),
        choices=[("", "—"), *NotRegisteredReason.choices],
        required=False,
    )
    reason_not = LongTextField(
        label=_("If not: why not (explain)"),
        rows=2,
        required=False,
    )

    def __init__(self, *args: Any, youth: Youth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_form_choices()
        self.youth = youth
        age = youth.age
        self.holders = holders_of_authority(youth)
        self.party_keys = party_keys(youth, self.holders)
        add_party_fields(self, self.party_keys, "party_", _("Registration"))
        add_party_fields(self, self.party_keys, "care_", _("Care coordination"))
        objectors = [("youth", _("The youth"))] + [
            (f"guardian_{g.pk}", g.name) for g in self.holders
        ]
        self.fields["objection_by"] = forms.ChoiceField(
            label=_("Who objects"), choices=[("", "—"), *objectors], required=False
        )
        self.youth_alone = age is not None and age >= YOUTH_ALONE_FROM

    def group(self, *names: str) -> list[forms.BoundField]:
        return [self[name] for name in names if name in self.fields]

    def party_fields(self, prefix: str) -> list[forms.BoundField]:
        return self.group(
            *(f"{prefix}{key}{end}" for key, _label in self.party_keys for end in ("", "_on"))
        )

    # The groups the task page shows, one section per route.
    @property
    def decision_fields(self) -> list[forms.BoundField]:
        return self.group("decision")

    @property
    def content_fields(self) -> list[forms.BoundField]:
        return self.group("forms_of_exploitation", "sector", "cross_border")

    @property
    def consent_fields(self) -> list[forms.BoundField]:
        return [
            *self.party_fields("party_"),
            *self.group("youth_cannot_assess", "cannot_assess_note"),
        ]

    @property
    def care_fields(self) -> list[forms.BoundField]:
        return [
            *self.group("care_request"),
            *self.party_fields("care_"),
            *self.group("contact_name", "contact_phone", "contact_person"),
        ]

    @property
    def exception_fields(self) -> list[forms.BoundField]:
        return self.group("exception_reason_kind", "exception_reason")

    @property
    def objection_fields(self) -> list[forms.BoundField]:
        return self.group("objection_by", "objection_on", "objection_note")

    @property
    def not_fields(self) -> list[forms.BoundField]:
        return self.group("reason_not_kind", "reason_not")

    def answers(self, prefix: str) -> list[Answer]:
        return answers_from(self, self.party_keys, prefix)

    def care(self) -> CareRequest | None:
        data = self.cleaned_data
        if not data.get("care_request"):
            return None
        contact = {
            "name": data.get("contact_name", ""),
            "phone": data.get("contact_phone", ""),
            "contact_person": data.get("contact_person", ""),
        }
        return CareRequest(
            dossier_type=data["care_request"], contact=contact, answers=self.answers("care_")
        )

    def objector(self) -> tuple[str, Any]:
        """(role, guardian) of the person who objects."""
        chosen = self.cleaned_data.get("objection_by", "")
        if chosen == "youth":
            return "youth", None
        for guardian in self.holders:
            if chosen == f"guardian_{guardian.pk}":
                return guardian_role(guardian), guardian
        return "", None

    def objection_date(self) -> date:
        return self.cleaned_data.get("objection_on") or timezone.localdate()


class ReplaceCountForm(ContentMixin):
    """Consent given after only an untraceable count went: each person the law asks now, and
    what the registration says (the forms start as the count's)."""

    youth_cannot_assess = forms.BooleanField(
        label=_(
            "The youth cannot reasonably assess his or her interests in this: the holders of "
            "parental authority decide"
        ),
        required=False,
    )
    cannot_assess_note = LongTextField(
        label=_("Why (documented in the file)"),
        rows=2,
        required=False,
    )

    def __init__(self, *args: Any, youth: Youth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_form_choices()
        self.fields["forms_of_exploitation"].required = True
        self.party_keys = party_keys(youth, holders_of_authority(youth))
        add_party_fields(self, self.party_keys, "party_", _("Registration"))

    def answers(self) -> list[Answer]:
        return answers_from(self, self.party_keys, "party_")


class ProposalForm(forms.Form):
    """The designated officer on a proposal to register without consent."""

    answer = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            ("confirm", _("Confirm: register under the statistics exception")),
            ("decline", _("Do not confirm")),
        ],
        widget=forms.RadioSelect,
    )
    declined_reason = LongTextField(label=_("If not: why not"), rows=2, required=False)


class ObjectionForm(forms.Form):
    objection_by = forms.ChoiceField(label=_("Who objects"))
    objected_on = TypedDateField(label=_("Date of the objection"), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, youth: Youth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.holders = holders_of_authority(youth)
        self.fields["objection_by"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            ("youth", _("The youth")),
            *((f"guardian_{g.pk}", g.name) for g in self.holders),
        ]

    def objector(self) -> tuple[str, Any]:
        chosen = self.cleaned_data.get("objection_by", "")
        if chosen == "youth":
            return "youth", None
        for guardian in self.holders:
            if chosen == f"guardian_{guardian.pk}":
                return guardian_role(guardian), guardian
        return "", None


class WithdrawConsentForm(forms.Form):
    withdrawn_on = TypedDateField(label=_("Consent withdrawn on"), initial=timezone.localdate)


class ResendForm(ContentMixin):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_form_choices()
        self.fields["forms_of_exploitation"].required = True


class PolicyForm(forms.ModelForm[RegistrationPolicy]):
    class Meta:
        model = RegistrationPolicy
        fields = ["registrar", "deadline_working_days", "send_count", "basis_without_consent"]
