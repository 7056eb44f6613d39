"""The registry's persons: linking its registrations into persons (the full re-link, linking one
new registration on arrival) and the analyst's clerical decisions on candidate pairs. The
computation is in record_linkage.py; this module reads and writes the database, and recounts the
statistics (releases.py) after every change."""

import logging
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

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
    DATE_COLUMNS,
    DEFAULT_LINK_THRESHOLD,
    TF_COLUMNS,
    Decision,
    LinkageSettings,
    Progress,
    cluster_records,
    link,
    prepare,
    quiet_splink,
    splink_settings,
    term_frequencies,
    use_term_frequencies,
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
    # An unknown sex is missing, neither agreement nor disagreement with a known one.
    frame["sex"] = frame["sex"].replace({"unknown": ""})
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
        run.records, run.pairs = len(registrations), len(result.pairs)
        run.model, run.finished_at = result.model, timezone.now()
        run.link_threshold = result.threshold.value
        run.expected_precision = result.threshold.expected_precision
        run.expected_recall = result.threshold.expected_recall
        run.save()
        run.persons = recluster()
        run.save(update_fields=["persons"])
    _publish()
    return run


def link_threshold() -> float:
    """The threshold the last trained model chose."""
    run = LinkageRun.objects.exclude(finished_at=None).first()
    return run.link_threshold if run is not None else DEFAULT_LINK_THRESHOLD


@transaction.atomic
def recluster() -> int:
    """Persons from the linked pairs (linkage.cluster_records: most likely pairs first, never two
    conflicting dates of birth in one person, nor two persons whose registrations are on average
    unlikely to be one, analysts' decisions applied); each registration
    gets its person's key, the smallest registration id in the person, so keys change only where
    persons change."""
    registrations = pd.DataFrame(
        list(Registration.objects.active().values("pk", "person_key", *DATE_COLUMNS)),
        columns=["pk", "person_key", *DATE_COLUMNS],
    )
    if registrations.empty:
        return 0
    registrations["record_id"] = registrations["pk"].astype(str)
    for column in DATE_COLUMNS[1:]:
        registrations[column] = registrations[column].mask(registrations[column] == "")
    threshold = link_threshold()
    # The pairs from the review threshold up: the links, and the pairs that tell whether two
    # persons' other registrations match too (cluster_records).
    pairs = pd.DataFrame(
        list(
            CandidatePair.objects.filter(
                match_probability__gte=min(SETTINGS.review_threshold, threshold),
                decision=PairDecision.NONE,
            ).values_list("left_id", "right_id", "match_probability")
        ),
        columns=["record_id_l", "record_id_r", "match_probability"],
    ).astype({"record_id_l": str, "record_id_r": str})
    clusters = cluster_records(registrations, pairs, threshold=threshold, decisions=_decisions())
    current = dict(zip(registrations["record_id"], registrations["person_key"], strict=True))
    changed = [
        Registration(pk=int(record), person_key=f"P{person}")
        for record, person in zip(clusters["record_id"], clusters["cluster_id"], strict=True)
        if current[record] != f"P{person}"
    ]
    Registration.objects.bulk_update(changed, ["person_key"], batch_size=2000)
    return int(clusters["cluster_id"].nunique())


ARRIVAL_CHUNK = 100  # registrations scored together in one Splink run
ArrivalProgress = Callable[[int], None]  # called with the number linked so far


def link_new(registration: Registration) -> None:
    """Link one registration on arrival (see link_arrivals)."""
    link_arrivals([registration])


def link_arrivals(
    registrations: list[Registration], *, progress: ArrivalProgress | None = None
) -> None:
    """Link new (or corrected) registrations with the last trained model: score them, a chunk at
    a time, against the registrations that share a blocking key (the earlier chunks included),
    store the candidate pairs, re-cluster once. A CSV upload is linked this way as a whole, the
    API's registrations one by one."""
    run = LinkageRun.objects.exclude(finished_at=None).first()
    if run is None or not run.model:
        for r in registrations:
            Registration.objects.filter(pk=r.pk).update(person_key=f"P{r.pk}")
        if progress:
            progress(len(registrations))
        return
    frequencies = _registry_term_frequencies()
    labels = level_labels()
    for start in range(0, len(registrations), ARRIVAL_CHUNK):
        chunk = registrations[start : start + ARRIVAL_CHUNK]
        _score_arrivals(chunk, model=run.model, frequencies=frequencies, labels=labels)
        if progress:
            progress(start + len(chunk))
    with transaction.atomic():
        recluster()


def _candidate_keys(r: Registration) -> Q:
    keys = Q()
    for field in ("k_name", "k_name_unordered", "k_dob", "k_dob_unordered"):
        if getattr(r, field):
            keys |= Q(**{field: getattr(r, field)})
    if r.birth_year:
        for field in ("k_surname", "k_given"):
            if getattr(r, field):
                keys |= Q(birth_year=r.birth_year, **{field: getattr(r, field)})
    if r.k_surname:  # one of two given names
        for given in filter(None, (r.k_given, r.k_given_2)):
            keys |= Q(k_surname=r.k_surname, k_given=given) | Q(
                k_surname=r.k_surname, k_given_2=given
            )
    return keys


def _score_arrivals(
    chunk: list[Registration],
    *,
    model: dict[str, Any],
    frequencies: dict[str, pd.Series],
    labels: dict[str, dict[int, str]],
) -> None:
    from splink import DuckDBAPI, Linker

    arrived = {r.pk for r in chunk}
    keys = Q()
    for r in chunk:
        keys |= _candidate_keys(r)
    candidates = (
        list(
            Registration.objects.active()
            .filter(keys)
            .exclude(pk__in=arrived)
            .select_related("source")[: 500 * len(chunk)]
        )
        if keys
        else []
    )
    if len(chunk) + len(candidates) < 2:
        return
    frame = prepare(registration_frame([*chunk, *candidates]))
    quiet_splink()
    db_api = DuckDBAPI()
    table = db_api.register(frame, table_name="arrival")
    linker = Linker(table, model, log_level=None)
    use_term_frequencies(linker, db_api, frequencies)
    pairs = linker.inference.predict(
        threshold_match_probability=SETTINGS.review_threshold
    ).as_pandas_dataframe()  # type: ignore[no-untyped-call]
    ids = {str(pk) for pk in arrived}
    pairs = pairs[pairs["record_id_l"].isin(ids) | pairs["record_id_r"].isin(ids)]
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


def _registry_term_frequencies() -> dict[str, pd.Series]:
    """Term frequencies from the whole registry (not from the handful of candidates), a name's
    people counted as the persons the registry has found, as in a full re-link."""
    columns = sorted({*TF_COLUMNS, "k_given", "k_surname", "k_dob"})
    frame = pd.DataFrame(
        list(Registration.objects.active().values_list("pk", "person_key", *columns)),
        columns=["record_id", "person_key", *columns],
    ).replace("", None)
    frame["record_id"] = frame["record_id"].astype(str)
    # A registration not linked yet is a person of its own.
    persons = frame["person_key"].fillna("R" + frame["record_id"])
    persons.index = frame["record_id"]
    return term_frequencies(frame, persons=persons)


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
    """The pairs for clerical review: below the link threshold the model chose, down to the
    review threshold."""
    threshold = link_threshold()
    return CandidatePair.objects.filter(
        decision=PairDecision.NONE,
        match_probability__gte=min(SETTINGS.review_threshold, threshold),
        match_probability__lt=threshold,
    ).select_related("left__source", "right__source")


def _publish() -> None:
    publish()
