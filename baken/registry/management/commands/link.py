import sys
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

import pandas as pd
from django.core.management.base import BaseCommand, CommandError

from baken.registry.record_linkage import LinkageInputError, link


class Command(BaseCommand):
    help = (
        "Link registrations into persons. With --input/--output: read what `baken pseudonymise` "
        "writes (record_id, source and the pseudonyms) and write record_id,cluster_id for every "
        "record. With --rebuild: re-link all registrations in the registry's database (run it "
        "nightly); analysts' decisions on pairs are kept."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--input", type=Path, help="pseudonymised CSV")
        parser.add_argument("--output", type=Path, help="where to write record_id,cluster_id")
        parser.add_argument("--rebuild", action="store_true", help="re-link the database")

    def progress(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        self.stderr.write(f"[{elapsed:7.1f} s] {message}")

    def handle(self, *args: Any, **options: Any) -> None:
        self.started = time.perf_counter()
        if options["rebuild"]:
            if options["input"] or options["output"]:
                raise CommandError("use either --rebuild or --input with --output")
            from baken.registry.disclosure import DisclosureError
            from baken.registry.disclosure_audit import AuditError
            from baken.registry.models import StatisticsRelease
            from baken.registry.persons import rebuild

            try:
                run = rebuild(progress=self.progress)
            except (AuditError, DisclosureError) as error:
                raise CommandError(f"statistics release not published: {error}") from error
            self.stdout.write(
                f"Linked {run.records} registration(s) into {run.persons} person(s); "
                f"{run.pairs} candidate pair(s) scored."
            )
            release = StatisticsRelease.objects.first()
            if release is not None and release.audit:
                audit = release.audit
                narrowest = audit["narrowest_width"]
                self.stdout.write(
                    f"Statistics release published; disclosure audit passed: "
                    f"{audit['cells_checked']} hidden small count(s)"
                    + (f", none narrower than {narrowest}" if narrowest is not None else "")
                    + f" (protection width {audit['protection_width']})."
                )
            return
        if not options["input"] or not options["output"]:
            raise CommandError("give --input and --output (or --rebuild)")
        try:
            records = pd.read_csv(options["input"], dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['input']}: {error}") from error
        self.progress(f"read {len(records)} record(s) from {options['input']}")
        try:
            result = link(records, progress=self.progress)
        except LinkageInputError as error:
            raise CommandError(f"{options['input']}: {error}") from error
        result.clusters.to_csv(options["output"], index=False)
        persons = result.clusters["cluster_id"].nunique()
        self.stdout.write(
            f"Wrote {len(result.clusters)} record(s) in {persons} cluster(s) "
            f"to {options['output']}."
        )
        sys.stdout.flush()
