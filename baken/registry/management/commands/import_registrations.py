import sys
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from baken.registry.models import Source
from baken.registry.upload import upload_registrations


class Command(BaseCommand):
    help = (
        "Import a CSV of pseudonymised registrations for one source, as the upload page does "
        "(what `baken pseudonymise` writes, plus the registration fields). Each record_id is "
        "stored once; rejected rows are reported with their row number and reason."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", required=True, help="the source's name")
        parser.add_argument(
            "--forms", default="", help="comma-separated forms for rows without any"
        )
        parser.add_argument(
            "--reported-on",
            type=date.fromisoformat,
            default=None,
            help="date for rows without one (default today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Source.objects.filter(name=options["source"]).first()
        if source is None:
            raise CommandError(f"No source named {options['source']!r}.")
        try:
            content = options["file"].read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        report = upload_registrations(
            source=source,
            content=content,
            default_forms=[f.strip() for f in options["forms"].split(",") if f.strip()],
            default_reported_on=options["reported_on"] or timezone.localdate(),
            by=None,
            request=None,
            link_at_once=True,
        )
        for number, problem in report.rejected:
            self.stderr.write(f"row {number}: {problem}")
        self.stdout.write(
            f"{report.accepted} accepted, {report.already_present} already present, "
            f"{len(report.rejected)} rejected."
        )
        if report.job is not None:
            job = report.job
            if job.persons_after is not None:
                self.stdout.write(
                    f"Linked on arrival: the registry counts {job.persons_after} persons."
                )
            else:
                self.stderr.write(
                    f"Linking failed ({job.last_error}); `baken link_uploads` retries."
                )
        if report.rejected:
            sys.exit(1)
