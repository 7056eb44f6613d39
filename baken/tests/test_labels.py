"""Every code has a label in Dutch and English, and no code reaches the screen.

The choices of every model field of Baken's apps are checked one by one; then the main pages are
rendered over the demo data (youths with signals, consultations, screenings, meldcode steps,
registrations and disclosures, an audit log full of object kinds and roles) in both languages,
and their visible text is searched for raw codes."""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core import mail
from django.db.models import Field, Model
from django.test import Client
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

from baken.accounts.models import User
from baken.audit.labels import OBJECT_KINDS, object_kind_label
from baken.audit.models import AuditEntry
from baken.cases.models import Youth
from baken.meldcode.models import Trajectory
from baken.registration.models import RegistrationTask
from baken.signalling.models import Consultation
from baken.testing import log_in_verified


def _baken_models() -> list[type[Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("baken.")]


def _choice_fields() -> list[tuple[str, Field[object, object]]]:
    return [
        (f"{model._meta.label}.{field.name}", field)
        for model in _baken_models()
        for field in model._meta.get_fields()
        if isinstance(field, Field) and field.choices
    ]


def _dutch_catalogue() -> dict[str, str]:
    return dict(trans_real.translation("nl")._catalog.items())  # type: ignore[attr-defined]


def test_every_choice_of_every_model_field_has_a_dutch_and_english_label() -> None:
    catalogue = _dutch_catalogue()
    problems = []
    for name, field in _choice_fields():
        for value, label in field.flatchoices:
            if not isinstance(label, Promise):
                problems.append(f"{name}={value!r}: label {label!r} is not translatable")
                continue
            with translation.override("en"):
                english = str(label)
            with translation.override("nl"):
                dutch = str(label)
            if english == str(value) or dutch == str(value):
                problems.append(f"{name}={value!r}: the label is the code")
            if english not in catalogue:
                problems.append(f"{name}={value!r}: no Dutch translation of {english!r}")
    assert not problems, "\n".join(problems)


def test_every_object_kind_in_the_audit_log_has_a_dutch_and_english_label() -> None:
    catalogue = _dutch_catalogue()
    kinds = set(OBJECT_KINDS) | {m._meta.model_name or "" for m in _baken_models()}
    problems = []
    for kind in sorted(kinds):
        with translation.override("en"):
            english = object_kind_label(kind)
        with translation.override("nl"):
            dutch = object_kind_label(kind)
        if english == kind or dutch == kind or english not in catalogue:
            problems.append(kind)
    assert not problems, f"object kinds without a Dutch and English label: {problems}"


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _visible_texts(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    # e-mail addresses and web addresses of (demo) partners may contain words like "police"
    return [re.sub(r"\S+@\S+|https?://\S+", " ", part) for part in parser.parts]


def _log_in_names_shown(texts: list[str], log_in_names: set[str]) -> set[str]:
    """Log-in names standing where a person is named: alone in a cell, or between separators."""
    return {
        fragment.strip()
        for text in texts
        for fragment in re.split(r"[·,;:()→\n]", text)
        if fragment.strip() in log_in_names
    }


def _words(texts: object) -> set[str]:
    return {w.lower() for text in texts for w in re.findall(r"[\w-]+", str(text))}  # type: ignore[attr-defined]


def _codes() -> set[str]:
    """Every code a page could show by mistake: choice values and the audit log's object kinds."""
    values = {str(v) for _, field in _choice_fields() for v, _ in field.flatchoices}
    values |= {m._meta.model_name or "" for m in _baken_models()}
    values |= set(OBJECT_KINDS)
    return {v for v in values if re.fullmatch(r"[a-z][a-z0-9_]+", v)}


def _codes_to_look_for(language: str) -> re.Pattern[str]:
    """Codes with an underscore are never words. A code that is one word is looked for only if
    the language's own texts never use it as a word ("refused" on a Dutch page is a code; "online"
    is Dutch too)."""
    if language == "nl":
        words = _words(_dutch_catalogue().values())
    else:
        words = _words(_dutch_catalogue().keys())
    codes = {c for c in _codes() if "_" in c or c not in words}
    alternatives = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def _main_pages() -> list[tuple[User, str]]:
    officer = User.objects.get(username="officer")
    worker = User.objects.get(username="worker")
    privacy = User.objects.get(username="privacy")
    manager = User.objects.get(username="manager")
    own = Youth.objects.filter(organisation=officer.organisation)
    pages: list[tuple[User, str]] = [
        (worker, "/"),
        (officer, "/"),
        (officer, "/signals/overview/"),
        (officer, "/meldcode/"),
        (officer, "/registration/"),
        (manager, "/insight/"),
        (privacy, "/"),
        (privacy, "/audit/"),
        (privacy, "/audit/?page=2"),
        (privacy, "/youths/emergency-access/"),
    ]
    pages += [(officer, f"/youths/{y.pseudonym}/") for y in own]
    pages += [(privacy, f"/audit/youth/?youth_pseudonym={y.pseudonym}") for y in own]
    pages += [(officer, f"/meldcode/{t.pk}/") for t in Trajectory.objects.filter(youth__in=own)]
    pages += [
        (officer, f"/registration/task/{t.pk}/")
        for t in RegistrationTask.objects.filter(youth__in=own)
    ]
    pages += [
        (officer, f"/signals/consultation/{c.pk}/")
        for c in Consultation.objects.filter(youth__in=own, addressed_to=officer)
    ]
    return pages


@pytest.mark.django_db
def test_main_pages_show_labels_and_names_never_codes_or_log_in_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from baken.operations import demo_data

    # The institution side of the demo; the registry's synthetic history is not shown here.
    monkeypatch.setattr(demo_data, "_load_demo_registry_source", lambda: None)
    monkeypatch.setattr(demo_data, "_load_demo_registry_history", lambda: None)
    demo_data.load_demo_data()
    mail.outbox.clear()
    assert AuditEntry.objects.filter(object_type="steprecord").exists()
    log_in_names = {u.username for u in User.objects.exclude(first_name="")}
    problems = []
    pages = _main_pages()
    for language in ("nl", "en"):
        codes = _codes_to_look_for(language)
        for user, url in pages:
            client = log_in_verified(Client(), user)
            client.cookies["django_language"] = language
            with translation.override(language):  # the request's language ends with it
                response = client.get(url, headers={"accept-language": language})
            assert response.status_code == 200, url
            texts = _visible_texts(response.content.decode())
            found = set(codes.findall(" ".join(texts)))
            names = _log_in_names_shown(texts, log_in_names)
            if found or names:
                problems.append(f"{language} {user.username} {url}: {sorted(found | names)}")
    assert not problems, "\n".join(problems)
