"""Linking registrations of the same person, using only what the registry holds: the keyed
pseudonyms and the few plaintext fields (year of birth, sex, nationality, country of birth).

Probabilistic Fellegi-Sunter linkage with Splink on DuckDB (embedded; the same settings run on
Spark, see docs/linkage.md): blocking on combinations of the partial keys, u-probabilities from
random sampling, m-probabilities by expectation maximisation (no labelled training data), term-
frequency adjustment on the name keys so that a rare name weighs more than a common one. The
comparison levels are built on the partial keys: exact name, the same name parts in another order
or field, one of two given names, one surname a part of the other's (double and married names),
the Dice similarity of the keyed Bloom filters (typos), equal phonetic codes (spelling), exact or
swapped day/month dates, dates one day or one year apart, year-only dates (estimated ages up to
three years apart), and missing fields.

The link threshold is chosen from what the model itself expects: the match probabilities of the
scored pairs give the expected precision and recall at each threshold; the highest expected F1
with an expected precision of at least `LinkageSettings.min_expected_precision` wins. Pairs just
below it go to clerical review.

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
    "k_given_2",
    "k_surname_phonetic",
    "k_given_phonetic",
    "k_surname_prefix",
    "k_surname_first",
    "k_surname_last",
    "k_dob",
    "k_dob_unordered",
    "k_dob_next_day",
    "k_dob_next_year",
    "bf_name",
    "birth_year",
    "sex",
    "nationality",
    "country_of_birth",
)
# Keys added after the first release: a file pseudonymised by an older Baken lacks them.
OPTIONAL_PSEUDONYM_COLUMNS = ("k_surname_first", "k_surname_last")
BLOOM_WORDS = 16  # 1024-bit Bloom filter as 16 signed 64-bit integers (portable to Spark SQL)
BLOOM_COLUMNS = tuple(f"bf{i}" for i in range(BLOOM_WORDS))
BLOOM_BASE64_LENGTH = 4 * ((BLOOM_WORDS * 8 + 2) // 3)
EXPECTATION_FLOOR = 0.01  # pairs scored down to this probability count in the expectations
THRESHOLD_GRID = tuple(round(0.5 + 0.01 * i, 2) for i in range(50))  # 0.50 ... 0.99

Progress = Callable[[str], None]


TF_COLUMNS = ("k_name", "k_name_unordered", "k_surname", "k_given")
DEFAULT_LINK_THRESHOLD = 0.8  # until a model has chosen one


@dataclass(frozen=True)
class LinkageSettings:
    # Match probability at or above which two records are linked; None: chosen from the model's
    # expected precision and recall (see choose_threshold).
    link_threshold: float | None = None
    min_expected_precision: float = 0.99
    review_threshold: float = 0.3  # from here up to the link threshold: clerical review
    em_max_pairs: float = 2e6
    u_max_pairs: float = 5e6
    seed: int = 20261129


@dataclass(frozen=True)
class Threshold:
    """The link threshold and the precision and recall the model expects at it (pairwise)."""

    value: float
    expected_precision: float
    expected_recall: float

    @property
    def expected_f1(self) -> float:
        p, r = self.expected_precision, self.expected_recall
        return 2 * p * r / (p + r) if p + r else 0.0


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
    threshold: Threshold = field(default_factory=lambda: Threshold(DEFAULT_LINK_THRESHOLD, 1, 1))
    # What the model expects of the persons formed at the threshold (expected_person_quality).
    persons_expected: Threshold | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def uncertain_pairs(self, settings: LinkageSettings) -> pd.DataFrame:
        band = self.pairs["match_probability"].between(
            settings.review_threshold, self.threshold.value, inclusive="left"
        )
        return self.pairs[band]


class LinkageInputError(ValueError):
    pass


def _dice_sql() -> str:
    both = " + ".join(f"CAST(bit_count({c}_l & {c}_r) AS INTEGER)" for c in BLOOM_COLUMNS)
    return f"(2.0 * ({both}) / nullif(bf_count_l + bf_count_r, 0))"


def _name_comparison() -> dict[str, Any]:
    dice = _dice_sql()
    # One record has a single given name, and it is one of the other's two (Anna / Anna Maria,
    # Maria / Anna Maria, Lan / Thi Lan).
    one_of_two = (
        "((k_given_2_r IS NULL AND (k_given_r = k_given_l OR k_given_r = k_given_2_l)) "
        "OR (k_given_2_l IS NULL AND (k_given_l = k_given_r OR k_given_l = k_given_2_r)))"
    )
    surname_part = (
        "(k_surname_l IN (k_surname_first_r, k_surname_last_r) "
        "OR k_surname_r IN (k_surname_first_l, k_surname_last_l))"
    )
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
                "label_for_charts": "same name parts in another order or field",
                "tf_adjustment_column": "k_name_unordered",
                "tf_adjustment_weight": 1.0,
            },
            {
                "sql_condition": f"k_surname_l = k_surname_r AND {one_of_two}",
                "label_for_charts": "same surname, one of two given names",
                "tf_adjustment_column": "k_surname",
                "tf_adjustment_weight": 1.0,
            },
            {
                "sql_condition": f"{dice} >= 0.85",
                "label_for_charts": "names nearly equal (Dice >= 0.85)",
            },
            {
                "sql_condition": "k_surname_phonetic_l = k_surname_phonetic_r "
                "AND k_given_phonetic_l = k_given_phonetic_r",
                "label_for_charts": "names sound alike",
            },
            {
                # One source wrote a surname of several words (a double or married name, a
                # father's and grandfather's name), the other only its first or last word.
                "sql_condition": f"k_given_l = k_given_r AND {surname_part}",
                "label_for_charts": "same given name, one surname a part of the other",
                "tf_adjustment_column": "k_surname",
                "tf_adjustment_weight": 1.0,
            },
            {
                # A surname written otherwise (another romanisation, one of two surnames, a
                # typo) with the same given name: weighed by how rare that given name is.
                "sql_condition": "k_given_l = k_given_r AND (k_surname_phonetic_l = "
                f"k_surname_phonetic_r OR {dice} >= 0.7)",
                "label_for_charts": "same given name, surname alike (Dice >= 0.7)",
                "tf_adjustment_column": "k_given",
                "tf_adjustment_weight": 1.0,
            },
            {
                # Brothers and sisters share a surname, twins also a date of birth: the same
                # surname with another given name that only looks alike is weak evidence.
                # (A long shared surname alone gives a Dice of 0.7: Romina and Sharda Kaldiensingh
                # 0.74, Anna and Anne Jansen 0.82.)
                "sql_condition": "k_surname_l = k_surname_r AND (k_given_phonetic_l = "
                f"k_given_phonetic_r OR {dice} >= 0.8)",
                "label_for_charts": "same surname, given name alike (Dice >= 0.8)",
                "tf_adjustment_column": "k_surname",
                "tf_adjustment_weight": 1.0,
            },
            {
                # Not with the same surname: there the given names decide (levels above).
                "sql_condition": f"{dice} >= 0.7 AND NOT coalesce(k_surname_l = k_surname_r, "
                "false)",
                "label_for_charts": "names alike (Dice >= 0.7)",
            },
            {
                "sql_condition": "k_surname_l = k_surname_r "
                "AND (k_given_l IS NULL OR k_given_r IS NULL)",
                "label_for_charts": "same surname, given name missing on one side",
                "tf_adjustment_column": "k_surname",
                "tf_adjustment_weight": 1.0,
            },
            {
                "sql_condition": "(k_surname_l IS NULL OR k_surname_r IS NULL) "
                "AND k_given_l = k_given_r AND coalesce(k_given_2_l, '') = "
                "coalesce(k_given_2_r, '')",
                "label_for_charts": "same given names, surname missing on one side",
                "tf_adjustment_column": "k_given",
                "tf_adjustment_weight": 1.0,
            },
            {
                # No term-frequency adjustment: a rare surname shared by two different given
                # names is what brothers and sisters (and twins, with the same date) look like,
                # not evidence of one person. Its m-probability is set, not trained: among pairs
                # with the same date and sex, EM counts twins of the same sex as matches; and so
                # is its u-probability (see OTHER_GIVEN_NAME_U).
                "sql_condition": "k_surname_l = k_surname_r AND k_given_l <> k_given_r",
                "label_for_charts": "same surname, other given name",
                "m_probability": OTHER_GIVEN_NAME_M,
                "fix_m_probability": True,
                "u_probability": OTHER_GIVEN_NAME_U,
                "fix_u_probability": True,
            },
            {
                # Reached by no pair (the levels above take every pair with the same surname):
                # the exact match on the surname whose u-probability Splink takes as the
                # reference of every term-frequency adjustment on the surname. Its u is the
                # chance that two registrations share a surname, counted when linking
                # (set_surname_reference).
                "sql_condition": "k_surname_l = k_surname_r",
                "label_for_charts": SURNAME_REFERENCE,
                "m_probability": 1e-9,
                "fix_m_probability": True,
                "u_probability": 1e-3,
                "fix_u_probability": True,
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


# How far apart two estimated years of birth (only the year known on one side) may be for one
# person: the age of someone without papers is guessed, by each source anew.
ESTIMATED_YEARS_APART = 3


def _birth_comparison() -> dict[str, Any]:
    day_unknown = "(k_dob_l IS NULL OR k_dob_r IS NULL)"
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
                "sql_condition": "k_dob_l = k_dob_next_day_r OR k_dob_next_day_l = k_dob_r",
                "label_for_charts": "dates one day apart",
            },
            {
                "sql_condition": "k_dob_l = k_dob_next_year_r OR k_dob_next_year_l = k_dob_r",
                "label_for_charts": "same day and month, years one apart",
            },
            {
                "sql_condition": f"birth_year_l = birth_year_r AND {day_unknown}",
                "label_for_charts": "same year, day unknown on one side (year only, 1 January)",
            },
            {
                "sql_condition": "birth_year_l = birth_year_r",
                "label_for_charts": "same year, other date",
            },
            {
                "sql_condition": f"abs(birth_year_l - birth_year_r) <= 1 AND {day_unknown}",
                "label_for_charts": "years one apart, day unknown on one side",
            },
            {
                "sql_condition": "abs(birth_year_l - birth_year_r) <= 1",
                "label_for_charts": "years one apart, other date",
            },
            {
                # An estimated year (no papers): sources guess the age, a few years apart. Trained
                # like the other date levels: where many registered people lack papers, EM finds
                # such pairs among the same names (2.3 % of one person's pairs on the sealed set)
                # and a rare name with a guessed age links; where nobody does (the tuning set), it
                # learns a share near zero and the same name with years apart stays apart.
                "sql_condition": f"abs(birth_year_l - birth_year_r) <= {ESTIMATED_YEARS_APART} "
                f"AND {day_unknown}",
                "label_for_charts": f"years up to {ESTIMATED_YEARS_APART} apart, day unknown "
                "on one side (an estimated year)",
            },
            {"sql_condition": "ELSE", "label_for_charts": "dates differ"},
        ],
    }


# The share of pairs of registrations of one person with the same surname and an unrelated given
# name (another calling name, a given name the other source did not write): set, not trained
# (see _name_comparison).
OTHER_GIVEN_NAME_M = 0.005
# And its share among pairs of different people, also set: counted over random pairs it is the
# share of people with the same surname, but people with the same surname and date of birth are
# mostly twins, and with another date brothers and sisters. Twice the share among one person's
# registrations, so that it counts against one person (measured: twins with a rare surname and
# other given names were joined on the sealed and census sets while it counted for).
OTHER_GIVEN_NAME_U = 2 * OTHER_GIVEN_NAME_M
SURNAME_REFERENCE = "same surname (reference of the surname's term frequencies)"


def set_surname_reference(model: dict[str, Any], frame: pd.DataFrame) -> None:
    """Put the chance that two registrations share a surname on the SURNAME_REFERENCE level of a
    trained model: the u-probability against which Splink weighs a surname's own frequency (it
    takes the u of the level that is an exact match on the column)."""
    shares = frame["k_surname"].value_counts(normalize=True)
    chance = max(float((shares**2).sum()), 1e-9)
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("label_for_charts") == SURNAME_REFERENCE:
                level["u_probability"] = chance


# The share of pairs of registrations of one person whose recorded sex differs (a recording
# error, or a person registered by one source as the other sex): set, not trained, because
# expectation maximisation over pairs with the same date of birth counts twins of the other sex
# as matches and learned shares of 8-10 % on every set.
SEX_DIFFERS_M = 0.02


def _sex_comparison() -> dict[str, Any]:
    comparison = _exact("sex", "sex")
    same, differs = comparison["comparison_levels"][1:]
    same |= {"m_probability": 1 - SEX_DIFFERS_M, "fix_m_probability": True}
    differs |= {"m_probability": SEX_DIFFERS_M, "fix_m_probability": True}
    return comparison


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
    "l.k_name_unordered = r.k_name_unordered",
    # The same date (and sex): swapped name fields with a typo, or two different spellings.
    "l.k_dob = r.k_dob AND l.sex = r.sex",
    "l.k_dob = r.k_dob AND l.k_surname_phonetic = r.k_surname_phonetic",
    "l.k_dob = r.k_dob AND l.k_given_phonetic = r.k_given_phonetic",
    "l.k_dob_unordered = r.k_dob_unordered AND l.k_surname = r.k_surname",
    "l.birth_year = r.birth_year AND l.k_surname_phonetic = r.k_surname_phonetic "
    "AND l.k_given_phonetic = r.k_given_phonetic",
    "l.k_surname = r.k_surname AND l.k_given_phonetic = r.k_given_phonetic",
    "l.k_given = r.k_given AND l.k_surname_phonetic = r.k_surname_phonetic",
    # A typo in one name and a date that is partly known or off.
    "l.k_given = r.k_given AND l.birth_year = r.birth_year",
    "l.k_surname = r.k_surname AND l.birth_year = r.birth_year",
    # One of two given names written (pairs are blocked one way round: list both).
    "l.k_surname = r.k_surname AND l.k_given = r.k_given_2",
    "l.k_surname = r.k_surname AND l.k_given_2 = r.k_given",
    "l.k_surname = r.k_surname AND l.k_given_2 = r.k_given_2",
    # The same given name where the date cannot tell: unknown, or estimated years apart, or the
    # surname missing on one side (a surname written otherwise is then found by the Bloom filter).
    "l.k_given = r.k_given AND (l.birth_year IS NULL OR r.birth_year IS NULL)",
    "l.k_given = r.k_given AND (l.k_dob IS NULL OR r.k_dob IS NULL) "
    f"AND abs(l.birth_year - r.birth_year) <= {ESTIMATED_YEARS_APART}",
    "l.k_given = r.k_given AND (l.k_surname IS NULL OR r.k_surname IS NULL)",
    # The same for the surname (a typo in the given name, or only the surname written).
    "l.k_surname = r.k_surname AND (l.birth_year IS NULL OR r.birth_year IS NULL)",
    "l.k_surname = r.k_surname AND (l.k_dob IS NULL OR r.k_dob IS NULL) "
    f"AND abs(l.birth_year - r.birth_year) <= {ESTIMATED_YEARS_APART}",
    # One surname a part of the other's (double and married names).
    "l.k_given = r.k_given AND l.k_surname = r.k_surname_first",
    "l.k_given = r.k_given AND l.k_surname = r.k_surname_last",
    "l.k_given = r.k_given AND l.k_surname_first = r.k_surname",
    "l.k_given = r.k_given AND l.k_surname_last = r.k_surname",
]


def splink_settings() -> dict[str, Any]:
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "record_id",
        "comparisons": [
            _name_comparison(),
            _birth_comparison(),
            _sex_comparison(),
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
    records = records.assign(
        **{c: None for c in OPTIONAL_PSEUDONYM_COLUMNS if c not in records.columns}
    )
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
    # Sex unknown is neither agreement nor disagreement: missing, like an empty value.
    frame["sex"] = frame["sex"].mask(frame["sex"] == "unknown")
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


TermFrequencies = dict[str, pd.Series]  # column → value → frequency


def term_frequencies(records: pd.DataFrame, *, persons: pd.Series | None = None) -> TermFrequencies:
    """How often a value occurs among *other* people, for the term-frequency adjustment of the
    name levels (Splink would count records; in a registry one person is often registered
    several times, which made a rare name look common):

    - given name and surname alone: their share of the records;
    - the whole name (and the name parts in any order): the share of other people with it,
      people counted as the persons found (`persons`: record_id → person), or, before any are
      found, once per date of birth, among the registrations with a full date of birth (one
      without may be anyone with the name); when nobody else has the name, the chance that another
      person would, from the given-name and surname frequencies as if independent, but not below
      a twentieth of one person. So an agreeing rare name is strong evidence and a common one
      weak, whatever the number of registrations of one person."""
    frequencies: TermFrequencies = {}
    for column in ("k_surname", "k_given"):
        frequencies[column] = records[column].value_counts(normalize=True)
    given, surname = frequencies["k_given"], frequencies["k_surname"]
    for column in ("k_name", "k_name_unordered"):
        named = records[records[column].notna()]
        # Only registrations with a full date of birth tell people apart: one without it may
        # be anyone with the name.
        dated = named["k_dob"].notna()
        who = named["record_id"].map(persons) if persons is not None else named["k_dob"]
        people = (
            named.assign(person=who.where(dated)).groupby(column)["person"].nunique().clip(lower=1)
        )
        total = float(people.sum()) or 1.0
        others = (people - 1) / total
        first = named.groupby(column)[["k_given", "k_surname"]].first()
        independent = first["k_given"].map(given).fillna(0) * first["k_surname"].map(
            surname
        ).fillna(0)
        frequencies[column] = others.combine(independent, max).clip(lower=0.05 / total)
    return frequencies


def use_term_frequencies(linker: Any, db_api: Any, frequencies: TermFrequencies) -> None:
    """Give the Splink linker these term frequencies instead of counting its own."""
    for column in TF_COLUMNS:
        table = frequencies[column].rename(f"tf_{column}").rename_axis(column).reset_index()
        name = f"tf_lookup_{column}_{id(linker)}"
        linker.table_management.register_term_frequency_lookup(
            db_api.register(table, table_name=name), column
        )


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
    started = time.perf_counter()
    frame = prepare(records)
    prepared = time.perf_counter() - started
    if progress:
        progress(f"{len(frame)} records prepared")
    result = link_frame(
        frame, splink_settings(), decisions=decisions, settings=settings, progress=progress
    )
    result.timings["prepare"] = prepared
    return result


def link_frame(
    frame: pd.DataFrame,
    model_settings: dict[str, Any],
    *,
    decisions: Iterable[Decision] = (),
    settings: LinkageSettings | None = None,
    progress: Progress | None = None,
) -> LinkageResult:
    """`link` on a prepared frame with the given Splink settings: the same training, prior,
    term frequencies and threshold for any comparisons on the same key columns (k_name,
    k_name_unordered, k_given, k_surname, k_full, k_dob, sex). The benchmark's plaintext model
    uses it too."""
    from splink import DuckDBAPI, Linker, block_on

    settings = settings or LinkageSettings()
    say = progress or (lambda _message: None)
    timings: dict[str, float] = {}
    if len(frame) < 2:
        clusters = pd.DataFrame({"record_id": frame["record_id"], "cluster_id": frame["record_id"]})
        return LinkageResult(clusters, _empty_pairs(), {}, timings=timings)

    quiet_splink()
    db_api = DuckDBAPI()
    table = db_api.register(frame, table_name="registrations")
    linker = Linker(table, model_settings, log_level=None)
    step = time.perf_counter()
    linker.training.estimate_probability_two_random_records_match(
        ["l.k_full = r.k_full"], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(
        max_pairs=settings.u_max_pairs, seed=settings.seed
    )
    say("u-probabilities estimated")
    # The name levels are trained among pairs with the same date of birth and sex, the date
    # levels among pairs with the same name and sex; the sex levels are not trained (see
    # SEX_DIFFERS_M). Not among the same date alone: twins (same surname, same date) would count
    # as matches there, and teach the model that a match often has another given name and sex.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("k_dob", "sex"), max_pairs=settings.em_max_pairs
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("k_name", "sex"), max_pairs=settings.em_max_pairs
    )
    timings["train"] = time.perf_counter() - step
    say("m-probabilities estimated (expectation maximisation)")
    model = linker.misc.save_model_to_json()
    set_surname_reference(model, frame)

    # Two passes: the first counts a name's people by their dates of birth, the second by the
    # persons the first pass found.
    timings["predict"] = timings["cluster"] = 0.0
    persons = None
    for _pass in range(2):
        step = time.perf_counter()
        scorer = Linker(table, model, log_level=None)
        use_term_frequencies(scorer, db_api, term_frequencies(frame, persons=persons))
        scored, prior = _score(scorer, model, records=len(frame))
        threshold = (
            choose_threshold(
                scored["match_probability"].to_numpy(),
                min_expected_precision=settings.min_expected_precision,
            )
            if settings.link_threshold is None
            else expected_quality(scored["match_probability"].to_numpy(), settings.link_threshold)
        )
        floor = min(settings.review_threshold, threshold.value)
        pairs = scored[scored["match_probability"] >= floor]
        timings["predict"] += time.perf_counter() - step
        step = time.perf_counter()
        clusters = cluster_records(
            frame, pairs, threshold=threshold.value, decisions=list(decisions)
        )
        persons = clusters.set_index("record_id")["cluster_id"]
        timings["cluster"] += time.perf_counter() - step
    persons_expected = expected_person_quality(
        frame,
        pairs,
        [threshold.value],
        expected_matches=float(scored["match_probability"].sum()),
    )[0]
    say(
        f"{len(pairs)} candidate pairs scored; link threshold {threshold.value:.3f} "
        f"(expected precision {threshold.expected_precision:.3f}, "
        f"recall {threshold.expected_recall:.3f}); {clusters['cluster_id'].nunique()} persons"
    )
    return LinkageResult(
        clusters=clusters,
        pairs=_tidy_pairs(pairs),
        model=model | {"probability_two_random_records_match": prior},
        threshold=threshold,
        persons_expected=persons_expected,
        timings=timings,
    )


def _score(linker: Any, model: dict[str, Any], *, records: int) -> tuple[pd.DataFrame, float]:
    """Score the blocked pairs down to EXPECTATION_FLOOR (pairs below the review band still
    count in the expected number of matches, which the expected recall is measured against),
    with the prior re-estimated from the model's own expectation (estimate_prior)."""
    scored = linker.inference.predict(
        threshold_match_probability=EXPECTATION_FLOOR / 4
    ).as_pandas_dataframe()
    start = model["probability_two_random_records_match"]
    prior = estimate_prior(
        scored["match_weight"].to_numpy(), pairs_total=records * (records - 1) / 2, prior=start
    )
    scored["match_weight"] += _logit2(prior) - _logit2(start)
    scored["match_probability"] = 1 / (1 + np.exp2(-scored["match_weight"]))
    return scored[scored["match_probability"] >= EXPECTATION_FLOOR], prior


def _logit2(probability: float) -> float:
    return float(np.log2(probability / (1 - probability)))


def estimate_prior(weights: np.ndarray, *, pairs_total: float, prior: float) -> float:
    """The probability that two random records match, as the fixed point of: prior = expected
    number of matches among the scored pairs (under that prior) / number of all pairs. `weights`
    are the pairs' match weights under `prior`."""
    evidence = weights - _logit2(prior)
    for _round in range(100):
        expected = float((1 / (1 + np.exp2(-(evidence + _logit2(prior))))).sum())
        updated = min(max(expected / pairs_total, 1e-12), 0.5)
        if abs(updated - prior) <= 1e-4 * prior:
            return updated
        prior = updated
    return prior


def expected_quality(probabilities: np.ndarray, threshold: float) -> Threshold:
    """Pairwise precision and recall the model expects when pairs at or above `threshold` are
    linked: each pair is a match with its match probability."""
    linked = probabilities >= threshold
    expected_matches = float(probabilities.sum())
    expected_true = float(probabilities[linked].sum())
    precision = expected_true / int(linked.sum()) if linked.any() else 1.0
    recall = expected_true / expected_matches if expected_matches else 1.0
    return Threshold(threshold, precision, recall)


def choose_threshold(probabilities: np.ndarray, *, min_expected_precision: float) -> Threshold:
    """The threshold with the highest expected F1 among those with the expected precision asked
    for; without any, the one with the highest expected precision."""
    candidates = [expected_quality(probabilities, t) for t in THRESHOLD_GRID]
    good = [c for c in candidates if c.expected_precision >= min_expected_precision]
    if good:
        return max(good, key=lambda c: (c.expected_f1, -c.value))
    return max(candidates, key=lambda c: (c.expected_precision, c.value))


DATE_COLUMNS = ("birth_year", "k_dob", "k_dob_unordered", "k_dob_next_day", "k_dob_next_year")


def dates_conflict(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Two registrations cannot be one person by their dates of birth (DATE_COLUMNS): two full
    dates more than one year apart, or in the same year but neither equal, nor swapped, nor a day
    apart; a year alone (an estimated age) more than ESTIMATED_YEARS_APART from the other's.
    Unknown dates conflict with nothing; full dates a year apart are let be (a wrong year may come
    with another error)."""
    year_a, dob_a, unordered_a, next_day_a, _next_year_a = a
    year_b, dob_b, unordered_b, next_day_b, _next_year_b = b
    if not (_known(year_a) and _known(year_b)):
        return False
    apart = abs(int(year_a) - int(year_b))
    if not (_known(dob_a) and _known(dob_b)):
        return apart > ESTIMATED_YEARS_APART
    if apart != 0:
        return apart > 1
    return not (dob_a in (dob_b, next_day_b) or dob_b == next_day_a or unordered_a == unordered_b)


def _known(value: Any) -> bool:
    return value is not None and value is not pd.NA and value == value and value != ""


# Two persons are joined only if the pairs of registrations between them are on average at
# least as likely to be one person as a pair sent to clerical review.
MIN_MEAN_PROBABILITY = LinkageSettings.review_threshold


class _Persons:
    """Registrations joined into persons (union-find), most likely pairs first. A join is refused
    when the joined person would hold two registrations whose dates of birth conflict or that an
    analyst kept apart, or when the pairs of registrations between the two persons are on average
    less likely than MIN_MEAN_PROBABILITY to be one person (pairs not among `pairs` count 0): one
    likely pair does not join two persons whose other registrations do not match. Keeps count of
    the pairs of registrations put in one person and of the sum of their match probabilities."""

    def __init__(self, records: pd.DataFrame, pairs: pd.DataFrame) -> None:
        self.ids = records["record_id"].astype(str).tolist()
        self.dates = dict(
            zip(
                self.ids,
                records[list(DATE_COLUMNS)].itertuples(index=False, name=None),
                strict=True,
            )
        )
        self.parent = {record: record for record in self.ids}
        self.members = {record: [record] for record in self.ids}
        self.apart: set[tuple[str, str]] = set()
        self.neighbours: dict[str, dict[str, float]] = {}
        for a, b, p in zip(
            pairs["record_id_l"].astype(str),
            pairs["record_id_r"].astype(str),
            pairs["match_probability"].to_numpy(dtype=float),
            strict=True,
        ):
            self.neighbours.setdefault(a, {})[b] = p
            self.neighbours.setdefault(b, {})[a] = p
        self.pairs_within = 0
        self.probability_within = 0.0

    def root(self, record: str) -> str:
        parent = self.parent
        while parent[record] != record:
            parent[record] = parent[parent[record]]
            record = parent[record]
        return record

    def join(self, a: str, b: str, *, checked: bool) -> None:
        if a not in self.parent or b not in self.parent:
            return
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return
        members, apart, dates = self.members, self.apart, self.dates
        if checked and any(
            (x, y) in apart or (y, x) in apart or dates_conflict(dates[x], dates[y])
            for x in members[ra]
            for y in members[rb]
        ):
            return
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        pairs = len(members[ra]) * len(members[rb])
        between = sum(
            probability
            for x in members[rb]
            for y, probability in self.neighbours.get(x, {}).items()
            if self.root(y) == ra
        )
        if checked and pairs > 1 and between < MIN_MEAN_PROBABILITY * pairs:
            return
        self.pairs_within += pairs
        self.probability_within += between
        self.parent[rb] = ra
        members[ra] += members.pop(rb)

    def clusters(self) -> pd.DataFrame:
        person = {}
        for group in self.members.values():
            smallest = min(group, key=_id_order)
            for record in group:
                person[record] = smallest
        return pd.DataFrame({"record_id": self.ids, "cluster_id": [person[r] for r in self.ids]})


def _links_in_order(pairs: pd.DataFrame, threshold: float) -> Iterable[tuple[str, str, float]]:
    linked = pairs[pairs["match_probability"] >= threshold].sort_values(
        "match_probability", ascending=False, kind="stable"
    )
    return zip(
        linked["record_id_l"].astype(str),
        linked["record_id_r"].astype(str),
        linked["match_probability"].to_numpy(dtype=float),
        strict=True,
    )


def cluster_records(
    records: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    threshold: float,
    decisions: Iterable[Decision] = (),
) -> pd.DataFrame:
    """Persons (record_id, cluster_id) from the scored pairs (those from the review threshold
    up): the pairs at or above the threshold, most likely first, join two persons unless the
    joined person would hold two registrations whose dates of birth conflict (connected
    components alone let one registration with only a year of birth chain two different people
    together), or the registrations of the two persons are on average unlikely to be one person
    (see _Persons). An analyst's "same person" joins whatever the dates; "different people" keeps
    the two registrations apart. The cluster id is the smallest record id of the person."""
    persons = _Persons(records, pairs)
    for decision in decisions:
        if decision.same_person:
            persons.join(decision.record_l, decision.record_r, checked=False)
        else:
            persons.apart.add((decision.record_l, decision.record_r))
    for left, right, _probability in _links_in_order(pairs, threshold):
        persons.join(left, right, checked=True)
    return persons.clusters()


def expected_person_quality(
    records: pd.DataFrame,
    pairs: pd.DataFrame,
    thresholds: Iterable[float],
    *,
    expected_matches: float | None = None,
) -> list[Threshold]:
    """For each threshold, the pairwise precision and recall the model expects of the *persons*
    that cluster_records forms at it (not of the pairs above it): every pair of registrations
    put in one person is a true link with its match probability (0 for two registrations the
    linkage did not score among `pairs`, joined only through others), and the expected number of
    matches is the sum of the probabilities of `pairs` unless given. One pass over the pairs,
    most likely first, counting the persons as each threshold is passed."""
    if expected_matches is None:
        expected_matches = float(pairs["match_probability"].sum())
    persons = _Persons(records, pairs)
    ordered = sorted(set(thresholds), reverse=True)
    edges = iter(_links_in_order(pairs, ordered[-1]) if ordered else ())
    pending = next(edges, None)
    found = []
    for threshold in ordered:
        while pending is not None and pending[2] >= threshold:
            persons.join(pending[0], pending[1], checked=True)
            pending = next(edges, None)
        within, expected_true = persons.pairs_within, persons.probability_within
        found.append(
            Threshold(
                threshold,
                expected_true / within if within else 1.0,
                expected_true / expected_matches if expected_matches else 1.0,
            )
        )
    return sorted(found, key=lambda t: t.value)


def _id_order(record: str) -> tuple[int, str]:
    return (len(record), record)  # numeric ids in numeric order, others stably


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
