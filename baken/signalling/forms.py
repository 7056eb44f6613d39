from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baken.accounts.forms import PeopleChoiceField, PersonChoiceField
from baken.accounts.models import User
from baken.lib.dates import TypedDateField
from baken.lib.text_limits import LongTextField
from baken.lib.widget_html import WIDGETS_IN_PYTHON
from baken.signalling.models import (
    Concern,
    Indicator,
    IndicatorCatalogue,
    NextStep,
    SignalContext,
    SignalSource,
)


class IndicatorChoiceField(forms.ModelMultipleChoiceField[Indicator]):
    def label_from_instance(self, obj: Indicator) -> str:
        return obj.text


class SignalForm(forms.Form):
    """Recording a signal: the date, the context, what you noticed, how worried you are."""

    default_renderer = WIDGETS_IN_PYTHON

    observed_on = TypedDateField(
        label=_("When did you notice it?"),
        initial=timezone.localdate,
    )
    context = forms.ChoiceField(
        label=_("Where?"), choices=SignalContext.choices, initial=SignalContext.LIVING_GROUP
    )
    source = forms.ChoiceField(
        label=_("How do you know?"), choices=SignalSource.choices, initial=SignalSource.SEEN
    )
    note = LongTextField(
        label=_("What did you notice? (a niet-pluis feeling is enough)"),
        rows=3,
        required=False,
        help_text=_("Describe what you saw or heard, in plain words. Facts before interpretation."),
    )
    indicators = IndicatorChoiceField(
        label=_("Indicators"),
        queryset=Indicator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    concern = forms.ChoiceField(
        label=_("How worried are you?"),
        choices=Concern.choices,
        initial=Concern.MEDIUM,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: object, catalogue: IndicatorCatalogue, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["indicators"].queryset = catalogue.indicators.all()  # type: ignore[attr-defined]


class DailyReportForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    report_date = TypedDateField(
        label=_("Date"),
        initial=timezone.localdate,
    )
    text = LongTextField(label=_("Report"), rows=5)
    safety_note = LongTextField(
        label=_("Safety"),
        rows=3,
        required=False,
        help_text=_("Anything about the youth's safety: contacts, absence, money, phones, mood."),
    )
    suspicion = forms.BooleanField(
        label=_("I suspect exploitation or something is not right (records a signal)"),
        required=False,
    )


class ConsultationRequestForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    addressed_to = PersonChoiceField(label=_("Ask"), queryset=User.objects.none())
    question = LongTextField(label=_("Your question"), rows=4)

    def __init__(self, *args: object, consultants: list[User], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["addressed_to"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=[u.pk for u in consultants]
        )


class ConclusionForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    participants = PeopleChoiceField(
        label=_("Participants from your organisation"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    external_participants = forms.CharField(
        label=_("Other participants (name, organisation)"), max_length=300, required=False
    )
    conclusion = LongTextField(label=_("Conclusion"), rows=4)
    next_step = forms.ChoiceField(
        label=_("Next step"), choices=NextStep.choices, widget=forms.RadioSelect
    )
    suspicion_confirmed = forms.BooleanField(
        label=_(
            "As designated officer I confirm the suspicion of trafficking (the question whether "
            "to register goes on the registrar's list)"
        ),
        required=False,
    )

    def __init__(self, *args: object, organisation_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["participants"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(organisation_id=organisation_id, is_active=True)
            .prefetch_related("role_grants")
            .order_by("first_name", "last_name")
        )
