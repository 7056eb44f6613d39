"""Diagnosis of the linkage on one benchmark set: where the missed pairs and the false links come
from, and what an oracle could attain with the same comparison vectors.

    uv run python bench/linkage_diagnosis.py SET SIZE [--oracle]

Generates (and caches in /tmp, keyed by set and size) the set as bench/linkage.py does, links it
with Baken's model, and reports:
- the pairwise confusion by kind of the true difference between the two registrations (date of
  birth: same, unknown on one side, 1 January, a year off...; name: same canonical name, given
  name subset, swapped order, other spelling...) and by how common the name is;
- the cluster-level effects: true pairs that were scored as links but ended in different
  persons, and false pairs that were joined through a chain rather than an edge of their own;
- with --oracle: the same comparison vectors with m and u counted from the truth labels (an
  oracle Fellegi-Sunter with the same term frequencies), and a supervised classifier on them,
  each clustered the same way: an upper bound for what the comparisons can give on this set.
"""

import argparse
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.linkage import (  # noqa: E402
    _plain_chunk,
    _pseudonymise_chunk,
    as_sent,
)

CACHE = Path("/tmp/link4cache")  # noqa: S108 - a scratch cache of synthetic data


def load(which: str, size: int) -> dict[str, Any]:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{which}_{size}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own cache
    rows, truth, _refused = as_sent(which, size)
    pseudo = _pseudonymise_chunk(rows)
    plain = _plain_chunk(rows)
    data = {
        "rows": pd.DataFrame(rows),
        "pseudo": pd.DataFrame(pseudo),
        "plain": pd.DataFrame(plain),
        "truth": pd.DataFrame(truth, columns=["record_id", "person_id"]),
    }
    path.write_bytes(pickle.dumps(data))
    return data


def link_capturing(pseudo: pd.DataFrame, **kwargs: Any) -> tuple[Any, pd.DataFrame]:
    """Baken's link, keeping the last pass's scored pairs (down to the expectation floor)."""
    from baken.registry import record_linkage

    captured: dict[str, pd.DataFrame] = {}
    original = record_linkage._score

    def keep(*args: Any, **kw: Any) -> tuple[pd.DataFrame, float]:
        scored, prior = original(*args, **kw)
        captured["scored"] = scored
        return scored, prior

    record_linkage._score = keep
    try:
        result = record_linkage.link(pseudo, **kwargs)
    finally:
        record_linkage._score = original
    return result, captured["scored"]


def date_kind(a: str, b: str) -> str:
    if not a or not b:
        return "missing"

    def unknown_day(d: str) -> bool:
        return len(d) == 4 or d.endswith("-00") or d[5:] == "01-01" or "-00-" in d

    if a == b:
        return "same (unknown day)" if unknown_day(a) else "same"
    ya, yb = int(a[:4]), int(b[:4])
    if unknown_day(a) or unknown_day(b):
        return "unknown day, same year" if ya == yb else f"unknown day, years {abs(ya - yb)} apart"
    if ya != yb:
        return "full, years apart" if a[5:] == b[5:] else "full, other year and day"
    if a[5:7] == b[8:10] and a[8:10] == b[5:7]:
        return "full, day/month swapped"
    da, db = pd.Timestamp(a), pd.Timestamp(b)
    return "full, one day off" if abs((da - db).days) == 1 else "full, other day"


def name_kind(pa: dict[str, Any], pb: dict[str, Any]) -> str:
    if pa["k_name"] and pa["k_name"] == pb["k_name"]:
        return "same name"
    if pa["k_name_unordered"] and pa["k_name_unordered"] == pb["k_name_unordered"]:
        return "same parts, other order"
    if pa["k_surname"] and pa["k_surname"] == pb["k_surname"]:
        if pa["k_given"] == pb["k_given"]:
            return "same surname+given, other 2nd given"
        ga = {pa["k_given"], pa["k_given_2"]} - {None}
        gb = {pb["k_given"], pb["k_given_2"]} - {None}
        if ga & gb:
            return "same surname, given subset"
        return "same surname, other given"
    if pa["k_given"] and pa["k_given"] == pb["k_given"]:
        return "same given, other surname"
    wa, wb = set(str(pa["name_text"]).split()), set(str(pb["name_text"]).split())
    if wa & wb:
        return "a word shared"
    return "no word shared"


def analyse(which: str, size: int, oracle: bool) -> None:
    data = load(which, size)
    pseudo, plain, rows, truth = data["pseudo"], data["plain"], data["rows"], data["truth"]
    started = time.perf_counter()
    result, scored = link_capturing(pseudo)
    print(f"linked in {time.perf_counter() - started:.0f} s; threshold {result.threshold}")
    from baken.registry.record_linkage import pairwise_scores

    print("pairwise P/R/F1", pairwise_scores(result.clusters, truth))
    person = dict(zip(truth["record_id"], truth["person_id"], strict=True))
    cluster = dict(zip(result.clusters["record_id"], result.clusters["cluster_id"], strict=True))
    plain_by = plain.set_index("record_id").to_dict("index")
    dob = dict(zip(rows["record_id"], rows["date_of_birth"], strict=True))
    t = result.threshold.value

    scored = scored.copy()
    scored["match"] = [
        person[a] == person[b]
        for a, b in zip(scored["record_id_l"], scored["record_id_r"], strict=True)
    ]
    key = {(a, b) for a, b in zip(scored["record_id_l"], scored["record_id_r"], strict=True)}
    prob = dict(
        zip(
            zip(scored["record_id_l"], scored["record_id_r"], strict=True),
            scored["match_probability"],
            strict=True,
        )
    )

    # All true pairs.
    members = truth.groupby("person_id")["record_id"].apply(list)
    true_pairs = []
    for ids in members:
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                a, b = ids[i], ids[j]
                pair = (a, b) if (a, b) in key else (b, a)
                p = prob.get(pair, 0.0)
                true_pairs.append(
                    {
                        "a": a,
                        "b": b,
                        "p": p,
                        "scored": pair in key,
                        "linked_edge": p >= t,
                        "same_cluster": cluster[a] == cluster[b],
                        "date": date_kind(dob[a], dob[b]),
                        "name": name_kind(plain_by[a], plain_by[b]),
                        "cluster_size": len(ids),
                    }
                )
    tp = pd.DataFrame(true_pairs)
    print(f"\n{len(tp)} true pairs; found {tp['same_cluster'].mean():.4f}")
    print(
        "missed:",
        (~tp["same_cluster"]).sum(),
        "of which not scored >= 0.01:",
        (~tp["same_cluster"] & ~tp["scored"]).sum(),
        "scored below threshold:",
        (~tp["same_cluster"] & tp["scored"] & ~tp["linked_edge"]).sum(),
        "edge above threshold but kept apart by clustering:",
        (~tp["same_cluster"] & tp["linked_edge"]).sum(),
    )
    tp["missed"] = ~tp["same_cluster"]
    print("\nrecall by date kind (pairs, missed, recall):")
    print(
        tp.groupby("date")["missed"]
        .agg(["size", "sum", lambda m: 1 - m.mean()])
        .sort_values("sum", ascending=False)
        .to_string()
    )
    print("\nrecall by name kind:")
    print(
        tp.groupby("name")["missed"]
        .agg(["size", "sum", lambda m: 1 - m.mean()])
        .sort_values("sum", ascending=False)
        .to_string()
    )
    print("\nmissed by date x name (top):")
    print(
        tp[tp["missed"]]
        .groupby(["date", "name"])
        .size()
        .sort_values(ascending=False)
        .head(20)
        .to_string()
    )

    # Name commonness: number of other people sharing the canonical name (k_name) and year.
    people = truth.merge(plain[["record_id", "k_name", "birth_year"]], on="record_id")
    by_name = people.dropna(subset=["k_name"]).groupby("k_name")["person_id"].nunique()
    by_name_year = (
        people.dropna(subset=["k_name", "birth_year"])
        .groupby(["k_name", "birth_year"])["person_id"]
        .nunique()
    )
    name_of = dict(zip(people["record_id"], people["k_name"], strict=True))
    year_of = dict(zip(people["record_id"], people["birth_year"], strict=True))

    def sharing(rec: str) -> int:
        name = name_of.get(rec)
        if not name or name != name:
            return -1
        return int(by_name_year.get((name, year_of.get(rec)), 1)) - 1

    tp["others_same_name_year"] = [
        max(sharing(a), sharing(b)) for a, b in zip(tp["a"], tp["b"], strict=True)
    ]
    tp["name_people"] = [int(by_name.get(name_of.get(a), 0)) for a in tp["a"]]
    bins = pd.cut(tp["others_same_name_year"], [-2, -1, 0, 1, 3, 1000])
    print("\nrecall by other people with the same name and year:")
    print(tp.groupby(bins, observed=True)["missed"].agg(["size", "sum"]).to_string())

    # False links.
    linked = result.clusters.merge(truth, on="record_id")
    false_pairs = []
    for _cid, group in linked.groupby("cluster_id"):
        if len(group) < 2 or group["person_id"].nunique() < 2:
            continue
        ids, who = group["record_id"].tolist(), group["person_id"].tolist()
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if who[i] != who[j]:
                    a, b = ids[i], ids[j]
                    pair = (a, b) if (a, b) in key else (b, a)
                    p = prob.get(pair, 0.0)
                    false_pairs.append(
                        {
                            "a": a,
                            "b": b,
                            "p": p,
                            "edge": p >= t,
                            "date": date_kind(dob[a], dob[b]),
                            "name": name_kind(plain_by[a], plain_by[b]),
                            "cluster_size": len(ids),
                        }
                    )
    fp = pd.DataFrame(false_pairs)
    if len(fp):
        print(f"\n{len(fp)} false pairs; own edge above threshold: {fp['edge'].sum()}")
        print(fp.groupby(["date", "name"]).size().sort_values(ascending=False).head(15).to_string())
        print("false pairs by cluster size:", fp.groupby("cluster_size").size().to_dict())
    print(
        "\nscored pairs above threshold: matches",
        int(scored[scored.match_probability >= t]["match"].sum()),
        "non-matches",
        int((~scored[scored.match_probability >= t]["match"]).sum()),
    )
    calibration(scored)
    level_table(scored)
    CACHE.joinpath(f"{which}_{size}_scored.pkl").write_bytes(
        pickle.dumps(
            {"scored": scored, "tp": tp, "fp": fp, "threshold": t, "clusters": result.clusters}
        )
    )
    if oracle:
        run_oracle(pseudo, truth, scored)


def calibration(scored: pd.DataFrame) -> None:
    bins = pd.cut(scored["match_probability"], [0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1])
    table = scored.groupby(bins, observed=True).agg(
        pairs=("match", "size"), expected=("match_probability", "sum"), true=("match", "sum")
    )
    print("\ncalibration (pairs, expected matches, true matches):")
    print(table.to_string())


def level_table(scored: pd.DataFrame) -> None:
    print("\nby (name level, birth level): pairs, matches, mean p")
    table = scored.groupby(["gamma_name", "gamma_birth"]).agg(
        pairs=("match", "size"), matches=("match", "sum"), mean_p=("match_probability", "mean")
    )
    table["share"] = table["matches"] / table["pairs"]
    print(table[table["pairs"] > 50].to_string())


def run_oracle(pseudo: pd.DataFrame, truth: pd.DataFrame, scored: pd.DataFrame) -> None:
    """A supervised classifier (gradient boosting) on the scored pairs' comparison vectors and
    term frequencies, trained on the persons of one half and applied to the other (split by the
    left record's person, so no person is in both), then clustered as Baken clusters: how far
    labels could take the same comparisons. Also with the true number of people per name and per
    name and year added (what no linker knows): the ceiling of a better name frequency.
    Needs scikit-learn (`uv pip install scikit-learn`; not a dependency of Baken)."""
    import zlib

    from sklearn.ensemble import HistGradientBoostingClassifier

    from baken.registry.record_linkage import cluster_records, pairwise_scores, prepare

    frame = prepare(pseudo)
    person = dict(zip(truth["record_id"], truth["person_id"], strict=True))
    scored = scored.copy()
    features = ["gamma_name", "gamma_birth", "gamma_sex"] + [
        f"tf_{c}_{side}"
        for c in ("k_name", "k_name_unordered", "k_surname", "k_given")
        for side in "lr"
    ]
    records = pseudo[["record_id", "k_name", "birth_year"]].replace("", None)
    records["person"] = records["record_id"].map(person)
    per_name = records.groupby("k_name")["person"].nunique()
    per_name_year = (
        records.dropna(subset=["birth_year"]).groupby(["k_name", "birth_year"])["person"].nunique()
    )
    name = dict(zip(records["record_id"], records["k_name"], strict=True))
    year = dict(zip(records["record_id"], records["birth_year"], strict=True))
    for side in "lr":
        ids = scored[f"record_id_{side}"]
        scored[f"true_name_{side}"] = ids.map(name).map(per_name).fillna(0).to_numpy()
        scored[f"true_name_year_{side}"] = [
            per_name_year.get((name[i], year[i]), 0) if name[i] and year[i] else -1 for i in ids
        ]
    truths = [f"true_{k}_{side}" for k in ("name", "name_year") for side in "lr"]
    y = scored["match"].to_numpy()
    half = np.array([zlib.crc32(person[a].encode()) % 2 for a in scored["record_id_l"]])
    for label, columns in (("comparisons", features), ("+ true counts", features + truths)):
        x = scored[columns].astype(float).fillna(-1).to_numpy()
        probability = np.zeros(len(scored))
        for h in (0, 1):
            model = HistGradientBoostingClassifier(max_iter=300)
            model.fit(x[half != h], y[half != h])
            probability[half == h] = model.predict_proba(x[half == h])[:, 1]
        pairs = scored[["record_id_l", "record_id_r"]].copy()
        pairs["match_probability"] = probability
        best = None
        for threshold in (0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
            p, r, f = pairwise_scores(cluster_records(frame, pairs, threshold=threshold), truth)
            print(f"  oracle ({label}) at {threshold}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
            if p >= 0.98 and (best is None or f > best[2]):
                best = (round(p, 4), round(r, 4), round(f, 4), threshold)
        print(f"oracle ({label}): best F1 with precision >= 0.98: {best}", flush=True)
    counts = Counter(truth["person_id"])
    total = sum(n * (n - 1) // 2 for n in counts.values())
    print(f"true pairs among the scored pairs: {int(y.sum())} of {total}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("which")
    parser.add_argument("size", type=int)
    parser.add_argument("--oracle", action="store_true")
    parser.add_argument(
        "--unseal",
        action="store_true",
        help="diagnose the sealed set (measured once on 2026-12-01; from then on it is looked at)",
    )
    arguments = parser.parse_args()
    if arguments.which == "sealed" and not arguments.unseal:
        raise SystemExit("the sealed set is the yardstick: diagnose it only with --unseal")
    analyse(arguments.which, arguments.size, arguments.oracle)


if __name__ == "__main__":
    main()
