"""Multiple systems estimation against the published reference results (SparseMSE 2.0.1):
point estimates to ±0.5, selected models exactly, model-conditional intervals to ±1."""

from pathlib import Path

import pytest

from baken.registry.multiple_systems_estimation import (
    TableError,
    fit_model,
    hierarchical_models,
    minimum_bic,
    read_table,
    stepwise,
    summarise,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"


@pytest.mark.parametrize(
    ("name", "main_effects"),
    [("Western", 2007.1), ("Kosovo", 7394.6), ("Korea", 142.0), ("Artificial_3", 539.1)],
)
def test_main_effects_model(name: str, main_effects: float) -> None:
    table = read_table(DATA / f"{name}.csv")
    fit = fit_model(table)
    assert fit is not None
    assert table.observed + fit.unobserved == pytest.approx(main_effects, abs=0.5)


@pytest.mark.parametrize(
    ("name", "model", "estimate", "low", "high"),
    [
        ("Western", {"A:E"}, 2483.4, 1657.1, 3830.0),
        (
            "Kosovo",
            {"ABA:OSCE", "OSCE:HRW", "EXH:OSCE", "EXH:ABA", "EXH:HRW"},
            14341.7,
            12541.3,
            16540.2,
        ),
        ("Korea", {"b:c"}, 268.8, 202.5, 390.2),
        ("Artificial_3", set(), 539.1, 278.6, 1170.9),
    ],
)
def test_stepwise_selection_matches_the_reference(
    name: str, model: set[str], estimate: float, low: float, high: float
) -> None:
    table = read_table(DATA / f"{name}.csv")
    result = summarise(table, stepwise(table, threshold=0.02))
    assert set(result.model) == model
    assert result.estimate == pytest.approx(estimate, abs=0.5)
    assert result.ci_low == pytest.approx(low, abs=1)
    assert result.ci_high == pytest.approx(high, abs=1)


def test_models_without_an_mle_or_not_identifiable_are_refused() -> None:
    table = read_table(DATA / "Artificial_3.csv")
    assert fit_model(table, ((0, 1),)) is None  # A:B: the MLE does not exist
    assert fit_model(table, ((0, 1), (0, 2), (1, 2))) is None  # not identifiable
    assert fit_model(table, ((0, 2), (1, 2))) is not None


def test_sparse_tables_with_non_overlapping_lists_fit(tmp_path: Path) -> None:
    for name in ("NewOrl_5", "UKdat_5", "Ned_5"):
        table = read_table(DATA / f"{name}.csv")
        result = summarise(table, stepwise(table))
        assert result.estimate > table.observed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A,B\n1,0\n", "last column must be 'count'"),
        ("A,B,count\n1,2,5\n", "row 2, column B: expected 0 or 1"),
        ("A,B,count\n1,0,many\n", "row 2, column count"),
        ("A,B,count\n0,0,4\n", "all-zero history"),
    ],
)
def test_malformed_tables_name_the_row_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match=message):
        read_table(path)


def test_the_estimate_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from django.core.management import call_command

    call_command("estimate", str(DATA / "Korea.csv"), "--json")
    output = json.loads(capsys.readouterr().out)
    assert output["model"] == ["b:c"] and output["estimate"] == pytest.approx(268.8, abs=0.5)
    assert output["observed"] == 123 and output["lists"] == ["b", "c", "d"]
    assert output["ci_method"] == "model-conditional"


@pytest.mark.parametrize(
    ("name", "max_order", "model", "estimate"),
    [
        ("Kosovo", 2, {"ABA:OSCE", "OSCE:HRW", "EXH:OSCE", "EXH:ABA", "EXH:HRW"}, 14342),
        (
            "Kosovo",
            3,
            {"ABA:OSCE", "OSCE:HRW", "EXH:OSCE", "EXH:ABA", "EXH:HRW", "EXH:ABA:OSCE"},
            10357,
        ),
        ("Korea", 2, {"b:c", "c:d"}, 157),
    ],
)
def test_minimum_bic_matches_the_published_results(
    name: str, max_order: int, model: set[str], estimate: float
) -> None:
    table = read_table(DATA / f"{name}.csv")
    result = summarise(table, minimum_bic(table, max_order=max_order))
    assert set(result.model) == model
    assert result.estimate == pytest.approx(estimate, abs=0.5)


def test_hierarchical_models_are_counted_as_in_the_reference() -> None:
    assert len(hierarchical_models(4, 3)) == 113
    assert len(hierarchical_models(3, 2)) == 8


def test_the_bootstrap_is_reproducible_whatever_the_number_of_workers() -> None:
    from baken.registry.multiple_systems_estimation import Selection, bca_bootstrap

    table = read_table(DATA / "Korea.csv")
    one = bca_bootstrap(table, Selection(), replicates=60, seed=7, workers=1)
    two = bca_bootstrap(table, Selection(), replicates=60, seed=7, workers=2)
    assert (one.low, one.high) == (two.low, two.high)
    assert one.low <= 268.8 <= one.high and one.failed == 0


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [("Korea", 123, 440), ("Kosovo", 12596, 16527), ("Western", 1293, 3672)],
)
def test_bca_limits_agree_with_the_reference_within_monte_carlo_error(
    name: str, low: float, high: float
) -> None:
    """SparseMSE's 1000-replicate BCa limits (R's random stream, seed 1234). Ours use NumPy's
    stream, so they can only agree within Monte Carlo error: a few per cent."""
    from baken.registry.multiple_systems_estimation import Selection, bca_bootstrap

    table = read_table(DATA / f"{name}.csv")
    interval = bca_bootstrap(table, Selection(), replicates=1000, seed=1234)
    assert interval.low == pytest.approx(low, rel=0.08)
    assert interval.high == pytest.approx(high, rel=0.08)
    assert interval.failed == 0
