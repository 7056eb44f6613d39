import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from baken.registry.multiple_systems_estimation import (
    Selection,
    TableError,
    bca_bootstrap,
    minimum_bic,
    read_table,
    stepwise,
    summarise,
)


class Command(BaseCommand):
    help = (
        "Estimate the total population from a capture table (one 0/1 column per list and a "
        "'count' column) by multiple systems estimation: stepwise selection of two-list "
        "interactions, or the minimum BIC over all hierarchical models (up to 5 lists); "
        "model-conditional 95% interval, or with --bootstrap N a BCa bootstrap interval that "
        "reruns the selection in every replicate (reproducible with --seed; uses all cores; "
        "progress on stderr)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("table", type=Path)
        parser.add_argument("--method", choices=["stepwise", "bic"], default="stepwise")
        parser.add_argument(
            "--max-order", type=int, choices=[2, 3], default=2, help="for bic: largest interaction"
        )
        parser.add_argument("--threshold", type=float, default=0.02)
        parser.add_argument(
            "--bootstrap", type=int, default=0, metavar="N", help="BCa bootstrap replicates"
        )
        parser.add_argument("--seed", type=int, default=1234)
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["threshold"] < 1:
            raise CommandError("--threshold must lie between 0 and 1")
        if options["bootstrap"] < 0 or 0 < options["bootstrap"] < 50:
            raise CommandError("--bootstrap needs at least 50 replicates (1000 recommended)")
        try:
            table = read_table(options["table"])
        except (OSError, TableError) as error:
            raise CommandError(str(error)) from error
        try:
            fit = (
                minimum_bic(table, max_order=options["max_order"])
                if options["method"] == "bic"
                else stepwise(table, threshold=options["threshold"])
            )
        except TableError as error:
            raise CommandError(str(error)) from error
        result = summarise(table, fit)
        warnings = [
            f"lists {a} and {b} never overlap; their cells were left out of the fit"
            for a, b in (term.split(":")[:2] for term in result.model)
            if not any(h[table.lists.index(a)] and h[table.lists.index(b)] for h in table.counts)
        ]
        ci_method, low, high = "model-conditional", result.ci_low, result.ci_high
        if options["bootstrap"]:
            selection = Selection(
                method=options["method"],
                threshold=options["threshold"],
                max_order=options["max_order"],
            )
            try:
                interval = bca_bootstrap(
                    table,
                    selection,
                    replicates=options["bootstrap"],
                    seed=options["seed"],
                    progress=self._progress,
                )
            except TableError as error:
                raise CommandError(str(error)) from error
            ci_method, low, high = "bca-bootstrap", interval.low, interval.high
            if interval.failed:
                warnings.append(
                    f"{interval.failed} of {options['bootstrap']} replicates could not be fitted "
                    "and were left out"
                )
        output = {
            "observed": result.observed,
            "estimate": round(result.estimate, 1),
            "ci_low": round(low, 1),
            "ci_high": round(high, 1),
            "ci_method": ci_method,
            "model_conditional_ci": [round(result.ci_low, 1), round(result.ci_high, 1)],
            "replicates": options["bootstrap"],
            "seed": options["seed"] if options["bootstrap"] else None,
            "lists": list(table.lists),
            "model": result.model,
            "method": options["method"],
            "threshold": options["threshold"],
            "warnings": warnings,
        }
        if options["json"]:
            self.stdout.write(json.dumps(output))
            return
        self.stdout.write(
            f"Observed {output['observed']}; estimated total {output['estimate']} "
            f"(95% {output['ci_low']} to {output['ci_high']}, {ci_method}); "
            f"model: main effects{''.join(' + ' + term for term in result.model)}."
        )

    def _progress(self, done: int, total: int) -> None:
        self.stderr.write(f"bootstrap: {done} of {total} replicates", ending="\r")
        if done == total:
            self.stderr.write("")
