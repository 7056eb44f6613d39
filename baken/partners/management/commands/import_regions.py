from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from baken.accounts.models import Region
from baken.accounts.regions import load_regions, read_rows


class Command(BaseCommand):
    help = (
        "Import municipalities and the region each lies in per division from a CSV with the "
        "columns cbs_code,name and per division <prefix>_code,<prefix>_name (prefixes: province, "
        "vt, police, safety_region, ggd, youth_region, shelter). Existing rows are updated."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            rows = read_rows(options["file"])
            with transaction.atomic():
                municipalities, regions = load_regions(rows, region_model=Region)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot import {options['file']}: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(f"Imported {municipalities} municipalities and {regions} regions.")
        )
