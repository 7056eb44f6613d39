"""A signal's entry on the timeline, written in Python (home/templatetags/timeline_entries.py),
is to the byte what the timeline template made of it: gut feeling or not, a correction, a note
with line breaks and characters to escape, indicators, the link to change one's own recent
signal, printing, an open meldcode trajectory, in Dutch and in English."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from baken.cases.testing import make_youth
from baken.home.templatetags.timeline_entries import signal_entry
from baken.home.timeline import build_timeline
from baken.signalling.models import Indicator
from baken.signalling.services import record_signal
from baken.testing import Cast

pytestmark = pytest.mark.django_db

# A signal's entry as home/_timeline.html wrote it before the tag (the loop's line break before
# each entry is added in the test, the one after it stays the loop's).
TEMPLATE = Template(
    (Path(__file__).parent / "data" / "signal_entry_as_template.html").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("printing", [False, True])
@pytest.mark.parametrize("open_trajectory", [None, "trajectory"])
def test_a_signals_entry_is_what_the_template_made_of_it(
    cast: Cast, language: str, printing: bool, open_trajectory: str | None
) -> None:
    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    first = record_signal(
        youth=youth,
        by=cast.worker_a2,
        request=None,
        observed_on=timezone.localdate() - timedelta(days=3),
        context="online",
        source="third_party",
        concern="low",
        indicators=[],
        note="Een <b>vaag</b> gevoel & nog iets.\nTweede regel.",
    )
    record_signal(
        youth=youth,
        by=cast.worker_a,
        request=None,
        observed_on=timezone.localdate(),
        context="living_group",
        source="seen",
        concern="high",
        indicators=list(Indicator.objects.filter(catalogue__is_current=True)[:3]),
        note="",
        corrects=first,
    )
    with translation.override(language):
        items = build_timeline(youth)
        assert [item.kind for item in items] == ["signal", "signal"]
        for item in items:
            context = {
                "item": item,
                "user": cast.worker_a,
                "printing": printing,
                "open_trajectory": open_trajectory,
                "record_url": "/signals/youth/J-X/signal/",
                "meldcode_start_url": "/meldcode/youth/J-X/start/",
                "csrf_token": "tok<en>",
            }
            expected = "\n" + TEMPLATE.render(Context(context))
            assert signal_entry(Context(context), item) == expected
