from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from baken.screening.instrument_file import read_instrument_file
from baken.screening.models import Instrument


class Command(BaseCommand):
    help = (
        "Load a screening instrument (for example the one your organisation already uses) from a "
        "JSON file in the format of docs/screening.md. It then appears on the screening policy "
        "page, where an organisation adopts it; screenings already done keep their version."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            definition = read_instrument_file(options["file"])
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot load {options['file']}: {error}") from error
        version = definition["version"]
        if Instrument.objects.filter(version=version).exists():
            raise CommandError(f"Version {version} is already loaded; give the file a new version.")
        Instrument.objects.create(
            version=version,
            published_on=date.fromisoformat(definition["published_on"]),
            definition=definition,
        )
        questions = sum(len(section["questions"]) for section in definition["sections"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Instrument {definition['name_en']} {version}: {questions} questions "
                f"({definition['validation']['status']})."
            )
        )
