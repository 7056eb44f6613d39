"""Benchmark: linkage quality and speed, pseudonymised versus plaintext, on five sets of
synthetic registrations:

- tuning: `baken/registry/synthetic.py`, the set the model and the pseudonymisation were tuned on;
- independent: `bench/independent_registrations.py`, other code, name pools, error rates and seed,
  never used for tuning (issue 15); its name pools are small, so its names are far more
  concentrated than a real population's (measured: see "names" in the results);
- census: `bench/census_registrations.py`, a third generator, not tuned on either, whose names
  follow frequency models calibrated to published Dutch and other national figures
  (bench/name_frequencies.py);
- sealed: `bench/sealed_registrations.py`, a fourth generator written by someone who had not read
  the model, the pseudonymisation code or the other generators (only the input format in
  docs/pseudonymisation.md and this benchmark's interface), with
  its own name pools per origin (concentrated Vietnamese, Chinese and Sikh names, Tigrinya,
  Amharic and Somali patronymics, Cyrillic written in several transliterations, gendered
  Slavic and Lithuanian family names, Hungarian and East Asian name order, Dutch prefixes and
  call names, Hispanic double family names), per-organisation writing habits, undocumented
  people with estimated birth dates, married names, false identities and siblings and twins
  (rates and their reasons in its docstring). It was sealed until its first run here
  (2026-12-01 06:00); its diagnosis then shaped the next model, so it is now looked at;
- fifth: `bench/fifth_registrations.py`, written under the same rules by another writer before
  that model change began, and run once after it: per-source and per-origin habits (call names,
  patronymics, Arabic article and Vietnamese middle-name variants, Spanish second surnames, Dutch
  married names and prefixes), records copied between sources with their errors, namesakes,
  parents and children, siblings, twins and aliases. A change made because of its numbers needs
  a sixth set.

For each set and size: generate registrations, pseudonymise them as institutions do, link them
with Baken's model (baken/registry/linkage.py), and link the same records in plaintext with a
Splink model that has the same standardisation, comparisons, term frequencies, prior and choice of
threshold, but compares the plaintext names with Jaro-Winkler instead of keyed Bloom filters.
Reports pairwise precision, recall and F1 against the truth, what the model expected (from its
match probabilities, at the threshold it chose), the linking time and the peak memory, and how
concentrated the set's names are (bench/name_frequencies.concentration: the chance that two
people share a surname or a whole name, and the share of people who share name and year of birth
with another person of the set), over everyone and over the people born in the Netherlands.
Writes bench/results/linkage.txt and baken/registry/data/linkage_quality.json.

    uv run python bench/linkage.py [--set tuning|independent|census|sealed|fifth|all] [SIZE ...]
    # default: all five sets at 10000 and 100000 records (1000000 may be given too); with
    # --set or sizes given, the results file is written only if --write is given too
"""

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "linkage.txt"
QUALITY = ROOT / "baken" / "registry" / "data" / "linkage_quality.json"
KEY = b"benchmark-key-not-secret-0123456789abcdef"
PLAIN_FIELDS = ("given_name", "surname", "date_of_birth", "sex", "nationality", "country_of_birth")
SETS = ("tuning", "independent", "census", "sealed", "fifth")


def generate(which: str, size: int) -> Iterator[tuple[dict[str, str], str]]:
    if which == "tuning":
        from baken.registry.synthetic import registrations

        return registrations(size, seed=size)
    sys.path.insert(0, str(ROOT))
    if which == "census":
        from bench.census_registrations import registrations as census

        return census(size, seed=31337 + size)
    if which == "sealed":
        from bench.sealed_registrations import registrations as sealed

        return sealed(size, seed=4242 + size)
    if which == "fifth":
        from bench.fifth_registrations import registrations as fifth

        return fifth(size, seed=7777 + size)
    from bench.independent_registrations import registrations as independent

    return independent(size, seed=90210 + size)


def as_sent(which: str, size: int) -> tuple[list[dict[str, str]], list[tuple[str, str]], int]:
    """The set's registrations that a source can send (rows, (record_id, person) truth), and how
    many it cannot: `baken pseudonymise` refuses a registration it cannot read (no name at all,
    an unreadable date), so the registry never receives it to link."""
    from baken.registration.pseudonymise import PseudonymisationError, standardise

    rows, truth, refused = [], [], 0
    for row, person in generate(which, size):
        try:
            standardise(
                given_name=row["given_name"],
                surname=row["surname"],
                date_of_birth=row["date_of_birth"],
            )
        except PseudonymisationError:
            refused += 1
            continue
        rows.append(row)
        truth.append((row["record_id"], person))
    return rows, truth, refused


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


def _plain_chunk(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The same standardisation the pseudonymiser applies, without the keys: each key column
    holds its plaintext value, and name_text the name words for Jaro-Winkler."""
    from baken.registration.pseudonymise import normalise_sex, standardise

    plain = []
    for row in rows:
        found = standardise(
            given_name=row["given_name"], surname=row["surname"], date_of_birth=row["date_of_birth"]
        )
        plain.append(
            {
                "record_id": row["record_id"],
                "source": row["source"],
                **{column: value or None for column, (_label, value) in found.keys.items()},
                "name_text": " ".join(sorted(found.words)) or None,
                "birth_year": found.birth_year,
                "sex": normalise_sex(row["sex"]),
            }
        )
    return plain


def plaintext_settings() -> dict[str, Any]:
    """Baken's Splink settings with the Dice similarity of the Bloom filters replaced by the
    Jaro-Winkler similarity of the plaintext names, wherever a level uses it (0.85 → 0.94,
    0.8 → 0.92, 0.7 → 0.88); every other condition of the level stays."""
    from baken.registry.record_linkage import _dice_sql, splink_settings

    settings = copy.deepcopy(splink_settings())
    name = next(c for c in settings["comparisons"] if c["output_column_name"] == "name")
    dice, jaro = _dice_sql(), "jaro_winkler_similarity(name_text_l, name_text_r)"
    for level in name["comparison_levels"]:
        if level.get("is_null_level"):
            level["sql_condition"] = "name_text_l IS NULL OR name_text_r IS NULL"
            continue
        for bloom, plain in (("0.85", "0.94"), ("0.8", "0.92"), ("0.7", "0.88")):
            level["sql_condition"] = level["sql_condition"].replace(
                f"{dice} >= {bloom}", f"{jaro} >= {plain}"
            )
            level["label_for_charts"] = level["label_for_charts"].replace(
                f"Dice >= {bloom}", f"Jaro-Winkler >= {plain}"
            )
        assert "bit_count" not in level["sql_condition"], level["label_for_charts"]
    settings["additional_columns_to_retain"] = ["source"]
    return settings


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_run(which: str, size: int) -> dict[str, Any]:
    from baken.registry.record_linkage import LinkageSettings, link, link_frame, pairwise_scores

    rows, truth, refused = as_sent(which, size)
    truth_frame = pd.DataFrame(truth, columns=["record_id", "person_id"])
    started = time.perf_counter()
    chunks = [rows[i : i + 20000] for i in range(0, len(rows), 20000)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        pseudonymised = [r for chunk in pool.map(_pseudonymise_chunk, chunks) for r in chunk]
        plain = [r for chunk in pool.map(_plain_chunk, chunks) for r in chunk]
    pseudonymise_seconds = time.perf_counter() - started

    started = time.perf_counter()
    result = link(pd.DataFrame(pseudonymised))
    link_seconds = time.perf_counter() - started
    link_peak = peak_mb()
    p, r, f1 = pairwise_scores(result.clusters, truth_frame)
    names = name_concentration(plain, rows, truth)

    frame = pd.DataFrame(plain)
    frame["birth_year"] = frame["birth_year"].astype("Int64")
    started = time.perf_counter()
    plain_result = link_frame(frame, plaintext_settings())
    plain_seconds = time.perf_counter() - started
    pp, pr, pf1 = pairwise_scores(plain_result.clusters, truth_frame)
    expected = result.threshold
    review = result.uncertain_pairs(LinkageSettings())
    person = dict(zip(truth_frame["record_id"], truth_frame["person_id"], strict=True))
    pairs = zip(review["record_id_l"], review["record_id_r"], strict=True)
    same = [person[a] == person[b] for a, b in pairs]
    return {
        "review": {"pairs": len(review), "same_person": int(sum(same))},
        "set": which,
        "records": size,
        "refused": refused,
        "persons": int(truth_frame["person_id"].nunique()),
        "pseudonymised": {"precision": p, "recall": r, "f1": f1},
        "expected": {
            "threshold": expected.value,
            "precision": expected.expected_precision,
            "recall": expected.expected_recall,
        },
        "expected_persons": {
            "precision": result.persons_expected.expected_precision,
            "recall": result.persons_expected.expected_recall,
        }
        if result.persons_expected
        else None,
        "plaintext": {"precision": pp, "recall": pr, "f1": pf1},
        "plaintext_threshold": plain_result.threshold.value,
        "seconds": {
            "link": link_seconds,
            "train": result.timings["train"],
            "predict": result.timings["predict"],
            "cluster": result.timings["cluster"],
            "plaintext": plain_seconds,
            "pseudonymise": pseudonymise_seconds,
        },
        "peak_mb": link_peak,
        "names": names,
    }


def name_concentration(
    plain: list[dict[str, Any]], rows: list[dict[str, str]], truth: list[tuple[str, str]]
) -> dict[str, dict[str, float]]:
    """The concentration of the set's names (bench/name_frequencies.concentration), each person
    counted once with the standardised name and year of its first registration that has a
    name; over everyone, and over the people born in the Netherlands."""
    sys.path.insert(0, str(ROOT))
    from bench.name_frequencies import concentration

    first: dict[str, tuple[str, str, int | None, str]] = {}
    for standard, row, (_record, who) in zip(plain, rows, truth, strict=True):
        name, surname = standard.get("k_name"), standard.get("k_surname")
        if who in first or not name or not surname:
            continue
        year = standard.get("birth_year")
        first[who] = (surname, name, int(year) if year else None, row["country_of_birth"])
    everyone = [(s, n, y) for s, n, y, _c in first.values()]
    dutch = [(s, n, y) for s, n, y, c in first.values() if c.upper() in ("NL", "NLD")]
    return {"all": concentration(everyone), "NL": concentration(dutch)}


def describe(run: dict[str, Any]) -> str:
    ps, ex, pl, sec = run["pseudonymised"], run["expected"], run["plaintext"], run["seconds"]
    return (
        f"{run['set']:<11} {run['records']} records"
        + (f" ({run['refused']} refused by the pseudonymiser)" if run.get("refused") else "")
        + f", {run['persons']} persons | pseudonymised: "
        f"precision {ps['precision']:.4f} recall {ps['recall']:.4f} F1 {ps['f1']:.4f} "
        f"(threshold {ex['threshold']:.2f}; model expected precision {ex['precision']:.4f} "
        f"recall {ex['recall']:.4f}"
        + (
            f"; of the persons formed: precision {run['expected_persons']['precision']:.4f} "
            f"recall {run['expected_persons']['recall']:.4f}"
            if run.get("expected_persons")
            else ""
        )
        + f"), link {sec['link']:.1f} s (train {sec['train']:.1f}, "
        f"predict {sec['predict']:.1f}, cluster {sec['cluster']:.1f}), peak memory "
        f"{run['peak_mb']:.0f} MB | plaintext Splink: precision {pl['precision']:.4f} recall "
        f"{pl['recall']:.4f} F1 {pl['f1']:.4f} (threshold {run['plaintext_threshold']:.2f}), "
        f"{sec['plaintext']:.1f} s | pseudonymising {sec['pseudonymise']:.1f} s | clerical "
        f"review: {run['review']['pairs']} pairs, {run['review']['same_person']} the same person"
        + "".join(
            f" | names ({group}, {c['people']} people): P(same surname) {c['p_same_surname']:.2e}"
            f", P(same name) {c['p_same_name']:.2e}, sharing name and birth year with another "
            f"{c['share_sharing_name_and_year']:.1%}"
            for group, c in run.get("names", {}).items()
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--write", action="store_true", help="write the results file anyway")
    parser.add_argument("--one", nargs=2, metavar=("SET", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("sizes", nargs="*", type=int)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(one_run(arguments.one[0], int(arguments.one[1]))), flush=True)
        return
    sets = SETS if arguments.set == "all" else (arguments.set,)
    sizes = arguments.sizes or [10_000, 100_000]
    partial = arguments.set != "all" or bool(arguments.sizes)
    lines = [
        f"cores: {os.cpu_count()}; tuning = baken/registry/synthetic.py (tuned on), independent = "
        "bench/independent_registrations.py (not tuned on), census = "
        "bench/census_registrations.py (not tuned on; census-shaped name frequencies), sealed = "
        "bench/sealed_registrations.py (written blind to the model, looked at since), fifth = "
        "bench/fifth_registrations.py (written blind, run once after the model change); link "
        "threshold chosen by each model (highest expected F1 with expected precision >= 0.99); "
        "pairwise scores"
    ]
    runs = []
    for size in sizes:
        for which in sets:
            # One process per run, so that the peak memory is that run's own.
            done = subprocess.run(  # noqa: S603 - our own script
                [sys.executable, __file__, "--one", which, str(size)],
                capture_output=True,
                text=True,
                check=True,
            )
            run = json.loads(done.stdout.strip().splitlines()[-1])
            runs.append(run)
            lines.append(describe(run))
            print(lines[-1], flush=True)
    if partial and not arguments.write:
        return
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_quality([run for run in runs if run["set"] == "fifth"])


def write_quality(runs: list[dict[str, Any]]) -> None:
    """The error rates measured on the fifth set (the one set the model has not been changed
    after), for the estimation page's statement of assumptions."""
    if not runs:
        return
    sizes = [
        {
            "records": run["records"],
            **{k: round(v, 4) for k, v in run["pseudonymised"].items()},
        }
        for run in runs
    ]
    QUALITY.write_text(
        json.dumps(
            {
                "source": "bench/linkage.py (bench/results/linkage.txt); pairwise, pseudonymised, "
                "on synthetic registrations from a generator written blind to the model and "
                "run once (bench/fifth_registrations.py)",
                "sizes": sizes,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
