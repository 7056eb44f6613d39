"""The widgets rendered in Python (baken/lib/widget_html.py) are, to the byte, what Django's own
widget templates render: over every widget it writes, bound and unbound, with values that need
escaping, safe values, numbers, dates, boolean and missing attributes, option groups, labels
wrapped and not, in Dutch and in English."""

from datetime import date
from pathlib import Path

import django
import pytest
from django import forms
from django.forms.renderers import get_default_renderer
from django.utils import translation
from django.utils.safestring import mark_safe

from baken.lib.widget_html import IN_PYTHON, WIDGETS_IN_PYTHON
from baken.screening.forms import StartScreeningForm
from baken.signalling.forms import DailyReportForm, SignalForm
from baken.signalling.models import IndicatorCatalogue

CHOICES = [
    ("a", "Één & <twee>"),
    ("b", mark_safe("<b>veilig</b>")),
    (3, 3),
    ('Groep "x"', [("c", "C"), ("d", "D")]),
]


class Everything(forms.Form):
    text = forms.CharField(initial='Jan "de" <Vries> & zoon', help_text="Hulp")
    number = forms.IntegerField(initial=1234567)
    decimal = forms.DecimalField(initial=1234.5)
    email = forms.EmailField(required=False)
    password = forms.CharField(widget=forms.PasswordInput(render_value=True), initial="geheim")
    hidden = forms.CharField(widget=forms.HiddenInput, initial="x")
    day = forms.DateField(initial=date(2026, 12, 1))
    typed_day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    checkbox = forms.BooleanField(initial=True)
    unchecked = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"x": False}))
    select = forms.ChoiceField(choices=CHOICES, initial=3)
    multiple = forms.MultipleChoiceField(choices=CHOICES, initial=["a", "c"])
    radio = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, initial="b")
    boxes = forms.MultipleChoiceField(
        choices=CHOICES, widget=forms.CheckboxSelectMultiple, initial=["a", "d"]
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "autofocus": True}))
    empty_note = forms.CharField(widget=forms.Textarea, required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "class": 'a "b"'}))


def _both(form_class: type[forms.Form], **kwargs: object) -> tuple[list[str], list[str]]:
    """Every widget of the form, and every option of its choice widgets, as Django renders it
    and as the renderer in Python does."""
    rendered: tuple[list[str], list[str]] = ([], [])
    for renderer, out in zip((get_default_renderer(), WIDGETS_IN_PYTHON), rendered, strict=True):
        form = form_class(renderer=renderer, **kwargs)  # type: ignore[arg-type]
        for field in form:
            out.append(str(field))
            if hasattr(field.field, "choices"):
                for option in field:
                    out.append(option.tag())
                    out.append(option.tag(wrap_label=True))
                    out.append(str(option))
        out.append(str(form))
    return rendered


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"text": "<script>", "number": "12a", "select": "b", "boxes": ["a", "c"], "note": "&"},
    ],
)
def test_every_widget_renders_as_djangos_templates_do(
    language: str, data: dict[str, object] | None
) -> None:
    with translation.override(language):
        django_html, python_html = _both(Everything, data=data)
    assert python_html == django_html


@pytest.mark.django_db
@pytest.mark.parametrize("bound", [False, True])
def test_baken_forms_render_as_with_djangos_templates(bound: bool) -> None:
    catalogue = IndicatorCatalogue.objects.get(is_current=True)
    data = {"note": "<b>", "indicators": ["1"], "concern": "high"} if bound else None
    for django_html, python_html in (
        _both(SignalForm, data=data, catalogue=catalogue),
        _both(DailyReportForm, data=data),
        _both(StartScreeningForm, data=data),
    ):
        assert python_html == django_html


def test_the_widget_templates_in_use_are_djangos_own() -> None:
    """An app overriding one of these templates would make the Python version wrong."""
    django_templates = Path(django.__file__).parent / "forms" / "templates"
    for name in IN_PYTHON:
        origin = Path(WIDGETS_IN_PYTHON.get_template(name).origin.name)
        assert origin.is_relative_to(django_templates), name
