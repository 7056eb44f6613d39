"""The registry's persons: linking its registrations into persons (the full re-link, linking one
new registration on arrival) and the analyst's clerical decisions on candidate pairs. The
computation is in record_linkage.py; this module reads and writes the database, and recounts the
statistics (releases.py) after every change."""

import logging
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from baken.accounts.models import User
from baken.audit.models import AuditEvent
from baken.audit.services import log_access
from baken.registry.models import (
    CandidatePair,
    LinkageRun,
    PairDecision,
    Registration,
)
from baken.registry.record_linkage import (
    BLOOM_BASE64_LENGTH,
    Decision,
    LinkageSettings,
    Progress,
    link,
    prepare,
    quiet_splink,
    splink_settings,
)
from baken.registry.releases import publish
from baken.registry.schemas import PSEUDONYM_COLUMNS

logger = logging.getLogger(__name__)
SETTINGS = LinkageSettings()


def registration_frame(registrations: Iterable[Registration]) -> pd.DataFrame:
    rows = [
        {
            "record_id": str(r.pk),
            "source": r.source.name,
            **{c: getattr(r, c) for c in PSEUDONYM_COLUMNS},
        }
        for r in registrations
    ]
    frame = pd.DataFrame(rows, columns=["record_id", "source", *PSEUDONYM_COLUMNS])
    frame["birth_year"] = frame["birth_year"].astype("string")
    # A Bloom filter of the wrong size (an old or faulty source) counts as missing, not as an error.
    frame["bf_name"] = [
        value if isinstance(value, str) and len(value) == BLOOM_BASE64_LENGTH else ""
        for value in frame["bf_name"]
    ]
    return frame


def level_labels() -> dict[str, dict[int, str]]:
    """For each comparison, gamma value → level label (the top level has the highest value)."""
    labels: dict[str, dict[int, str]] = {}
    for comparison in splink_settings()["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        null = next(lv for lv in comparison["comparison_levels"] if lv.get("is_null_level"))
        labels[comparison["output_column_name"]] = {
            len(levels) - 1 - index: level["label_for_charts"] for index, level in enumerate(levels)
        } | {-1: null["label_for_charts"]}
    return labels


def _levels_of(row: Any, labels: dict[str, dict[int, str]]) -> dict[str, str]:
    return {name: by_gamma.get(int(row[f"gamma_{name}"]), "") for name, by_gamma in labels.items()}


def _decisions() -> list[Decision]:
    return [
        Decision(str(left), str(right), decision == PairDecision.SAME)
        for left, right, decision in CandidatePair.objects.exclude(
            decision=PairDecision.NONE
        ).values_list("left_id", "right_id", "decision")
    ]


def rebuild(*, progress: Progress | None = None) -> LinkageRun:
    """Train and link everything again. Decisions on pairs are kept and applied."""
    run = LinkageRun.objects.create()
    registrations = list(Registration.objects.active().select_related("source"))
    result = link(registration_frame(registrations), decisions=_decisions(), progress=progress)
    labels = level_labels()
    with transaction.atomic():
        decided = {
            (pair.left_id, pair.right_id): pair
            for pair in CandidatePair.objects.exclude(decision=PairDecision.NONE)
        }
        CandidatePair.objects.filter(decision=PairDecision.NONE).delete()
        new_pairs = []
        for row in result.pairs.to_dict("records"):
            left, right = sorted((int(row["record_id_l"]), int(row["record_id_r"])))
            probability = float(row["match_probability"])
            levels = _levels_of(row, labels)
            kept = decided.get((left, right))
            if kept is not None:
                kept.match_probability, kept.levels = probability, levels
                kept.save(update_fields=["match_probability", "levels"])
                continue
            new_pairs.append(
                CandidatePair(
                    left_id=left, right_id=right, match_probability=probability, levels=levels
                )
            )
        CandidatePair.objects.bulk_create(new_pairs, batch_size=2000)
        persons = recluster()
        run.records, run.persons, run.pairs = len(registrations), persons, len(result.pairs)
        run.model, run.finished_at = result.model, timezone.now()
        run.save()
    _publish()
    return run


def _linked_edges() -> Iterable[tuple[int, int]]:
    linked = Q(match_probability__gte=SETTINGS.link_threshold) & ~Q(decision=PairDecision.DIFFERENT)
    return CandidatePair.objects.filter(linked | Q(decision=PairDecision.SAME)).values_list(
        "left_id", "right_id"
    )


@transaction.atomic
def recluster() -> int:
    """Connected components over the linked pairs (SciPy); each registration gets its person's
    key, the smallest registration id in the person, so keys change only where persons change."""
    current = dict(Registration.objects.active().values_list("pk", "person_key"))
    if not current:
        return 0
    ids = np.array(sorted(current))
    position = {pk: i for i, pk in enumerate(ids.tolist())}
    edges = [
        (position[a], position[b]) for a, b in _linked_edges() if a in position and b in position
    ]
    rows = np.array([a for a, _b in edges], dtype=int)
    cols = np.array([b for _a, b in edges], dtype=int)
    graph = coo_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(ids), len(ids)))
    _count, component = connected_components(graph, directed=False)
    smallest = np.full(len(ids), np.iinfo(np.int64).max)
    np.minimum.at(smallest, component, ids)
    keys = {int(pk): f"P{smallest[c]}" for pk, c in zip(ids, component, strict=True)}
    changed = [
        Registration(pk=pk, person_key=key) for pk, key in keys.items() if current[pk] != key
    ]
    Registration.objects.bulk_update(changed, ["person_key"], batch_size=2000)
    return len(set(keys.values()))


def link_new(registration: Registration) -> None:
    """Link one registration on arrival with the last trained model: score it against the
    registrations that share a blocking key, store the candidate pairs, re-cluster."""
    run = LinkageRun.objects.exclude(finished_at=None).first()
    if run is None or not run.model:
        Registration.objects.filter(pk=registration.pk).update(person_key=f"P{registration.pk}")
        return
    from splink import DuckDBAPI, Linker

    r = registration
    keys = Q()
    for field in ("k_name", "k_name_unordered", "k_dob", "k_dob_unordered"):
        if getattr(r, field):
            keys |= Q(**{field: getattr(r, field)})
    if r.birth_year and r.k_surname_phonetic and r.k_given_phonetic:
        keys |= Q(
            birth_year=r.birth_year,
            k_surname_phonetic=r.k_surname_phonetic,
            k_given_phonetic=r.k_given_phonetic,
        )
    candidates = list(
        Registration.objects.active().filter(keys).exclude(pk=r.pk).select_related("source")[:500]
    )
    if not candidates:
        Registration.objects.filter(pk=r.pk).update(person_key=f"P{r.pk}")
        return
    frame = prepare(registration_frame([r, *candidates]))
    frame = _with_registry_term_frequencies(frame)
    quiet_splink()
    db_api = DuckDBAPI()
    table = db_api.register(frame, table_name="arrival")
    linker = Linker(table, run.model, log_level=None)
    pairs = linker.inference.predict(
        threshold_match_probability=SETTINGS.review_threshold
    ).as_pandas_dataframe()  # type: ignore[no-untyped-call]
    pairs = pairs[(pairs["record_id_l"] == str(r.pk)) | (pairs["record_id_r"] == str(r.pk))]
    labels = level_labels()
    with transaction.atomic():
        for row in pairs.to_dict("records"):
            left, right = sorted((int(row["record_id_l"]), int(row["record_id_r"])))
            CandidatePair.objects.update_or_create(
                left_id=left,
                right_id=right,
                defaults={
                    "match_probability": float(row["match_probability"]),
                    "levels": _levels_of(row, labels),
                },
            )
        recluster()


def _with_registry_term_frequencies(frame: pd.DataFrame) -> pd.DataFrame:
    """Term frequencies from the whole registry (not from the handful of candidates)."""
    total = Registration.objects.active().count() or 1
    for column in ("k_name", "k_surname", "k_given"):
        values = list(frame[column].dropna().unique())
        counts = dict(
            Registration.objects.active()
            .filter(**{f"{column}__in": values})
            .values_list(column)
            .annotate(n=Count("pk"))
            .values_list(column, "n")
        )
        frame[f"tf_{column}"] = [
            counts.get(value, 1) / total if isinstance(value, str) else None
            for value in frame[column]
        ]
    return frame


def link_new_safely(registration_id: int) -> None:
    """Run after the intake transaction commits: a failure here never loses the registration;
    the nightly `baken link --rebuild` links it."""
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None:
        return
    try:
        link_new(registration)
    except Exception:
        logger.exception("linking registration %s on arrival failed", registration.reference)


@transaction.atomic
def decide_pair(
    *, pair: CandidatePair, by: User, request: HttpRequest | None, same_person: bool
) -> CandidatePair:
    pair.decision = PairDecision.SAME if same_person else PairDecision.DIFFERENT
    pair.decided_by = by
    pair.decided_at = timezone.now()
    pair.save(update_fields=["decision", "decided_by", "decided_at"])
    log_access(
        event=AuditEvent.UPDATE,
        user=by,
        request=request,
        object_type="candidate_pair",
        object_id=pair.pk,
        detail=f"{pair.left.reference} / {pair.right.reference}: {pair.decision}",
    )
    recluster()
    transaction.on_commit(_publish)
    return pair


def uncertain_pairs() -> QuerySet[CandidatePair]:
    return CandidatePair.objects.filter(
        decision=PairDecision.NONE,
        match_probability__gte=SETTINGS.review_threshold,
        match_probability__lt=SETTINGS.link_threshold,
    ).select_related("left__source", "right__source")


def _publish() -> None:
    publish()
