"""Linking registrations of the same person, using only what the registry holds: the keyed
pseudonyms and the few plaintext fields (year of birth, sex, nationality, country of birth).

Probabilistic Fellegi-Sunter linkage with Splink on DuckDB (embedded; the same settings run on
Spark, see docs/linkage.md): blocking on combinations of the partial keys, u-probabilities from
random sampling, m-probabilities by expectation maximisation (no labelled training data), term-
frequency adjustment on the name keys so that common names weigh less. The comparison levels are
built on the partial keys: exact name, swapped names, the Dice similarity of the keyed Bloom filters
(typos), equal phonetic codes (spelling and transliteration), exact or swapped day/month dates,
year-only dates, and missing fields.

Framework-free: a pandas frame of pseudonymised records in, clusters and scored pairs out. The
registry's services feed it from the database; `baken link` feeds it from a CSV file."""

import base64
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

PSEUDONYM_COLUMNS = (
    "k_full",
    "k_name",
    "k_name_unordered",
    "k_surname",
    "k_given",
    "k_surname_phonetic",
    "k_given_phonetic",
    "k_surname_prefix",
    "k_dob",
    "k_dob_unordered",
    "bf_name",
    "birth_year",
    "sex",
    "nationality",
    "country_of_birth",
)
BLOOM_WORDS = 16  # 1024-bit Bloom filter as 16 signed 64-bit integers (portable to Spark SQL)
BLOOM_COLUMNS = tuple(f"bf{i}" for i in range(BLOOM_WORDS))
BLOOM_BASE64_LENGTH = 4 * ((BLOOM_WORDS * 8 + 2) // 3)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class LinkageSettings:
    link_threshold: float = 0.8  # match probability at or above which two records are linked
    review_threshold: float = 0.3  # from here up to link_threshold: a pair for clerical review
    em_max_pairs: float = 2e6
    u_max_pairs: float = 5e6
    seed: int = 20261129


@dataclass(frozen=True)
class Decision:
    """An analyst's clerical decision on a pair, kept across re-links."""

    record_l: str
    record_r: str
    same_person: bool


@dataclass
class LinkageResult:
    clusters: pd.DataFrame  # record_id, cluster_id
    pairs: pd.DataFrame  # record_id_l, record_id_r, match_probability, comparison levels
    model: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)

    def uncertain_pairs(self, settings: LinkageSettings) -> pd.DataFrame:
        band = self.pairs["match_probability"].between(
            settings.review_threshold, settings.link_threshold, inclusive="left"
        )
        return self.pairs[band]


class LinkageInputError(ValueError):
    pass


def _dice_sql() -> str:
    both = " + ".join(f"CAST(bit_count({c}_l & {c}_r) AS INTEGER)" for c in BLOOM_COLUMNS)
    return f"(2.0 * ({both}) / nullif(bf_count_l + bf_count_r, 0))"


def _name_comparison() -> dict[str, Any]:
    dice = _dice_sql()
    return {
        "output_column_name": "name",
        "comparison_description": "name keys and keyed Bloom filter",
        "comparison_levels": [
            {
                "sql_condition": "bf_count_l IS NULL OR bf_count_r IS NULL",
                "is_null_level": True,
                "label_for_charts": "name missing",
            },
            {
                "sql_condition": "k_name_l = k_name_r",
                "label_for_charts": "same name",
                "tf_adjustment_column": "k_name",
                "tf_adjustment_weight": 1.0,
            },
            {
                "sql_condition": "k_name_unordered_l = k_name_unordered_r",
                "label_for_charts": "names swapped",
            },
            {
                "sql_condition": f"{dice} >= 0.85",
                "label_for_charts": "names nearly equal (Dice >= 0.85)",
            },
            {
                "sql_condition": "(k_surname_phonetic_l = k_surname_phonetic_r "
                "AND k_given_phonetic_l = k_given_phonetic_r) OR " + f"{dice} >= 0.7",
                "label_for_charts": "names sound alike or Dice >= 0.7",
            },
            {
                "sql_condition": "k_surname_l = k_surname_r",
                "label_for_charts": "same surname only",
                "tf_adjustment_column": "k_surname",
                "tf_adjustment_weight": 1.0,
            },
            {
                "sql_condition": "k_given_l = k_given_r",
                "label_for_charts": "same given name only",
                "tf_adjustment_column": "k_given",
                "tf_adjustment_weight": 1.0,
            },
            {"sql_condition": "ELSE", "label_for_charts": "names differ"},
        ],
    }


def _birth_comparison() -> dict[str, Any]:
    return {
        "output_column_name": "birth",
        "comparison_description": "date of birth keys and year of birth",
        "comparison_levels": [
            {
                "sql_condition": "birth_year_l IS NULL OR birth_year_r IS NULL",
                "is_null_level": True,
                "label_for_charts": "date of birth missing",
            },
            {"sql_condition": "k_dob_l = k_dob_r", "label_for_charts": "same date of birth"},
            {
                "sql_condition": "k_dob_unordered_l = k_dob_unordered_r",
                "label_for_charts": "day and month swapped",
            },
            {
                "sql_condition": "birth_year_l = birth_year_r "
                "AND (k_dob_l IS NULL OR k_dob_r IS NULL)",
                "label_for_charts": "same year, full date known on one side only",
            },
            {
                "sql_condition": "birth_year_l = birth_year_r",
                "label_for_charts": "same year, other date",
            },
            {
                "sql_condition": "abs(birth_year_l - birth_year_r) <= 1",
                "label_for_charts": "year differs by one",
            },
            {"sql_condition": "ELSE", "label_for_charts": "dates differ"},
        ],
    }


def _exact(column: str, label: str, tf: bool = False) -> dict[str, Any]:
    exact: dict[str, Any] = {
        "sql_condition": f"{column}_l = {column}_r",
        "label_for_charts": f"same {label}",
    }
    if tf:
        exact |= {"tf_adjustment_column": column, "tf_adjustment_weight": 1.0}
    return {
        "output_column_name": column,
        "comparison_levels": [
            {
                "sql_condition": f"{column}_l IS NULL OR {column}_r IS NULL",
                "is_null_level": True,
                "label_for_charts": f"{label} missing",
            },
            exact,
            {"sql_condition": "ELSE", "label_for_charts": f"{label} differs"},
        ],
    }


BLOCKING_RULES = [
    "l.k_name = r.k_name",
    "l.k_dob = r.k_dob AND l.k_surname_phonetic = r.k_surname_phonetic",
    "l.k_dob = r.k_dob AND l.k_given_phonetic = r.k_given_phonetic",
    "l.k_dob_unordered = r.k_dob_unordered AND l.k_surname = r.k_surname",
    "l.birth_year = r.birth_year AND l.k_surname_phonetic = r.k_surname_phonetic "
    "AND l.k_given_phonetic = r.k_given_phonetic",
    "l.k_name_unordered = r.k_name_unordered",
    "l.k_surname = r.k_surname AND l.k_given_phonetic = r.k_given_phonetic",
    "l.k_given = r.k_given AND l.k_surname_phonetic = r.k_surname_phonetic",
    "l.k_dob = r.k_dob AND l.k_surname_prefix = r.k_surname_prefix AND l.sex = r.sex "
    "AND l.nationality = r.nationality",
]


def splink_settings() -> dict[str, Any]:
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "record_id",
        "comparisons": [
            _name_comparison(),
            _birth_comparison(),
            _exact("sex", "sex"),
            # Nationality and country of birth are not compared: names already carry them, and
            # counting them again overstates the evidence of two people with the same name.
        ],
        "blocking_rules_to_generate_predictions": BLOCKING_RULES,
        "retain_intermediate_calculation_columns": True,
        "retain_matching_columns": True,
        "additional_columns_to_retain": ["source"],
    }


def bloom_matrix(encoded: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Base64 Bloom filters as an (n, 16) array of signed 64-bit words, and which rows have one."""
    present = encoded.notna().to_numpy()
    raw = bytearray()
    empty = bytes(BLOOM_WORDS * 8)
    for position, value in enumerate(encoded):
        if not present[position]:
            raw += empty
            continue
        try:
            decoded = base64.b64decode(value, validate=True)
        except ValueError as error:
            raise LinkageInputError(f"row {position + 1}: bf_name is not base64") from error
        if len(decoded) != len(empty):
            raise LinkageInputError(
                f"row {position + 1}: bf_name has {len(decoded) * 8} bits, "
                f"expected {BLOOM_WORDS * 64}"
            )
        raw += decoded
    words = np.frombuffer(bytes(raw), dtype="<i8").reshape(-1, BLOOM_WORDS)
    return words, present


def prepare(records: pd.DataFrame) -> pd.DataFrame:
    """Check and shape the pseudonymised records for Splink: empty strings become NULL, the Bloom
    filter becomes 16 integer words with its bit count."""
    missing = [c for c in ("record_id", "source", *PSEUDONYM_COLUMNS) if c not in records.columns]
    if missing:
        raise LinkageInputError(f"missing column(s): {', '.join(missing)}")
    frame = records[["record_id", "source", *PSEUDONYM_COLUMNS]].copy()
    frame["record_id"] = frame["record_id"].astype(str)
    duplicated = frame["record_id"][frame["record_id"].duplicated()]
    if len(duplicated):
        raise LinkageInputError(f"record_id {duplicated.iloc[0]!r} occurs more than once")
    for column in ("source", *PSEUDONYM_COLUMNS):
        values = frame[column].astype("string").str.strip()
        frame[column] = values.mask(values == "")
    years = pd.to_numeric(frame["birth_year"], errors="coerce")
    bad_year = frame["birth_year"].notna() & years.isna()
    if bad_year.any():
        row = frame.index[bad_year][0]
        record = str(frame.at[row, "record_id"])
        raise LinkageInputError(f"record {record}: birth_year is not a number")
    frame["birth_year"] = years.astype("Int64")
    words, present = bloom_matrix(frame["bf_name"])
    for index, column in enumerate(BLOOM_COLUMNS):
        frame[column] = pd.array(words[:, index], dtype="Int64")
        frame.loc[~present, column] = pd.NA
    counts = np.bitwise_count(words.view(np.uint64)).sum(axis=1).astype("int64")
    frame["bf_count"] = pd.array(counts, dtype="Int64")
    frame.loc[~present, "bf_count"] = pd.NA
    return frame.drop(columns=["bf_name"])


def quiet_splink() -> None:
    """Splink reports training details (and parameters it could not train for lack of pairs) on
    its loggers; the command shows its own progress, so only errors get through."""
    names = ["splink", *(n for n in logging.root.manager.loggerDict if n.startswith("splink."))]
    for name in names:
        logging.getLogger(name).setLevel(logging.ERROR)


def link(
    records: pd.DataFrame,
    *,
    decisions: Iterable[Decision] = (),
    settings: LinkageSettings | None = None,
    progress: Progress | None = None,
) -> LinkageResult:
    """Train a model on the records, score the blocked pairs and cluster them. Pairs an analyst
    decided on are linked (same person) or kept apart (not the same) whatever their score."""
    from splink import DuckDBAPI, Linker, block_on
    from splink.clustering import cluster_pairwise_predictions_at_threshold

    settings = settings or LinkageSettings()
    say = progress or (lambda _message: None)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    frame = prepare(records)
    timings["prepare"] = time.perf_counter() - started
    say(f"{len(frame)} records prepared")
    if len(frame) < 2:
        clusters = pd.DataFrame({"record_id": frame["record_id"], "cluster_id": frame["record_id"]})
        return LinkageResult(clusters, _empty_pairs(), {}, timings)

    quiet_splink()
    db_api = DuckDBAPI()
    table = db_api.register(frame, table_name="registrations")
    linker = Linker(table, splink_settings(), log_level=None)
    step = time.perf_counter()
    linker.training.estimate_probability_two_random_records_match(
        ["l.k_full = r.k_full"], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(
        max_pairs=settings.u_max_pairs, seed=settings.seed
    )
    say("u-probabilities estimated")
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("k_dob"), max_pairs=settings.em_max_pairs
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("k_name", "sex"), max_pairs=settings.em_max_pairs
    )
    timings["train"] = time.perf_counter() - step
    say("m-probabilities estimated (expectation maximisation)")

    step = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=settings.review_threshold)
    pairs = predictions.as_pandas_dataframe()  # type: ignore[no-untyped-call]
    timings["predict"] = time.perf_counter() - step
    say(f"{len(pairs)} candidate pairs scored")

    step = time.perf_counter()
    edges = _apply_decisions(pairs, list(decisions))
    edges_table = db_api.register(edges, table_name="edges")
    nodes_table = db_api.register(frame[["record_id"]], table_name="nodes")
    clustered = cluster_pairwise_predictions_at_threshold(
        nodes_table,
        edges_table,
        db_api,
        node_id_column_name="record_id",
        threshold_match_probability=settings.link_threshold,
    ).as_pandas_dataframe()  # type: ignore[no-untyped-call]
    timings["cluster"] = time.perf_counter() - step
    say(f"{clustered['cluster_id'].nunique()} persons")
    clusters = clustered[["record_id", "cluster_id"]].astype(str)
    return LinkageResult(
        clusters=clusters,
        pairs=_tidy_pairs(pairs),
        model=linker.misc.save_model_to_json(),
        timings=timings,
    )


def _apply_decisions(pairs: pd.DataFrame, decisions: list[Decision]) -> pd.DataFrame:
    edges = pairs[["record_id_l", "record_id_r", "match_probability"]].copy()
    if not decisions:
        return edges
    decided = {
        (min(d.record_l, d.record_r), max(d.record_l, d.record_r)): d.same_person for d in decisions
    }
    keys = list(
        zip(edges["record_id_l"].astype(str), edges["record_id_r"].astype(str), strict=True)
    )
    normalised = [(min(a, b), max(a, b)) for a, b in keys]
    rejected = [decided.get(key) is False for key in normalised]
    edges = edges[[not flag for flag in rejected]]
    accepted = [
        {"record_id_l": left, "record_id_r": right, "match_probability": 1.0}
        for (left, right), same in decided.items()
        if same
    ]
    return pd.concat([edges, pd.DataFrame(accepted, columns=edges.columns)], ignore_index=True)


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame(
        columns=["record_id_l", "record_id_r", "match_probability", "gamma_name", "gamma_birth"]
    )


def _tidy_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    keep = [
        "record_id_l",
        "record_id_r",
        "source_l",
        "source_r",
        "match_weight",
        "match_probability",
        *[c for c in pairs.columns if c.startswith("gamma_")],
    ]
    return pairs[[c for c in keep if c in pairs.columns]].copy()


def pairwise_scores(clusters: pd.DataFrame, truth: pd.DataFrame) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of clusters (record_id, cluster_id) against the true
    person of each record (record_id, person_id)."""
    merged = clusters.merge(truth, on="record_id")

    def pair_count(groups: pd.Series) -> int:
        sizes = groups.value_counts()
        return int((sizes * (sizes - 1) // 2).sum())

    predicted = pair_count(merged["cluster_id"])
    actual = pair_count(merged["person_id"])
    both = pair_count(merged["cluster_id"].astype(str) + "\x00" + merged["person_id"].astype(str))
    precision = both / predicted if predicted else 1.0
    recall = both / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
