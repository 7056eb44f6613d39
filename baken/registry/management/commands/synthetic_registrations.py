from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from baken.registry.synthetic import write_files


class Command(BaseCommand):
    help = (
        "Write fictional registrations (synthetic people with the usual errors of real "
        "registers) as the CSV `baken pseudonymise` reads, and the true person of each record. "
        "For tests, benchmarks and the demo; never real people."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--records", type=int, default=1000, help="number of registrations")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", required=True, type=Path, help="the people CSV")
        parser.add_argument("--truth", required=True, type=Path, help="record_id,person_id")

    def handle(self, *args: Any, **options: Any) -> None:
        write_files(options["records"], options["output"], options["truth"], seed=options["seed"])
        self.stdout.write(f"Wrote {options['records']} record(s) to {options['output']}.")
