"""The evidence behind a link, per comparison: the level the two registrations reached and the
match weight the trained model gives that level (log2 of m / u: how much more often matches
reach it than non-matches), with a verdict in words. Term-frequency adjustments (a rare name
weighs more) come on top of the weights shown here; the match probability includes them.

Framework-free: the model as `LinkageRun.model` holds it (Splink's JSON) and a pair's levels
(comparison → level label) in, plain data out."""

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

UNKNOWN_SEX = ("", "unknown")


class Verdict(StrEnum):
    STRONG_FOR = "strong_for"
    FOR = "for"
    NEUTRAL = "neutral"
    AGAINST = "against"
    STRONG_AGAINST = "strong_against"
    UNKNOWN = "unknown"  # the field is missing on one side: no evidence either way


@dataclass(frozen=True)
class Evidence:
    comparison: str  # the model's comparison ("name", "birth", "sex")
    level: str  # the level's label in the model
    weight: float | None  # match weight in bits; None when the model has no estimate
    verdict: Verdict


def verdict_of(weight: float | None, *, missing: bool) -> Verdict:
    if missing or weight is None:
        return Verdict.UNKNOWN
    if weight >= 4:
        return Verdict.STRONG_FOR
    if weight >= 1:
        return Verdict.FOR
    if weight > -1:
        return Verdict.NEUTRAL
    if weight > -4:
        return Verdict.AGAINST
    return Verdict.STRONG_AGAINST


def level_weights(model: dict[str, Any]) -> dict[str, dict[str, tuple[float | None, bool]]]:
    """comparison → level label → (match weight, whether it is the 'missing' level)."""
    weights: dict[str, dict[str, tuple[float | None, bool]]] = {}
    for comparison in model.get("comparisons", []):
        by_label: dict[str, tuple[float | None, bool]] = {}
        for level in comparison.get("comparison_levels", []):
            missing = bool(level.get("is_null_level"))
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = math.log2(m / u) if m and u and not missing else None
            by_label[str(level.get("label_for_charts", ""))] = (weight, missing)
        weights[str(comparison.get("output_column_name", ""))] = by_label
    return weights


def link_evidence(
    model: dict[str, Any], levels: dict[str, str], *, sexes: tuple[str, str] = ("", "")
) -> list[Evidence]:
    """The evidence of each comparison of a pair. A sex that is unknown on either side is no
    evidence (pairs scored before unknown counted as missing said "sex differs" for male vs
    unknown)."""
    weights = level_weights(model)
    evidence = []
    for comparison, level in levels.items():
        weight, missing = weights.get(comparison, {}).get(level, (None, False))
        if comparison == "sex" and (sexes[0] in UNKNOWN_SEX or sexes[1] in UNKNOWN_SEX):
            level, weight, missing = "sex missing", None, True
        evidence.append(
            Evidence(comparison, level, weight, verdict_of(weight, missing=missing or not level))
        )
    return evidence
