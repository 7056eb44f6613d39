"""Django's form widgets rendered in Python, to the byte the HTML of Django's own widget templates.

Django renders every widget through its template engine: a checkbox of a choice is four nested
templates (checkbox_option, input_option, input, attrs), about 0.1 ms each time. The signal form
has a hundred indicator checkboxes, so its widgets cost more than the rest of the page. This
renderer writes the common widgets (inputs, checkbox and radio options, selects with their
options, text areas) in Python with the templates' exact output and escaping, and hands every
other template to Django's default renderer. `baken/lib/tests/test_widget_html.py` compares the
two renderers over widgets, values and attributes, and checks that Django's templates for these
names are the ones in use (an app that overrode one would make this renderer wrong).

A form uses it with `default_renderer = WIDGETS_IN_PYTHON`; every form would with
`FORM_RENDERER = "baken.lib.widget_html.WidgetsInPython"` in the settings."""

from collections.abc import Callable
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]

WIDGETS = "django/forms/widgets/"


def _shown(value: Any) -> str:
    """`{{ value }}` in a template with autoescaping (render_value_in_context)."""
    value = localize(template_localtime(value))
    if not isinstance(value, str):
        value = str(value)
    return conditional_escape(value)


def _formatted(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe value safe."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return _shown(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308


def _attrs(widget: dict[str, Any]) -> str:
    """attrs.html (no newline at its end)."""
    parts = []
    for name, value in widget["attrs"].items():
        if value is False:
            continue
        parts.append(
            f" {_shown(name)}" if value is True else f' {_shown(name)}="{_formatted(value)}"'
        )
    return "".join(parts)


def _input(widget: dict[str, Any]) -> str:
    """input.html."""
    value = widget["value"]
    shown_value = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"'
        f"{shown_value}{_attrs(widget)}>\n"
    )


def _including_input(widget: dict[str, Any]) -> str:
    """text.html, number.html, checkbox.html, ...: an include of input.html."""
    return _input(widget) + "\n"


def _input_option(widget: dict[str, Any]) -> str:
    """input_option.html."""
    if not widget.get("wrap_label"):
        return _input(widget) + "\n"
    element_id = widget["attrs"].get("id")
    label_for = f' for="{_shown(element_id)}"' if element_id else ""
    return f"<label{label_for}>{_input(widget)} {_shown(widget['label'])}</label>\n"


def _including_input_option(widget: dict[str, Any]) -> str:
    """checkbox_option.html, radio_option.html: an include of input_option.html."""
    return _input_option(widget) + "\n"


def _select_option(widget: dict[str, Any]) -> str:
    """select_option.html."""
    return (
        f'<option value="{_formatted(widget["value"])}"{_attrs(widget)}>'
        f"{_shown(widget['label'])}</option>\n"
    )


def _select(widget: dict[str, Any]) -> str | None:
    """select.html; None for options with a template of their own (left to the template)."""
    parts = [f'<select name="{_shown(widget["name"])}"{_attrs(widget)}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in group_choices:
            if option["template_name"] != WIDGETS + "select_option.html":
                return None
            parts.append("\n  " + _select_option(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _textarea(widget: dict[str, Any]) -> str:
    """textarea.html."""
    value = widget["value"]
    text = _shown(value) if value else ""
    return f'<textarea name="{_shown(widget["name"])}"{_attrs(widget)}>\n{text}</textarea>\n'


INPUTS = ("text", "number", "email", "url", "password", "hidden", "date", "datetime", "time")
IN_PYTHON: dict[str, Callable[[dict[str, Any]], str | None]] = {
    WIDGETS + "input.html": _input,
    **{f"{WIDGETS}{name}.html": _including_input for name in (*INPUTS, "search", "tel")},
    WIDGETS + "checkbox.html": _including_input,
    WIDGETS + "input_option.html": _input_option,
    WIDGETS + "checkbox_option.html": _including_input_option,
    WIDGETS + "radio_option.html": _including_input_option,
    WIDGETS + "select.html": _select,
    WIDGETS + "select_option.html": _select_option,
    WIDGETS + "textarea.html": _textarea,
}


class WidgetsInPython(DjangoTemplates):
    """Django's default form renderer, with the widgets of `IN_PYTHON` written in Python."""

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        in_python = IN_PYTHON.get(template_name)
        html = in_python(context["widget"]) if in_python is not None else None
        if html is None:
            return super().render(template_name, context, request)
        return html.strip()  # as BaseRenderer.render


WIDGETS_IN_PYTHON = WidgetsInPython()
