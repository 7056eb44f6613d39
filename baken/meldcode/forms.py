from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.accounts.forms import PersonChoiceField
from baken.accounts.models import User
from baken.lib.dates import TypedDateField
from baken.lib.text_limits import LongTextField
from baken.meldcode.models import Informed, MeldcodePolicy, ReportTo
from baken.meldcode.services import ActionInput, ReportDetails
from baken.partners.models import Partner, PartnerKind

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


YES_NO = [("yes", _("Yes")), ("no", _("No"))]

FRAMEWORK_QUESTIONS = {
    "suspicion": _("1. Do I (still) suspect violence, abuse or exploitation?"),
    "unsafe": _("2. Is there acute or structural unsafety?"),
    "can_help": _("3. Can I offer or organise effective help?"),
    "help_accepted": _("4. Do those involved accept that help?"),
}


def _yes_no(label: "str | _StrPromise") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect, required=False)


def _as_bool(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class FrameworkMixin(forms.Form):
    def add_framework_fields(self) -> None:
        for key, label in FRAMEWORK_QUESTIONS.items():
            self.fields[key] = _yes_no(label)

    def framework(self) -> dict[str, bool | None]:
        return {key: _as_bool(self.cleaned_data.get(key, "")) for key in FRAMEWORK_QUESTIONS}


class StepForm(FrameworkMixin):
    done = LongTextField(label=_("What was done"), rows=5)
    why = LongTextField(
        label=_("Why (and anything else to record)"),
        rows=3,
        required=False,
    )

    def __init__(self, *args: Any, step: int, framework_here: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.step = step
        if step == 2:
            self.fields["consulted"] = forms.MultipleChoiceField(
                label=_("Consulted"),
                choices=[
                    ("colleague", _("A colleague (designated officer, behavioural scientist)")),
                    ("veilig_thuis", _("Veilig Thuis")),
                    ("expert", _("An expert (e.g. the zorgcoördinator mensenhandel)")),
                ],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
            self.fields["anonymous"] = forms.BooleanField(
                label=_("Consulted anonymously (no name given)"), required=False
            )
        if step == 3:
            self.fields["talked_youth"] = forms.BooleanField(
                label=_("Talked with the youth"), required=False
            )
            self.fields["talked_parents"] = forms.BooleanField(
                label=_("Talked with the parents or guardian"), required=False
            )
            self.fields["skipped_for_safety"] = forms.BooleanField(
                label=_("Not talked, because it would endanger someone (explain under 'why')"),
                required=False,
            )
        if step == 4 and framework_here:
            self.add_framework_fields()

    def details(self) -> dict[str, object]:
        data = self.cleaned_data
        if self.step == 2:
            return {"consulted": data.get("consulted", []), "anonymous": data.get("anonymous")}
        if self.step == 3:
            return {
                key: bool(data.get(key))
                for key in ("talked_youth", "talked_parents", "skipped_for_safety")
            }
        if self.step == 4 and "suspicion" in self.fields:
            return {"framework": self.framework()}
        return {}


class PartnerChoiceField(forms.ModelChoiceField[Partner]):
    def label_from_instance(self, obj: Partner) -> str:
        return obj.name


class ReportFieldsMixin(forms.Form):
    """The details a report needs (DOMAIN §4): what, when, to whom, contact and reference, who
    was informed and how they reacted, and the follow-up agreed. The meldcode's report goes to
    Veilig Thuis; a report to the police is recorded beside it (PoliceReportForm)."""

    report_to: str = ReportTo.VEILIG_THUIS

    def add_report_fields(self, partners: list[Partner]) -> None:
        self.fields["partner"] = PartnerChoiceField(
            label=_("Organisation (from the directory)"),
            queryset=Partner.objects.filter(pk__in=[p.pk for p in partners]),
            required=False,
        )
        self.fields["reported_on"] = TypedDateField(
            label=_("Reported on"), initial=timezone.localdate, required=False
        )
        self.fields["what"] = LongTextField(label=_("What was reported"), rows=3, required=False)
        self.fields["contact_person"] = forms.CharField(
            label=_("Contact person there"), max_length=200, required=False
        )
        self.fields["reference"] = forms.CharField(
            label=_("Their reference"), max_length=100, required=False
        )
        self.fields["youth_informed"] = forms.ChoiceField(
            label=_("Was the youth informed?"),
            choices=[("", "-"), *Informed.choices],
            required=False,
        )
        self.fields["parents_informed"] = forms.ChoiceField(
            label=_("Were the parents informed?"),
            choices=[("", "-"), *Informed.choices],
            required=False,
        )
        self.fields["reactions"] = LongTextField(
            label=_("How did they react?"),
            rows=2,
            required=False,
        )
        self.fields["follow_up"] = LongTextField(
            label=_("Follow-up agreed with Veilig Thuis or the police"),
            rows=2,
            required=False,
        )
        self.fields["expected_response_on"] = TypedDateField(
            label=_("Feedback expected by (empty: the organisation's default)"),
            required=False,
        )

    def report_details(self) -> ReportDetails | None:
        data = self.cleaned_data
        if not any(data.get(key) for key in ("what", "contact_person", "follow_up")):
            return None
        return ReportDetails(
            to=self.report_to,
            partner=data.get("partner"),
            reported_on=data.get("reported_on") or timezone.localdate(),
            what=data.get("what", ""),
            contact_person=data.get("contact_person", ""),
            reference=data.get("reference", ""),
            youth_informed=data.get("youth_informed", ""),
            parents_informed=data.get("parents_informed", ""),
            reactions=data.get("reactions", ""),
            follow_up=data.get("follow_up", ""),
            expected_response_on=data.get("expected_response_on"),
        )


def reporting_partners(
    partners: list[Partner], kind: str = PartnerKind.VEILIG_THUIS
) -> list[Partner]:
    return [p for p in partners if p.kind == kind]


class DecisionForm(FrameworkMixin, ReportFieldsMixin):
    done = LongTextField(label=_("Your decision and its basis"), rows=3)
    review_on = TypedDateField(
        label=_("If help: review date (question 5 is asked again then)"),
        required=False,
    )
    closing_note = LongTextField(label=_("If closing: why"), rows=2, required=False)

    def __init__(
        self, *args: Any, framework_here: bool, partners: list[Partner], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if framework_here:
            self.add_framework_fields()
        self.add_report_fields(reporting_partners(partners))


class ReviewForm(ReportFieldsMixin):
    help_works = forms.ChoiceField(
        label=_("5. Does the help give the needed result in time?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    note = LongTextField(
        label=_("If yes: the monitoring agreements"),
        rows=2,
        required=False,
    )

    def __init__(self, *args: Any, partners: list[Partner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_report_fields(reporting_partners(partners))


class PoliceReportForm(ReportFieldsMixin):
    """A report or information to the police, beside the report to Veilig Thuis."""

    report_to = ReportTo.POLICE

    def __init__(self, *args: Any, partners: list[Partner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_report_fields(reporting_partners(partners, PartnerKind.POLICE))
        self.fields["follow_up"].label = _("Follow-up agreed with the police")


class FollowUpForm(forms.Form):
    help_offered = LongTextField(
        label=_("What your organisation still does: the help it offers or organises"),
        rows=3,
    )
    agreements = LongTextField(label=_("Agreements with Veilig Thuis"), rows=3)
    next_evaluation_on = TypedDateField(label=_("Next evaluation"))


class CloseForm(forms.Form):
    reason = LongTextField(label=_("Why the trajectory can be closed"), rows=2)


class FeedbackForm(forms.Form):
    feedback_on = TypedDateField(label=_("Feedback received on"), initial=timezone.localdate)
    feedback = LongTextField(label=_("Feedback"), rows=3)


class EscalationForm(forms.Form):
    to_whom = forms.CharField(label=_("Escalated to (name, organisation)"), max_length=200)
    note = LongTextField(label=_("What you did"), rows=2)


ACTION_ROWS = 3


class ConferenceForm(forms.Form):
    held_on = TypedDateField(label=_("Held on"), initial=timezone.localdate)
    participants = LongTextField(
        label=_("Participants and their organisations (one per line)"),
        rows=4,
    )
    agreements = LongTextField(label=_("Agreements"), rows=4)

    def __init__(self, *args: Any, colleagues: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, ACTION_ROWS + 1):
            self.fields[f"what_{row}"] = forms.CharField(
                label=_("Action %(n)d: what") % {"n": row}, max_length=300, required=False
            )
            self.fields[f"who_{row}"] = forms.CharField(
                label=_("Action %(n)d: who (name, organisation)") % {"n": row},
                max_length=200,
                required=False,
            )
            self.fields[f"due_{row}"] = TypedDateField(
                label=_("Action %(n)d: by when") % {"n": row}, required=False
            )
            self.fields[f"owner_{row}"] = PersonChoiceField(
                label=_("Action %(n)d: remind in Baken") % {"n": row},
                queryset=User.objects.filter(pk__in=[u.pk for u in colleagues]).prefetch_related(
                    "role_grants"
                ),
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for row in range(1, ACTION_ROWS + 1):
            if data.get(f"what_{row}") and not data.get(f"due_{row}"):
                self.add_error(f"due_{row}", _("An action needs a date."))
        return data

    def actions(self) -> list[ActionInput]:
        data = self.cleaned_data
        due: date
        result = []
        for row in range(1, ACTION_ROWS + 1):
            if data.get(f"what_{row}"):
                due = data[f"due_{row}"]
                result.append(
                    ActionInput(
                        what=data[f"what_{row}"],
                        who=data.get(f"who_{row}", ""),
                        due_on=due,
                        owner=data.get(f"owner_{row}"),
                    )
                )
        return result


class PolicyForm(forms.ModelForm[MeldcodePolicy]):
    class Meta:
        model = MeldcodePolicy
        fields = ["framework_in_step", "response_days"]
