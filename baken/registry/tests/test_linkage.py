"""Linkage on pseudonyms: `baken link` on what `baken pseudonymise` writes, quality on synthetic
registrations with realistic errors, and clear errors for bad input."""

from pathlib import Path

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from baken.registry.record_linkage import pairwise_scores
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
    assert any(s.startswith(("v.d. ", "vd ", "Van der ", "Van den ")) for s in surnames)
    assert any(", van" in s for s in surnames)  # "Berg, van den"
    assert any(len(row["date_of_birth"]) == 4 for row in rows)  # year only
    assert any(row["date_of_birth"] == "" for row in rows)
    assert any(row["nationality"] == "" for row in rows)
    assert {"police", "zorgcoordinator"} <= {row["source"] for row in rows}
    assert any(s in surnames for s in ("Nguyen", "Nguyễn"))


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


def test_pairwise_scores_on_a_small_known_case() -> None:
    clusters = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "cluster_id": ["1", "1", "1", "2"]})
    truth = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "person_id": ["x", "x", "y", "y"]})
    precision, recall, f1 = pairwise_scores(clusters, truth)
    assert precision == pytest.approx(1 / 3)
    assert recall == pytest.approx(1 / 2)
    assert f1 == pytest.approx(0.4)
