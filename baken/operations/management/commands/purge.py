from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from baken.registry.retention import erase_due_registrations, registrations_due
from baken.retention.services import case_files_due, destroy_due_case_file


class Command(BaseCommand):
    help = (
        "Carry out the retention policy (see docs/operations.md). Institution side: destroy the "
        "files of youths whose care ended and whose term (BAKEN_YOUTH_FILE_RETENTION_YEARS, at "
        "least 20 years since the last change, Jeugdwet art. 7.3.8) has passed. Registry side: "
        "erase withdrawn registrations and those older than BAKEN_REGISTRY_RETENTION_YEARS. "
        "Lists what would go; --apply deletes it, with an audit entry for each."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--apply", action="store_true", help="really delete")

    def handle(self, *args: Any, **options: Any) -> None:
        apply = options["apply"]
        today = timezone.localdate()
        files = case_files_due(today=today)
        self.stdout.write(f"Youth files past their retention term: {len(files)}")
        for due in files:
            self.stdout.write(
                f"  {due.pseudonym}  {due.organisation}  care ended {due.care_end}, last change "
                f"{due.last_change}, term ended {due.retention_ends}"
            )
        registry = registrations_due(today=today)
        self.stdout.write(
            f"Registry: withdrawn before {registry.withdrawn_before}: {len(registry.withdrawn)}; "
            f"reported before {registry.reported_before}: {len(registry.expired)}"
        )
        for reference in [*registry.withdrawn, *registry.expired]:
            self.stdout.write(f"  {reference}")
        if not apply:
            if files or registry.withdrawn or registry.expired:
                self.stdout.write("Dry run: nothing deleted. Run again with --apply to delete.")
            return
        for due in files:
            destroy_due_case_file(due=due)
        erased = erase_due_registrations(due=registry)
        self.stdout.write(
            self.style.SUCCESS(
                f"Destroyed {len(files)} youth files and erased {erased} registrations."
            )
        )
