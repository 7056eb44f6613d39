"""Template filters that put the keyboard focus on a form page's first field (`autofocus`).

A page opts in where it includes the form: `{% include "form_fields.html" with form=form
autofocus=True %}`. Pages whose form is not their purpose (a filter above a list, a small form
on a detail page) leave it out, so the browser does not jump past what the page shows.
"""

from typing import Any

from django import forms, template
from django.forms.boundfield import BoundWidget
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def field_to_focus(wanted: object, form: forms.BaseForm) -> str:
    """`{% with focus=autofocus|field_to_focus:form %}`: the name of the field to focus, the first
    visible field with an error, else the first visible field; "" when the page did not ask for
    focus (`autofocus` false or not given) or the form has no visible field."""
    if not wanted:
        return ""
    visible = form.visible_fields()
    with_errors = [field for field in visible if field.errors]
    chosen = (with_errors or visible)[:1]
    return chosen[0].name if chosen else ""


@register.filter
def with_autofocus(widget: forms.BoundField | BoundWidget) -> SafeString:
    """Render a field's widget (or one radio button or check box of it) with `autofocus`."""
    if isinstance(widget, BoundWidget):
        data: dict[str, Any] = {**widget.data, "attrs": {**widget.data["attrs"], "autofocus": True}}
        return BoundWidget(widget.parent_widget, data, widget.renderer).tag()
    return widget.as_widget(attrs={"autofocus": True})
