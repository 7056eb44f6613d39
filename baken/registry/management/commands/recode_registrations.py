from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from baken.registry.models import CountReport, Registration
from baken.registry.recode_stored import recode_stored
from baken.registry.releases import publish


class Command(BaseCommand):
    help = (
        "Map the registry's stored free values (nationality and country of birth, sex, forms of "
        "exploitation, reporting region) to its code lists, and report per field what was mapped "
        "and what could not be. Without --apply nothing is written. --clear-unmapped also makes "
        "an unmappable value unknown (and drops an unmappable form). After writing, the "
        "statistics are recounted."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="write the mapped codes")
        parser.add_argument(
            "--clear-unmapped",
            action="store_true",
            help="with --apply: store unknown for values that cannot be mapped",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        apply = options["apply"]
        with transaction.atomic():
            report, changed = recode_stored(
                registration_model=Registration,
                count_model=CountReport,
                apply=apply,
                clear_unmapped=apply and options["clear_unmapped"],
            )
            if apply and changed:
                publish()
        for line in report.lines():
            self.stdout.write(line)
        verb = "Changed" if apply else "Would change"
        unmapped = sum(sum(c.values()) for c in report.unmapped.values())
        self.stdout.write(f"{verb} {changed} row(s); {unmapped} value(s) could not be mapped.")
