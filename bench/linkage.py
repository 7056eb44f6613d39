"""Benchmark: linkage quality and speed on synthetic registrations, pseudonymised versus plaintext.

For each size: generate registrations with the generator's default error rates
(baken/registry/synthetic.py), pseudonymise them as institutions do, link them with Baken's model
(baken/registry/record_linkage.py), and link the same records in plaintext with a Splink model on
the same fields (standardised given name, surname, date of birth, sex). Reports pairwise precision,
recall and F1 against the truth, the linking time and the peak memory of each run.
Writes bench/results/linkage.txt.

    uv run python bench/linkage.py [SIZE ...]      # default: 10000 100000 1000000
"""

import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

RESULTS = Path(__file__).resolve().parent / "results" / "linkage.txt"
QUALITY = (
    Path(__file__).resolve().parents[1] / "baken" / "registry" / "data" / "linkage_quality.json"
)
KEY = b"benchmark-key-not-secret-0123456789abcdef"
PLAIN_FIELDS = ("given_name", "surname", "date_of_birth", "sex", "nationality", "country_of_birth")


def _pseudonymise_chunk(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    from baken.registration.pseudonymise import pseudonymise

    return [
        {
            "record_id": row["record_id"],
            "source": row["source"],
            **pseudonymise(key=KEY, key_version="bench", **{c: row[c] for c in PLAIN_FIELDS}),
        }
        for row in rows
    ]


def _plain_row(row: dict[str, str]) -> dict[str, Any]:
    """The same standardisation the pseudonymiser applies, without the keys."""
    from baken.registration.pseudonymise import first_given_name, parse_birth_date, split_surname

    _prefix, core = split_surname(row["surname"])
    born = parse_birth_date(row["date_of_birth"])
    return {
        "record_id": row["record_id"],
        "given": first_given_name(row["given_name"]) or None,
        "surname": core or None,
        "dob": (
            f"{born.year:04d}-{born.month:02d}-{born.day:02d}" if born.day and born.month else None
        ),
        "birth_year": born.year,
        "birth_month": born.month,
        "birth_day": born.day,
        "sex": row["sex"] or None,
    }


def plaintext_settings() -> dict[str, Any]:
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "record_id",
        "comparisons": [
            {
                "output_column_name": "name",
                "comparison_levels": [
                    {
                        "sql_condition": "surname_l IS NULL OR given_l IS NULL "
                        "OR surname_r IS NULL OR given_r IS NULL",
                        "is_null_level": True,
                    },
                    {
                        "sql_condition": "surname_l = surname_r AND given_l = given_r",
                        "tf_adjustment_column": "surname",
                    },
                    {"sql_condition": "surname_l = given_r AND given_l = surname_r"},
                    {
                        "sql_condition": "jaro_winkler_similarity(surname_l, surname_r) >= 0.92 "
                        "AND jaro_winkler_similarity(given_l, given_r) >= 0.92"
                    },
                    {
                        "sql_condition": "jaro_winkler_similarity(surname_l, surname_r) >= 0.8 "
                        "AND jaro_winkler_similarity(given_l, given_r) >= 0.8"
                    },
                    {"sql_condition": "surname_l = surname_r", "tf_adjustment_column": "surname"},
                    {"sql_condition": "given_l = given_r"},
                    {"sql_condition": "ELSE"},
                ],
            },
            {
                "output_column_name": "birth",
                "comparison_levels": [
                    {
                        "sql_condition": "birth_year_l IS NULL OR birth_year_r IS NULL",
                        "is_null_level": True,
                    },
                    {"sql_condition": "dob_l = dob_r"},
                    {
                        "sql_condition": "birth_year_l = birth_year_r "
                        "AND birth_month_l = birth_day_r AND birth_day_l = birth_month_r"
                    },
                    {
                        "sql_condition": "birth_year_l = birth_year_r "
                        "AND (dob_l IS NULL OR dob_r IS NULL)"
                    },
                    {"sql_condition": "birth_year_l = birth_year_r"},
                    {"sql_condition": "abs(birth_year_l - birth_year_r) <= 1"},
                    {"sql_condition": "ELSE"},
                ],
            },
            {
                "output_column_name": "sex",
                "comparison_levels": [
                    {"sql_condition": "sex_l IS NULL OR sex_r IS NULL", "is_null_level": True},
                    {"sql_condition": "sex_l = sex_r"},
                    {"sql_condition": "ELSE"},
                ],
            },
        ],
        "blocking_rules_to_generate_predictions": [
            "l.surname = r.surname AND l.given = r.given",
            "l.dob = r.dob AND substr(l.surname, 1, 2) = substr(r.surname, 1, 2)",
            "l.dob = r.dob AND substr(l.given, 1, 2) = substr(r.given, 1, 2)",
            "l.birth_year = r.birth_year AND l.surname = r.surname",
            "l.surname = r.given AND l.given = r.surname",
        ],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
    }


def link_plaintext(frame: pd.DataFrame) -> pd.DataFrame:
    from splink import DuckDBAPI, Linker, block_on
    from splink.clustering import cluster_pairwise_predictions_at_threshold

    db_api = DuckDBAPI()
    table = db_api.register(frame, table_name="plain")
    linker = Linker(table, plaintext_settings(), log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        ["l.surname = r.surname AND l.given = r.given AND l.dob = r.dob"], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("dob"), max_pairs=2e6
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        "l.surname = r.surname AND l.given = r.given AND l.sex = r.sex", max_pairs=2e6
    )
    predictions = linker.inference.predict(threshold_match_probability=0.3)
    nodes = db_api.register(frame[["record_id"]], table_name="plain_nodes")
    return cluster_pairwise_predictions_at_threshold(
        nodes, predictions, db_api, "record_id", threshold_match_probability=0.8
    ).as_pandas_dataframe()[["record_id", "cluster_id"]]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_size(size: int) -> str:
    from baken.registry.record_linkage import link, pairwise_scores
    from baken.registry.synthetic import registrations

    rows, truth = [], []
    for row, person in registrations(size, seed=size):
        rows.append(row)
        truth.append((row["record_id"], person))
    truth_frame = pd.DataFrame(truth, columns=["record_id", "person_id"])
    started = time.perf_counter()
    chunks = [rows[i : i + 20000] for i in range(0, len(rows), 20000)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        pseudonymised = [r for chunk in pool.map(_pseudonymise_chunk, chunks) for r in chunk]
    pseudonymise_seconds = time.perf_counter() - started

    started = time.perf_counter()
    result = link(pd.DataFrame(pseudonymised))
    link_seconds = time.perf_counter() - started
    link_peak = peak_mb()
    p, r, f1 = pairwise_scores(result.clusters, truth_frame)

    plain = pd.DataFrame([_plain_row(row) for row in rows])
    started = time.perf_counter()
    plain_clusters = link_plaintext(plain).astype(str)
    plain_seconds = time.perf_counter() - started
    pp, pr, pf1 = pairwise_scores(plain_clusters, truth_frame)
    return (
        f"{size} records, {truth_frame['person_id'].nunique()} persons | pseudonymised: "
        f"precision {p:.4f} recall {r:.4f} F1 {f1:.4f}, link {link_seconds:.1f} s "
        f"(train {result.timings['train']:.1f}, predict {result.timings['predict']:.1f}, "
        f"cluster {result.timings['cluster']:.1f}), peak memory {link_peak:.0f} MB | "
        f"plaintext Splink: precision {pp:.4f} recall {pr:.4f} F1 {pf1:.4f}, "
        f"{plain_seconds:.1f} s | pseudonymising {pseudonymise_seconds:.1f} s"
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(one_size(int(sys.argv[2])), flush=True)
        return
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    lines = [
        f"cores: {os.cpu_count()}; generator default error rates; "
        "link threshold 0.8 (review band 0.3-0.8) for both models"
    ]
    for size in sizes:
        # One process per size, so that the peak memory is that size's own.
        done = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        lines.append(done.stdout.strip().splitlines()[-1])
        print(lines[-1], flush=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_quality(lines[1:])


def write_quality(lines: list[str]) -> None:
    """The measured error rates, for the estimation page's statement of assumptions."""
    import json
    import re

    sizes = []
    for line in lines:
        found = re.match(
            r"(\d+) records.*?pseudonymised: precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)", line
        )
        if found:
            sizes.append(
                {
                    "records": int(found[1]),
                    "precision": float(found[2]),
                    "recall": float(found[3]),
                    "f1": float(found[4]),
                }
            )
    QUALITY.write_text(
        json.dumps(
            {
                "source": "bench/linkage.py (bench/results/linkage.txt); pairwise, synthetic "
                "registrations at the generator's default error rates",
                "sizes": sizes,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
