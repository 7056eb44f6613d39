"""A signal's entry on the timeline, written in Python.

A youth's timeline is mostly signals (sixteen on an average file, a hundred on a long one), and
the template engine spent about 0.2 ms on each entry: some thirty variable lookups, each trying
a dictionary key before the attribute, a translation, a date, a link, a form with its CSRF
token. This tag writes the same HTML, to the byte and with the same escaping (the timeline
template, home/_timeline.html, keeps every other kind of entry; `test_timeline_entries.py`
compares a signal's entry with what the template made of it)."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from baken.home.timeline import TimelineItem
from baken.signalling.models import Signal

register = template.Library()


def _csrf_input(token: str | None) -> str:
    """What `{% csrf_token %}` renders."""
    if not token or token == "NOTPROVIDED":  # noqa: S105 - Django's marker, not a secret
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@register.simple_tag(takes_context=True)
def signal_entry(context: template.Context, item: TimelineItem) -> SafeString:
    """The `<li>` of a signal, preceded by the line break the template's loop puts before each
    entry."""
    signal = item.obj
    assert isinstance(signal, Signal)  # noqa: S101 - the template calls this for signals only
    esc = conditional_escape
    by = signal.recorded_by
    kind = gettext("Niet-pluis feeling") if signal.is_gut_feeling else gettext("Signal")
    parts = [
        '\n  <li class="baken-timeline__item baken-timeline__item--signal">\n'
        f'    <p class="baken-timeline__meta">{esc(date_format(item.day, "DATE_FORMAT"))} ·\n'
        f"    \n      {esc(kind)}\n"
        f"      · {esc(signal.get_context_display())} · {esc(signal.get_source_display())}"
        f" · <strong>{esc(signal.get_concern_display())}</strong>\n"
        f"      · {esc(by.get_full_name() or by.username)}\n    </p>\n    \n      "
    ]
    if signal.corrects_id:
        day = esc(date_format(signal.corrects_observed_on, "DATE_FORMAT"))  # type: ignore[attr-defined]
        correction = gettext("Correction of the signal of %(day)s") % {"day": day}
        parts.append(f'<p class="utrecht-paragraph"><em>{correction}</em></p>')
    parts.append("\n      ")
    if signal.note:
        parts.append(
            f'<p class="utrecht-paragraph">{linebreaksbr(signal.note, autoescape=True)}</p>'
        )
    parts.append("\n      ")
    if item.indicators:
        entries = "".join(f"<li>{esc(text)}</li>" for text in item.indicators)
        parts.append(f"<ul>{entries}</ul>")
    parts.append("\n      ")
    if not context.get("printing"):
        user = context.get("user")
        change = ""
        if user is not None and signal.recorded_by_id == user.pk and signal.is_editable():
            amend = reverse("signalling:amend", args=[signal.pk])
            change = f'<a class="utrecht-link" href="{esc(amend)}">{esc(gettext("Change"))}</a> ·'
        meldcode = ""
        if not context.get("open_trajectory"):
            meldcode = (
                f'· <form class="baken-inline-form" method="post"'
                f' action="{esc(str(context.get("meldcode_start_url", "")))}">'
                f"{_csrf_input(context.get('csrf_token'))}"
                f'<input type="hidden" name="signal" value="{signal.pk}">'
                '<button class="utrecht-button utrecht-button--subtle" type="submit">'
                f"{esc(gettext('Start the meldcode from this signal'))}</button></form>"
            )
        parts.append(
            '\n      <p class="utrecht-paragraph">\n'
            f"        {change}\n"
            f'        <a class="utrecht-link" href="{esc(str(context.get("record_url", "")))}'
            f'?corrects={signal.pk}">{esc(gettext("Record a correction"))}</a>\n'
            f"        {meldcode}\n      </p>\n      "
        )
    parts.append("\n    \n  </li>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
