"""Input that is checked, not silently dropped: impossible dates, implausible birth dates and
over-long texts are refused at the field with a message."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from baken.cases.forms import YouthForm
from baken.cases.models import Youth
from baken.lib.text_limits import NOTE_MAX
from baken.signalling.forms import DailyReportForm
from baken.testing import Cast


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    """Forms used outside a request speak the default language, whatever ran before."""
    with translation.override("nl"):
        yield


def _youth_data(cast: Cast, **changes: str) -> dict[str, object]:
    data: dict[str, object] = {
        "given_names": "Lisa",
        "family_name": "de Boer",
        "date_of_birth": "12-04-2012",
        "sex": "female",
        "care_form": "residential",
        "care_start": "01-09-2026",
        "teams": [cast.team_a1.pk],
    }
    return data | changes


@pytest.mark.django_db
def test_31_february_is_an_error_at_the_birth_date_not_no_birth_date(cast: Cast) -> None:
    form = YouthForm(_youth_data(cast, date_of_birth="31-02-2012"), user=cast.worker_a)
    assert not form.is_valid()
    assert "bestaat niet" in form.errors["date_of_birth"][0]


@pytest.mark.django_db
def test_a_birth_date_in_1900_asks_for_confirmation(cast: Cast) -> None:
    form = YouthForm(_youth_data(cast, date_of_birth="01-01-1900"), user=cast.worker_a)
    assert not form.is_valid()
    assert "jaar" in form.errors["date_of_birth"][0]
    assert "Ik bevestig deze geboortedatum" in form.as_div()
    confirmed = YouthForm(
        _youth_data(cast, date_of_birth="01-01-1900", confirm_date_of_birth="on"),
        user=cast.worker_a,
    )
    assert confirmed.is_valid(), confirmed.errors
    assert confirmed.cleaned_data["date_of_birth"] == date(1900, 1, 1)
    assert "confirm_date_of_birth" not in confirmed.cleaned_data


@pytest.mark.django_db
def test_a_birth_date_in_the_future_is_refused_even_when_confirmed(cast: Cast) -> None:
    tomorrow = timezone.localdate().replace(year=timezone.localdate().year + 1)
    data = _youth_data(
        cast, date_of_birth=tomorrow.strftime("%d-%m-%Y"), confirm_date_of_birth="on"
    )
    form = YouthForm(data, user=cast.worker_a)
    assert not form.is_valid()
    assert "toekomst" in form.errors["date_of_birth"][0]


@pytest.mark.django_db
def test_a_plausible_birth_date_in_iso_or_dutch_order_is_accepted(cast: Cast) -> None:
    for typed in ("12-04-2012", "2012-04-12", "12/04/2012"):
        form = YouthForm(_youth_data(cast, date_of_birth=typed), user=cast.worker_a)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["date_of_birth"] == date(2012, 4, 12)


@pytest.mark.django_db
def test_the_youth_form_posts_31_february_back_with_the_error(
    cast: Cast, client_for: object
) -> None:
    client: Client = client_for(cast.worker_a)  # type: ignore[operator]
    response = client.post("/youths/new/", _youth_data(cast, date_of_birth="31-02-2012"))
    assert response.status_code == 200
    assert "bestaat niet" in response.content.decode()
    assert not Youth.objects.exists()


def test_a_note_over_the_limit_is_refused_with_how_much_to_cut() -> None:
    form = DailyReportForm({"report_date": "01-11-2026", "text": "x" * (NOTE_MAX + 20)})
    form.is_valid()
    message = form.errors["text"][0]
    assert f"{NOTE_MAX + 20} tekens" in message
    assert "20 tekens korter" in message


def test_a_note_box_has_a_counter_and_no_browser_cut_off() -> None:
    html = str(DailyReportForm()["text"])
    assert f'data-maxlength="{NOTE_MAX}"' in html
    assert "maxlength=" not in html.replace("data-maxlength=", "")
    assert f"Ten hoogste {NOTE_MAX} tekens." in html


def test_every_text_box_on_the_institution_side_has_a_limit() -> None:
    import importlib

    from django import forms

    for app in ("cases", "signalling", "screening", "meldcode", "registration", "partners"):
        module = importlib.import_module(f"baken.{app}.forms")
        for form_class in vars(module).values():
            if not (isinstance(form_class, type) and issubclass(form_class, forms.BaseForm)):
                continue
            fields: dict[str, Any] = getattr(form_class, "base_fields", {})
            for name, field in fields.items():
                if isinstance(field.widget, forms.Textarea):
                    assert field.max_length, f"{form_class.__name__}.{name} has no limit"
