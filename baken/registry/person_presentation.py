"""How the analyst sees registrations, pairs and persons: labels in the user's language (never
raw codes), the evidence of a link in words, and why a pair is no longer in review."""

from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baken.registry.clerical import PairState, Standing
from baken.registry.code_lists import label as code_label
from baken.registry.link_evidence import Evidence, Verdict
from baken.registry.models import PairDecision, Registration
from baken.registry.release_presentation import category_label


def country_label(code: str) -> str:
    return code_label("country", code)


COMPARISON_NAMES = {
    "name": gettext_lazy("Name (keyed)"),
    "birth": gettext_lazy("Date of birth (keyed)"),
    "sex": gettext_lazy("Sex"),
}

# The comparison levels of registry/record_linkage.py, for display in the user's language.
LEVEL_LABELS = {
    "name missing": gettext_lazy("name missing"),
    "same name": gettext_lazy("same name"),
    "same name parts in another order or field": gettext_lazy(
        "same name parts, in another order or field"
    ),
    "same surname, one of two given names": gettext_lazy(
        "same surname and one of the two given names"
    ),
    "names nearly equal (Dice >= 0.85)": gettext_lazy(
        "names nearly equal (Bloom filter similarity ≥ 0.85)"
    ),
    "names sound alike or Dice >= 0.7": gettext_lazy("names sound alike or are similar (≥ 0.7)"),
    "names sound alike": gettext_lazy("given name and surname sound alike"),
    "same given name, surname alike (Dice >= 0.7)": gettext_lazy(
        "same given name, surname similar (≥ 0.7)"
    ),
    "same surname, given name alike (Dice >= 0.7)": gettext_lazy(
        "same surname, given name similar (≥ 0.7)"
    ),
    "same surname, given name alike (Dice >= 0.8)": gettext_lazy(
        "same surname, given name similar (≥ 0.8)"
    ),
    "same given name, one surname a part of the other": gettext_lazy(
        "same given name; one surname is part of the other (double or married name)"
    ),
    "same given names, surname missing on one side": gettext_lazy(
        "same given names; the surname is missing on one side"
    ),
    "names alike (Dice >= 0.7)": gettext_lazy("names similar (≥ 0.7)"),
    "same surname, given name missing on one side": gettext_lazy(
        "same surname; the given name is missing on one side"
    ),
    "same surname, other given name": gettext_lazy("same surname, different given name"),
    "same surname (reference of the surname's term frequencies)": gettext_lazy("same surname"),
    "same given name only": gettext_lazy("same given name, different surname"),
    "names differ": gettext_lazy("names differ"),
    "date of birth missing": gettext_lazy("date of birth missing"),
    "same date of birth": gettext_lazy("same date of birth"),
    "day and month swapped": gettext_lazy("day and month swapped"),
    "dates one day apart": gettext_lazy("dates of birth one day apart"),
    "same day and month, years one apart": gettext_lazy(
        "same day and month of birth, year differs by one"
    ),
    "same year, day unknown on one side (year only, 1 January)": gettext_lazy(
        "same year of birth; the day is unknown on one side (year only or 1 January)"
    ),
    "same year, other date": gettext_lazy("same year of birth, different date"),
    "years one apart, day unknown on one side": gettext_lazy(
        "year of birth differs by one; the day is unknown on one side"
    ),
    "years one apart, other date": gettext_lazy("year of birth differs by one"),
    "years up to 3 apart, day unknown on one side (an estimated year)": gettext_lazy(
        "years of birth up to three apart; the day is unknown on one side (an estimated age)"
    ),
    "dates differ": gettext_lazy("dates of birth differ"),
    "sex missing": gettext_lazy("sex unknown on one side (neither agreement nor disagreement)"),
    "same sex": gettext_lazy("same sex"),
    "sex differs": gettext_lazy("sex differs"),
}

VERDICT_WORDS = {
    Verdict.STRONG_FOR: gettext_lazy("strong evidence of the same person"),
    Verdict.FOR: gettext_lazy("evidence of the same person"),
    Verdict.NEUTRAL: gettext_lazy("hardly evidence either way"),
    Verdict.AGAINST: gettext_lazy("evidence of different people"),
    Verdict.STRONG_AGAINST: gettext_lazy("strong evidence of different people"),
    Verdict.UNKNOWN: gettext_lazy("unknown: no evidence either way"),
}


def level_label(label: str) -> str:
    return str(LEVEL_LABELS.get(label, label))


def signed(weight: float | None) -> str:
    if weight is None:
        return "—"
    return ("+" if weight > 0 else "") + number_format(round(weight, 1), 1)


def evidence_rows(evidence: list[Evidence]) -> list[dict[str, str]]:
    """One row per comparison: what was compared, how it compared, the weight and the verdict."""
    return [
        {
            "comparison": str(COMPARISON_NAMES.get(e.comparison, e.comparison)),
            "level": level_label(e.level),
            "weight": signed(e.weight),
            "verdict": str(VERDICT_WORDS[e.verdict]),
            "verdict_key": e.verdict.value,
        }
        for e in evidence
    ]


def value_label(table_key: str, value: str, regions: dict[str, str]) -> str:
    return category_label(table_key, value, regions) if value else "—"


def registration_facts(r: Registration, regions: dict[str, str]) -> dict[str, Any]:
    """What the registry holds in plaintext about a registration, with labels."""
    return {
        "reference": r.reference,
        "source": r.source.name,
        "source_kind": value_label("source_kind", r.source.kind, regions),
        "reported_on": r.reported_on,
        "received_at": r.received_at,
        "birth_year": r.birth_year or "—",
        "sex": value_label("sex", r.sex, regions),
        "nationality": country_label(r.nationality) if r.nationality else "—",
        "country_of_birth": (country_label(r.country_of_birth) if r.country_of_birth else "—"),
        "forms": ", ".join(value_label("form", f, regions) for f in r.forms) or "—",
        "region": value_label("region", r.reporter_region, regions),
        "status": r.get_status_display(),
    }


def comparison_rows(
    left: Registration, right: Registration, regions: dict[str, str]
) -> list[tuple[str, Any, Any]]:
    """The two registrations of a pair side by side."""
    a, b = registration_facts(left, regions), registration_facts(right, regions)
    fields = [
        ("source", _("Source")),
        ("source_kind", _("Kind of source")),
        ("reported_on", _("Reported on")),
        ("birth_year", _("Year of birth")),
        ("sex", _("Sex")),
        ("nationality", _("Nationality")),
        ("country_of_birth", _("Country of birth")),
        ("forms", _("Forms of exploitation")),
        ("region", _("Reporting region")),
    ]
    return [(label, a[key], b[key]) for key, label in fields]


def decision_label(decision: str) -> str:
    return str(dict(PairDecision.choices).get(decision, decision))


def why_not_in_review(state: PairState) -> str:
    """Why a pair is no longer among the uncertain pairs, in a sentence."""
    pair = state.pair
    if state.standing == Standing.WITHDRAWN:
        return _("one of the two registrations has been withdrawn.")
    if pair is None or state.standing == Standing.NOT_SCORED:
        return _(
            "the last linkage did not compare these two registrations: they share no name or "
            "date-of-birth key."
        )
    probability = number_format(pair.match_probability, 2)
    if state.standing == Standing.DECIDED:
        return _("%(who)s decided on %(when)s: %(decision)s.") % {
            "who": pair.decided_by.get_full_name() or pair.decided_by.username
            if pair.decided_by
            else _("an analyst"),
            "when": date_format(pair.decided_at, "SHORT_DATETIME_FORMAT")
            if pair.decided_at
            else "—",
            "decision": decision_label(pair.decision).lower(),
        }
    if state.standing == Standing.LINKED:
        return _(
            "the model now links them by itself (match probability %(p)s, at or above the link "
            "threshold %(t)s)."
        ) % {"p": probability, "t": number_format(state.threshold, 2)}
    return _(
        "the model now holds them to be different people (match probability %(p)s, below the "
        "review band)."
    ) % {"p": probability}
