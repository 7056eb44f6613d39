from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from baken.accounts.forms import PersonChoiceField
from baken.accounts.models import User
from baken.lib.dates import TypedDateField
from baken.lib.text_limits import LongTextField
from baken.lib.widget_html import WIDGETS_IN_PYTHON
from baken.screening.models import EventKind, Instrument, NextStep, Screening, ScreeningReason
from baken.screening.scoring import ANSWERS, NO, UNKNOWN, YES

ANSWER_CHOICES = [(YES, _("Yes")), (NO, _("No")), (UNKNOWN, _("Unknown"))]


class StartScreeningForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    reason = forms.ChoiceField(
        label=_("Reason for this screening"), choices=ScreeningReason.choices
    )


class AnswersForm(forms.Form):
    """One yes / no / unknown question per instrument question, grouped per section."""

    default_renderer = WIDGETS_IN_PYTHON

    def __init__(self, *args: object, screening: Screening, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        english = get_language() == "en"
        self.sections: list[tuple[str, list[forms.BoundField]]] = []
        for section in screening.instrument.sections():
            names = []
            for question in section["questions"]:
                name = question["code"]
                self.fields[name] = forms.ChoiceField(
                    label=question["text_en" if english else "text_nl"],
                    choices=ANSWER_CHOICES,
                    widget=forms.RadioSelect,
                    initial=screening.answers.get(name, UNKNOWN),
                    required=False,
                )
                names.append(name)
            title = section["title_en" if english else "title_nl"]
            self.sections.append((title, [self[name] for name in names]))

    def answers(self) -> dict[str, str]:
        return {
            name: value if value in ANSWERS else UNKNOWN
            for name, value in self.cleaned_data.items()
        }


class NextStepForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    next_step = forms.ChoiceField(
        label=_("Next step"),
        # The meldcode has its own button: the meldcode app closes the screening and starts
        # (or continues) the trajectory.
        choices=[(value, label) for value, label in NextStep.choices if value != NextStep.MELDCODE],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a next step.")},
    )
    consultant = PersonChoiceField(
        label=_("Whom to ask (for a consultation)"), queryset=User.objects.none(), required=False
    )
    question = LongTextField(
        label=_("Question for the consultation"),
        rows=3,
        required=False,
    )
    reason = LongTextField(
        label=_("Why neither a consultation nor the meldcode?"),
        rows=3,
        required=False,
    )

    def __init__(self, *args: object, consultants: list[User], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["consultant"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=[u.pk for u in consultants]
        )


class EventForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    kind = forms.ChoiceField(label=_("What happened?"), choices=EventKind.choices)
    occurred_on = TypedDateField(
        label=_("When?"),
        initial=timezone.localdate,
    )
    note = LongTextField(label=_("Note"), rows=2, required=False)


class PolicyForm(forms.Form):
    default_renderer = WIDGETS_IN_PYTHON

    instrument = forms.ModelChoiceField(
        label=_("Instrument version"), queryset=Instrument.objects.all(), empty_label=None
    )
    interval_days = forms.IntegerField(
        label=_("Days between screenings"), min_value=7, max_value=366
    )
