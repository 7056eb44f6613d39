"""Two trees of Baken compared request by request: the CPU per page of each, in one window.

On a machine shared with other work, the CPU a request takes drifts with the load (the same
code measured 50 and 70 ms per youth file a few minutes apart). This runs bench/request_profile.py
in two work trees at once, each in its own process on its own copy of the database, and sends
them the same requests of the mix in turns, alternating which goes first; the drift falls on both.

    uv run python bench/request_profile_ab.py OLD_TREE NEW_TREE [--requests 600] [--only WORDS]
        [--label NAME]

Both trees need a request_profile.py with `--serve` (copy this tree's into an older one). The
copies are baken_profile_8398 (old) and baken_profile_8399 (new); their first run makes them.
Writes bench/results/request_ab[-LABEL].txt."""

import argparse
import json
import os
import statistics
import subprocess
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--only", default="")
    parser.add_argument("--label", default="")
    options = parser.parse_args()
    trees = {"old": (options.old, "8398"), "new": (options.new, "8399")}
    processes = {
        name: subprocess.Popen(  # noqa: S603 - fixed argument list
            [  # noqa: S607 - uv from the PATH, as the README runs it
                "uv",
                "run",
                "python",
                "bench/request_profile.py",
                "--keep",
                "--serve",
                "--no-profile",
                "--requests",
                str(options.requests),
                "--only",
                options.only,
            ],
            cwd=tree,
            env={**os.environ, "BENCH_PORT": port},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, (tree, port) in trees.items()
    }
    rows: dict[str, dict[str, list[list[float]]]] = {name: {} for name in trees}

    def ask(name: str, index: int) -> list[float]:
        process = processes[name]
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(f"{index}\n")
        process.stdin.flush()
        while line := process.stdout.readline():
            if line.startswith("R "):
                page, *numbers = json.loads(line[2:])
                rows[name].setdefault(page, []).append(numbers)
                return numbers
        raise SystemExit(f"the {name} tree's process ended")

    for index in range(options.requests):
        for name in ("old", "new") if index % 2 == 0 else ("new", "old"):
            ask(name, index)
    for process in processes.values():
        assert process.stdin is not None
        process.stdin.close()
        process.wait()

    lines = [
        f"Request by request, old {options.old} and new {options.new} in turns,"
        f" {options.requests} requests of the 50-user mix"
        + (f" (pages: {options.only})" if options.only else "")
        + f"; {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f}",
        "",
        "CPU ms per request (Python: mean and median; PostgreSQL's back end: mean), queries",
        f"{'page':<32}{'n':>4}{'old py':>8}{'new py':>8}{'ratio':>7}{'old med':>9}{'new med':>9}"
        f"{'old pg':>8}{'new pg':>8}{'old q':>7}{'new q':>7}{'errors':>8}",
    ]
    totals = {"old": 0.0, "new": 0.0}
    for page, old in sorted(rows["old"].items(), key=lambda item: -len(item[1])):
        new = rows["new"][page]

        def mean(samples: list[list[float]], column: int, scale: float = 1000.0) -> float:
            return sum(sample[column] for sample in samples) / len(samples) * scale

        errors = sum(sample[3] not in (200, 302) for sample in old + new)
        lines.append(
            f"{page:<32}{len(old):>4}{mean(old, 0):>8.1f}{mean(new, 0):>8.1f}"
            f"{mean(new, 0) / mean(old, 0):>7.2f}"
            f"{statistics.median(s[0] for s in old) * 1000:>9.1f}"
            f"{statistics.median(s[0] for s in new) * 1000:>9.1f}"
            f"{mean(old, 1):>8.1f}{mean(new, 1):>8.1f}"
            f"{mean(old, 2, 1):>7.1f}{mean(new, 2, 1):>7.1f}"
            f"{errors:>8}"
        )
        for name, samples in (("old", old), ("new", new)):
            totals[name] += sum(sample[0] + sample[1] for sample in samples)
    n = options.requests
    lines += [
        "",
        f"All pages, Python and PostgreSQL per request: old {totals['old'] / n * 1000:.1f} ms,"
        f" new {totals['new'] / n * 1000:.1f} ms, ratio {totals['new'] / totals['old']:.2f}",
    ]
    name = "request_ab" + (f"-{options.label}" if options.label else "")
    (RESULTS / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
