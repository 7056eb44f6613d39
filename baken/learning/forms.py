from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from baken.learning.catalogue import Module, all_modules

SCALE = [(value, str(value)) for value in range(11)]
SCALE_ERRORS = {
    "required": _("Choose a number from 0 to 10."),
    "invalid_choice": _("Choose a number from 0 to 10."),
}


class SelfAssessmentForm(forms.Form):
    recognising = forms.TypedChoiceField(
        label=_(
            "How well can you recognise signals of human trafficking? "
            "(0 = not at all, 10 = very well)"
        ),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "baken-scale"}),
        error_messages=SCALE_ERRORS,
    )
    acting = forms.TypedChoiceField(
        label=_("How well can you act on such signals? (0 = not at all, 10 = very well)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "baken-scale"}),
        error_messages=SCALE_ERRORS,
    )


class QuizForm(forms.Form):
    """One question per field, options as radio buttons, in the user's language."""

    def __init__(self, *args: object, module: Module, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = get_language()
        for number, question in enumerate(module.questions, 1):
            self.fields[question.id] = forms.ChoiceField(
                label=f"{number}. {question.text.in_language(language)}",
                choices=[
                    (option.id, option.text.in_language(language)) for option in question.options
                ],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer."),
                    "invalid_choice": _("Choose one of the answers."),
                },
            )

    def answers(self) -> dict[str, str]:
        return {name: str(value) for name, value in self.cleaned_data.items()}


class TrainingPolicyForm(forms.Form):
    mandatory_modules = forms.MultipleChoiceField(
        label=_("Mandatory for new staff"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_staff_days = forms.IntegerField(
        label=_("Days new staff have to complete the mandatory modules"), min_value=7, max_value=365
    )
    refresher_months = forms.IntegerField(
        label=_("A module is refreshed after (months)"), min_value=1, max_value=60
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = get_language()
        field = self.fields["mandatory_modules"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101
        field.choices = [(m.slug, m.title.in_language(language)) for m in all_modules()]
