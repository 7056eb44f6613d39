"""Linkage on pseudonyms: `baken link` on what `baken pseudonymise` writes, quality on synthetic
registrations with realistic errors, and clear errors for bad input."""

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from baken.registry.record_linkage import (
    SURNAME_REFERENCE,
    Decision,
    choose_threshold,
    cluster_records,
    expected_person_quality,
    expected_quality,
    pairwise_scores,
    set_surname_reference,
    splink_settings,
)
from baken.registry.synthetic import registrations, write_files

KEY = "linkage-test-key-0123456789-abcdefghijkl"


def pseudonymised(tmp_path: Path, records: int, seed: int = 7) -> tuple[Path, Path]:
    people, truth, pseudo = tmp_path / "people.csv", tmp_path / "truth.csv", tmp_path / "pseudo.csv"
    write_files(records, people, truth, seed=seed)
    (tmp_path / "key.txt").write_text(KEY, encoding="utf-8")
    call_command(
        "pseudonymise",
        key_file=tmp_path / "key.txt",
        input=people,
        output=pseudo,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    return pseudo, truth


def test_the_generator_makes_the_errors_seen_in_practice() -> None:
    rows = [row for row, _person in registrations(3000, seed=3)]
    surnames = {row["surname"] for row in rows}
    dates = [row["date_of_birth"] for row in rows]
    assert any(s.startswith(("v.d. ", "vd ", "Van der ", "Van den ")) for s in surnames)
    assert any(", van" in s for s in surnames)  # "Berg, van den"
    assert any(s.endswith((" van", " van den", " van der", " de")) for s in surnames)
    assert any(len(d) == 4 for d in dates)  # year only
    assert any(d.endswith("-01-01") for d in dates)  # ... written as 1 January
    assert any(d.endswith("-00-00") for d in dates)  # ... BRP-style
    assert "" in dates
    assert any(row["nationality"] == "" for row in rows)
    assert {"police", "zorgcoordinator"} <= {row["source"] for row in rows}
    assert any(s in surnames for s in ("Nguyen", "Nguyễn"))
    assert any(row["given_name"].isupper() and len(row["given_name"]) > 3 for row in rows)
    assert any(" " in row["given_name"] for row in rows if row["country_of_birth"] == "NL")
    ukrainian = {row["surname"] for row in rows if row["country_of_birth"] == "UA"}
    assert any("sj" in s or "oe" in s for s in ukrainian)  # Dutch romanisation
    assert any("sch" in s or s.endswith("w") for s in ukrainian)  # German
    assert any("sh" in s or "kh" in s for s in ukrainian)  # English


def test_the_independent_set_comes_from_other_code_and_other_names() -> None:
    """The set the benchmark measures on (bench/independent_registrations.py) shares no code
    and almost no names with the set the model was tuned on."""
    from bench import independent_registrations as independent

    tuning_rows = [row for row, _person in registrations(3000, seed=3)]
    other_rows = [row for row, _person in independent.registrations(3000)]
    surnames = [{r["surname"].lower() for r in rows} for rows in (tuning_rows, other_rows)]
    given = [{r["given_name"].lower() for r in rows} for rows in (tuning_rows, other_rows)]
    assert len(surnames[0] & surnames[1]) < 0.02 * len(surnames[1])
    assert len(given[0] & given[1]) < 0.05 * len(given[1])
    countries = [{r["country_of_birth"] for r in rows} for rows in (tuning_rows, other_rows)]
    assert countries[0] & countries[1] <= {"NL", "UA"}  # with other names: see above
    assert not hasattr(independent, "ErrorRates") and not hasattr(independent, "name_pools")


@pytest.mark.django_db
def test_pseudonymised_output_holds_no_name_and_no_full_date(tmp_path: Path) -> None:
    """Over synthetic people with every variant the generator makes, no name part and no full
    date of birth in any form appears in what `baken pseudonymise` writes."""
    pseudo, _truth = pseudonymised(tmp_path, 800, seed=21)
    people = {r["record_id"]: r for r in csv.DictReader((tmp_path / "people.csv").open())}
    for row in csv.DictReader(pseudo.open(encoding="utf-8")):
        source = people[row["record_id"]]
        values = [v for k, v in row.items() if k not in ("record_id", "source")]
        words = {w.lower() for v in values for w in v.split()}
        names = (source["given_name"] + " " + source["surname"]).lower().replace(",", " ")
        assert not {n for n in names.split() if len(n) > 2} & words
        born = source["date_of_birth"]
        if len(born) == 10 and not born.endswith("-00"):
            year, month, day = born.split("-")
            text = ",".join(values)
            for form in (born, f"{day}-{month}-{year}", f"{year}{month}{day}", f"{month}-{day}"):
                assert form not in text


@pytest.mark.django_db
def test_link_writes_a_cluster_for_every_record_and_finds_the_same_people(
    tmp_path: Path,
) -> None:
    pseudo, truth = pseudonymised(tmp_path, 2000)
    output = tmp_path / "clusters.csv"
    call_command("link", input=pseudo, output=output, stdout=open("/dev/null", "w"))  # noqa: SIM115

    clusters = pd.read_csv(output, dtype=str)
    assert list(clusters.columns) == ["record_id", "cluster_id"]
    assert sorted(clusters["record_id"]) == sorted(pd.read_csv(pseudo, dtype=str)["record_id"])
    precision, _recall, f1 = pairwise_scores(clusters, pd.read_csv(truth, dtype=str))
    assert precision > 0.97
    assert f1 > 0.93


@pytest.mark.django_db
def test_bad_input_is_refused_with_the_column_or_row_named(tmp_path: Path) -> None:
    pseudo, _truth = pseudonymised(tmp_path, 50)
    frame = pd.read_csv(pseudo, dtype=str, keep_default_na=False)

    frame.drop(columns=["k_dob"]).to_csv(tmp_path / "no_dob.csv", index=False)
    with pytest.raises(CommandError, match="missing column\\(s\\): k_dob"):
        call_command("link", input=tmp_path / "no_dob.csv", output=tmp_path / "out.csv")

    broken = frame.copy()
    broken.loc[4, "bf_name"] = "not base64!"
    broken.to_csv(tmp_path / "broken.csv", index=False)
    with pytest.raises(CommandError, match="row 5: bf_name is not base64"):
        call_command("link", input=tmp_path / "broken.csv", output=tmp_path / "out.csv")

    duplicate = pd.concat([frame, frame.iloc[[0]]])
    duplicate.to_csv(tmp_path / "dup.csv", index=False)
    with pytest.raises(CommandError, match="occurs more than once"):
        call_command("link", input=tmp_path / "dup.csv", output=tmp_path / "out.csv")

    with pytest.raises(CommandError, match="give --input and --output"):
        call_command("link", input=pseudo)


def test_a_file_pseudonymised_before_the_surname_part_keys_still_links(tmp_path: Path) -> None:
    pseudo, _truth = pseudonymised(tmp_path, 50)
    frame = pd.read_csv(pseudo, dtype=str, keep_default_na=False)
    older = frame.drop(columns=["k_surname_first", "k_surname_last"])
    older.to_csv(tmp_path / "older.csv", index=False)
    call_command("link", input=tmp_path / "older.csv", output=tmp_path / "out.csv")
    assert len(pd.read_csv(tmp_path / "out.csv")) == len(frame)


def test_pairwise_scores_on_a_small_known_case() -> None:
    clusters = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "cluster_id": ["1", "1", "1", "2"]})
    truth = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "person_id": ["x", "x", "y", "y"]})
    precision, recall, f1 = pairwise_scores(clusters, truth)
    assert precision == pytest.approx(1 / 3)
    assert recall == pytest.approx(1 / 2)
    assert f1 == pytest.approx(0.4)


def test_the_threshold_is_chosen_from_the_expected_precision_and_recall() -> None:
    probabilities = np.array([0.99] * 80 + [0.9] * 10 + [0.6] * 10 + [0.2] * 10)
    at_half = expected_quality(probabilities, 0.5)
    assert at_half.expected_precision == pytest.approx((79.2 + 9 + 6) / 100)
    assert at_half.expected_recall == pytest.approx((79.2 + 9 + 6) / (79.2 + 9 + 6 + 2))
    chosen = choose_threshold(probabilities, min_expected_precision=0.97)
    assert chosen.value == pytest.approx(0.61)  # 0.6 would bring the precision to 0.94
    assert chosen.expected_precision >= 0.97
    assert choose_threshold(probabilities, min_expected_precision=0.9).value <= 0.6


def dates(*rows: tuple[str, int | None, str | None, str | None, str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        [(r, y, d, d and f"u{d}", d and f"{d}+1", None) for r, y, d, _u, _n in rows],
        columns=["record_id", "birth_year", "k_dob", "k_dob_unordered", "k_dob_next_day",
                 "k_dob_next_year"],
    )  # fmt: skip


def test_a_year_only_registration_does_not_chain_two_people_together() -> None:
    records = dates(
        ("a", 2009, "2009-03-02", None, None),
        ("b", 2009, None, None, None),  # only the year known
        ("c", 2009, "2009-08-21", None, None),
    )
    pairs = pd.DataFrame(
        [("a", "b", 0.9), ("b", "c", 0.8)],
        columns=["record_id_l", "record_id_r", "match_probability"],
    )
    clusters = dict(cluster_records(records, pairs, threshold=0.5).values)
    assert clusters == {"a": "a", "b": "a", "c": "c"}  # the likelier link wins
    decided = cluster_records(
        records, pairs, threshold=0.5, decisions=[Decision("a", "c", same_person=True)]
    )
    assert decided["cluster_id"].nunique() == 1  # an analyst's decision overrides the dates
    apart = cluster_records(
        records, pairs, threshold=0.5, decisions=[Decision("a", "b", same_person=False)]
    )
    assert dict(apart.values) == {"a": "a", "b": "b", "c": "b"}


def test_the_surnames_term_frequencies_are_weighed_against_the_chance_of_a_shared_surname() -> None:
    model = {"comparisons": [{"comparison_levels": [
        {"label_for_charts": "same surname, other given name", "u_probability": 0.01},
        {"label_for_charts": SURNAME_REFERENCE, "u_probability": 1e-3},
    ]}]}  # fmt: skip
    frame = pd.DataFrame({"k_surname": ["a", "a", "b", "c"]})
    set_surname_reference(model, frame)
    levels = model["comparisons"][0]["comparison_levels"]
    assert levels[1]["u_probability"] == pytest.approx(0.5**2 + 0.25**2 + 0.25**2)
    assert levels[0]["u_probability"] == 0.01  # the twins level keeps its own
    # And in a trained model it is the one exact match on the surname, which Splink takes.
    name = splink_settings()["comparisons"][0]["comparison_levels"]
    exact = [lv for lv in name if lv["sql_condition"] == "k_surname_l = k_surname_r"]
    assert [lv["label_for_charts"] for lv in exact] == [SURNAME_REFERENCE]


def test_estimated_years_of_birth_may_lie_three_apart_full_dates_not_two() -> None:
    estimated = dates(("a", 2005, None, None, None), ("b", 2008, "2008-05-05", None, None))
    too_far = dates(("a", 2004, None, None, None), ("b", 2008, "2008-05-05", None, None))
    full = dates(("a", 2006, "2006-05-05", None, None), ("b", 2008, "2008-05-05", None, None))
    pairs = pd.DataFrame(
        [("a", "b", 0.99)], columns=["record_id_l", "record_id_r", "match_probability"]
    )
    assert cluster_records(estimated, pairs, threshold=0.5)["cluster_id"].nunique() == 1
    assert cluster_records(too_far, pairs, threshold=0.5)["cluster_id"].nunique() == 2
    assert cluster_records(full, pairs, threshold=0.5)["cluster_id"].nunique() == 2


def test_one_likely_pair_does_not_join_two_persons_whose_other_registrations_differ() -> None:
    records = dates(*((r, None, None, None, None) for r in ("a1", "a2", "b1", "b2")))
    linked = [("a1", "a2", 0.99), ("b1", "b2", 0.99), ("a1", "b1", 0.9)]
    pairs = pd.DataFrame(linked, columns=["record_id_l", "record_id_r", "match_probability"])
    # a1-b1 is likely, but the other three pairs between the two persons were not even scored:
    # on average the two persons' registrations are unlikely to be one person.
    clusters = dict(cluster_records(records, pairs, threshold=0.5).values)
    assert clusters == {"a1": "a1", "a2": "a1", "b1": "b1", "b2": "b1"}
    both = pd.concat(
        [pairs, pd.DataFrame([("a2", "b2", 0.9)], columns=pairs.columns)], ignore_index=True
    )
    assert cluster_records(records, both, threshold=0.5)["cluster_id"].nunique() == 1


def test_the_model_expects_of_the_persons_what_their_pairs_are_worth() -> None:
    records = dates(*((r, None, None, None, None) for r in ("a", "b", "c")))
    pairs = pd.DataFrame(
        [("a", "b", 0.9), ("b", "c", 0.8), ("a", "c", 0.5)],
        columns=["record_id_l", "record_id_r", "match_probability"],
    )
    low, high = expected_person_quality(records, pairs, [0.6, 0.85])
    # At 0.6 all three are one person: three pairs worth 0.9 + 0.8 + 0.5.
    assert low.expected_precision == pytest.approx(2.2 / 3)
    assert low.expected_recall == pytest.approx(1.0)
    # At 0.85 only a and b.
    assert high.expected_precision == pytest.approx(0.9)
    assert high.expected_recall == pytest.approx(0.9 / 2.2)
