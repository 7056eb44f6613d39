"""Signals: recording, the 24-hour rule, corrections, daily reports, suggestions, versions."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baken.accounts.models import User
from baken.audit.models import AuditEntry, AuditEvent
from baken.cases.models import ExploitationForm, Youth
from baken.cases.testing import make_youth
from baken.signalling import services
from baken.signalling.catalogue import FIRST_CATALOGUE, load_catalogue, read_catalogue_file
from baken.signalling.models import (
    Indicator,
    IndicatorCatalogue,
    IndicatorKind,
    Signal,
)
from baken.signalling.suggestions import Candidate, suggest
from baken.testing import Cast

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


@pytest.fixture
def youth(cast: Cast) -> Youth:
    return make_youth(cast.worker_a, teams=[cast.team_a1])


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(catalogue__is_current=True, code=code)


def record(youth: Youth, by: User, **changes: object) -> Signal:
    fields: dict[str, object] = {
        "observed_on": timezone.localdate(),
        "context": "living_group",
        "source": "seen",
        "concern": "medium",
        "indicators": [],
        "note": "Ze was stil en had een nieuwe telefoon.",
    }
    fields.update(changes)
    return services.record_signal(youth=youth, by=by, request=None, **fields)  # type: ignore[arg-type]


def test_the_catalogue_covers_every_form_with_sixty_plus_bilingual_indicators() -> None:
    catalogue = IndicatorCatalogue.objects.get(is_current=True)
    indicators = catalogue.indicators.all()
    assert indicators.count() >= 60
    for form in ExploitationForm.objects.all():
        assert indicators.filter(forms=form).exists(), form.code
    assert indicators.filter(kind=IndicatorKind.RISK_FACTOR).exists()
    assert indicators.filter(kind=IndicatorKind.GENERAL).exists()
    for item in indicators:
        assert item.text_nl and item.text_en and item.example_nl and item.example_en
    assert "smokkel" in catalogue.guidance_nl and "smuggling" in catalogue.guidance_en
    codes = set(ExploitationForm.objects.values_list("code", flat=True))
    assert {"criminal", "financial", "forced-marriage", "surrogacy", "illegal-adoption"} <= codes


def test_worker_records_a_niet_pluis_feeling_in_two_steps(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    response = client_for(cast.worker_a).post(
        reverse("signalling:record", args=[youth.pseudonym]),
        {
            "observed_on": timezone.localdate().isoformat(),
            "context": "living_group",
            "source": "seen",
            "note": "Niet pluis: ze kwam laat terug en wilde niet zeggen waar ze was.",
            "concern": "medium",
            "save": "1",
        },
    )

    assert response["Location"] == reverse("home:youth", args=[youth.pseudonym])
    signal = Signal.objects.get()
    assert signal.is_gut_feeling
    assert signal.note.startswith("Niet pluis")
    assert AuditEntry.objects.filter(
        event=AuditEvent.CREATE, object_type="signal", youth_pseudonym=youth.pseudonym
    ).exists()


def test_an_empty_signal_is_refused_with_a_clear_message(cast: Cast, youth: Youth) -> None:
    with pytest.raises(ValidationError, match="niet-pluis"):
        record(youth, cast.worker_a, note="  ")


def test_a_signal_can_be_changed_by_its_author_within_24_hours_only(
    cast: Cast, youth: Youth
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        signal = record(youth, cast.worker_a)
        changed = services.amend_signal(
            signal=signal,
            by=cast.worker_a,
            request=None,
            observed_on=signal.observed_on,
            context="school",
            source="seen",
            concern="high",
            indicators=[indicator("g-phones")],
            note="Twee telefoons gezien.",
        )
        assert changed.concern == "high" and not changed.is_gut_feeling

        with pytest.raises(ValidationError, match="Alleen wie een signaal vastlegde"):
            services.amend_signal(
                signal=signal,
                by=cast.officer_a,
                request=None,
                observed_on=signal.observed_on,
                context="school",
                source="seen",
                concern="low",
                indicators=[],
                note="x",
            )

        clock.move_to(start + timedelta(hours=24, minutes=1))
        with pytest.raises(ValidationError, match="na 24 uur"):
            services.amend_signal(
                signal=signal,
                by=cast.worker_a,
                request=None,
                observed_on=signal.observed_on,
                context="school",
                source="seen",
                concern="low",
                indicators=[],
                note="x",
            )
    signal.refresh_from_db()
    assert signal.concern == "high"


def test_after_24_hours_a_correction_is_a_new_entry_referring_to_the_original(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    original = record(youth, cast.worker_a)
    Signal.objects.filter(pk=original.pk).update(recorded_at=timezone.now() - timedelta(days=2))
    client = client_for(cast.worker_a)

    blocked = client.post(reverse("signalling:amend", args=[original.pk]), {})
    client.post(
        reverse("signalling:record", args=[youth.pseudonym]) + f"?corrects={original.pk}",
        {
            "observed_on": timezone.localdate().isoformat(),
            "context": "living_group",
            "source": "seen",
            "note": "Correctie: het was een geleende telefoon.",
            "concern": "low",
            "save": "1",
        },
    )

    assert blocked.status_code == 200
    correction = Signal.objects.exclude(pk=original.pk).get()
    assert correction.corrects == original
    original.refresh_from_db()
    assert original.note == "Ze was stil en had een nieuwe telefoon."


@pytest.mark.parametrize("corrects", ["abc", "1.5", "99999999999999999999999", "-1"])
def test_a_correction_of_a_signal_that_is_no_number_is_a_404(
    client_for: ClientFor, cast: Cast, youth: Youth, corrects: str
) -> None:
    url = reverse("signalling:record", args=[youth.pseudonym]) + f"?corrects={corrects}"

    assert client_for(cast.worker_a).get(url).status_code == 404


def test_marking_a_suspicion_in_the_daily_report_records_a_linked_signal(
    client_for: ClientFor, cast: Cast, youth: Youth
) -> None:
    client_for(cast.worker_a).post(
        reverse("signalling:daily_report", args=[youth.pseudonym]),
        {
            "report_date": timezone.localdate().isoformat(),
            "text": "Rustige dag, huiswerk gemaakt.",
            "safety_note": "Werd om 22.00 opgehaald door een onbekende auto.",
            "suspicion": "on",
        },
    )

    signal = Signal.objects.get()
    assert signal.daily_report is not None
    assert signal.daily_report.safety_note == signal.note
    assert AuditEntry.objects.filter(object_type="dailyreport").exists()


def test_a_daily_report_without_suspicion_records_no_signal(cast: Cast, youth: Youth) -> None:
    services.write_daily_report(
        youth=youth,
        by=cast.worker_a,
        request=None,
        report_date=date(2026, 11, 1),
        text="Goede dag.",
        safety_note="",
        suspicion=False,
    )
    assert not Signal.objects.exists()


def test_suggestions_turn_the_words_of_a_note_into_indicators(cast: Cast, youth: Youth) -> None:
    suggested = services.suggest_indicators(
        youth=youth, note="Ze heeft sinds kort twee telefoons en draagt nieuwe merkkleding."
    )
    codes = [item.code for item in suggested]
    assert "g-phones" in codes and "g-money-goods" in codes


def test_suggestions_offer_what_was_recorded_before_for_this_youth(
    cast: Cast, youth: Youth
) -> None:
    record(youth, cast.worker_a, indicators=[indicator("c-bank-card-lent")], note="")
    suggested = services.suggest_indicators(youth=youth, note="iets zit niet lekker")
    assert [item.code for item in suggested] == ["c-bank-card-lent"]


def test_suggestion_scoring_without_django() -> None:
    candidates = [
        Candidate(1, ("telefoon", "phone"), ("sexual-domestic",)),
        Candidate(2, ("geld",), ("labour",)),
        Candidate(3, ("telefoon",), ("criminal",)),
    ]
    chosen = suggest(
        note="Een TELEFOON en geld",
        candidates=candidates,
        history_forms={"criminal"},
        previously_recorded=set(),
    )
    assert chosen == [3, 1, 2]


def test_a_new_catalogue_version_keeps_old_signals_on_their_indicators(
    cast: Cast, youth: Youth
) -> None:
    old = indicator("g-phones")
    signal = record(youth, cast.worker_a, indicators=[old], note="")
    data = read_catalogue_file(FIRST_CATALOGUE)
    data["catalogue"]["version"] = "2027.1"
    data["catalogue"]["indicators"][1]["text_nl"] = "Heeft meer dan één telefoon"

    load_catalogue(
        data,
        form_model=ExploitationForm,
        catalogue_model=IndicatorCatalogue,
        indicator_model=Indicator,
        make_current=True,
    )

    assert IndicatorCatalogue.objects.get(is_current=True).version == "2027.1"
    assert indicator("g-phones").text_nl == "Heeft meer dan één telefoon"
    assert list(signal.indicators.all()) == [old]
    assert old.text_nl == "Heeft meerdere telefoons of simkaarten"


def test_load_catalogue_command_adds_a_version_and_refuses_a_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from django.core.management import call_command
    from django.core.management.base import CommandError

    data = read_catalogue_file(FIRST_CATALOGUE)
    data["catalogue"]["version"] = "2027.2"
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    call_command("load_catalogue", str(path), "--make-current")

    assert "2027.2: 66 indicators (current)" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already loaded"):
        call_command("load_catalogue", str(path))
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="expected the keys"):
        call_command("load_catalogue", str(broken))
