"""The main menu, rendered once per process for each combination of what it depends on.

The menu follows only the user's roles, the kind of their organisation, the language and the
URL conf (which side this deployment serves: URLs that are not served reverse to nothing).
Rendering its template (thirteen URL reversals, a dozen translations, twenty role tests) cost
about 1 ms of every page; now a page looks the finished HTML up. A role taken away still
disappears from the menu at the next click: the roles are part of the key, and they are read on
every request.
"""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import URLResolver, get_resolver, get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> SafeString:
    """`{% main_menu %}`: the logged-in user's main menu (`templates/menu.html`)."""
    user = context["user"]
    organisation = user.organisation
    return _rendered(
        translation.get_language(),
        get_script_prefix(),
        get_resolver(get_urlconf()),
        user.role_set,
        organisation.kind if organisation is not None else "",
    )


@lru_cache(maxsize=512)
def _rendered(
    language: str,
    script_prefix: str,
    urls: URLResolver,
    roles: frozenset[str],
    organisation_kind: str,
) -> SafeString:
    """The menu's HTML; the arguments are the key (the language is the active one; `urls`, the
    URL conf in use, is a new object whenever the URL conf changes, as in tests)."""
    html = render_to_string("menu.html", {"roles": roles, "organisation_kind": organisation_kind})
    return mark_safe(html)  # noqa: S308 - rendered from our own template, escaped there
