"""Benchmark: stepwise selection plus a BCa bootstrap that reruns the selection in every replicate,
on the 6-list Netherlands table (the R reference needs 9 to 13 minutes of one core for 1000
replicates). Writes bench/results/estimation.txt.

    uv run python bench/estimation.py [REPLICATES]
"""

import os
import sys
import time
from pathlib import Path

from baken.registry.multiple_systems_estimation import (
    Selection,
    bca_bootstrap,
    read_table,
    stepwise,
    summarise,
)

DATA = Path(__file__).resolve().parents[1] / "baken" / "registry" / "data" / "mse"
RESULTS = Path(__file__).resolve().parent / "results" / "estimation.txt"


def main() -> None:
    replicates = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    lines = [f"cores: {os.cpu_count()}, replicates: {replicates}"]
    for name in ("Ned", "Korea", "Western"):
        table = read_table(DATA / f"{name}.csv")
        started = time.perf_counter()
        point = summarise(table, stepwise(table))
        interval = bca_bootstrap(table, Selection(), replicates=replicates, seed=1234)
        seconds = time.perf_counter() - started
        lines.append(
            f"{name}: {len(table.lists)} lists, estimate {point.estimate:.1f}, model "
            f"{'+'.join(point.model) or 'main effects'}, BCa {interval.low:.0f}-{interval.high:.0f}"
            f", failed replicates {interval.failed}, {seconds:.1f} s"
        )
        print(lines[-1], flush=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
