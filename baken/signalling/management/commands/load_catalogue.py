from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from baken.signalling.catalogue import load_catalogue, read_catalogue_file
from baken.signalling.models import ExploitationForm, Indicator, IndicatorCatalogue


class Command(BaseCommand):
    help = (
        "Load a new version of the indicator catalogue from a JSON file shaped like "
        "baken/signalling/data/catalogue_2026_2.json. Signals recorded earlier keep the "
        "indicators of their own version."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--make-current", action="store_true", help="offer this version in new signals"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = read_catalogue_file(options["file"])
            version = data["catalogue"]["version"]
            if IndicatorCatalogue.objects.filter(version=version).exists():
                raise CommandError(f"Version {version} is already loaded.")
            with transaction.atomic():
                catalogue = load_catalogue(
                    data,
                    form_model=ExploitationForm,
                    catalogue_model=IndicatorCatalogue,
                    indicator_model=Indicator,
                    make_current=options["make_current"],
                )
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot load {options['file']}: {error}") from error
        count = catalogue.indicators.count()
        state = "current" if catalogue.is_current else "loaded, not current"
        self.stdout.write(self.style.SUCCESS(f"Catalogue {version}: {count} indicators ({state})."))
