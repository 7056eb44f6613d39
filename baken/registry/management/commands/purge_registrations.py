from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from baken.registry.retention import erase_due_registrations, registrations_due


class Command(BaseCommand):
    help = (
        "The registry's retention policy (see docs/operations.md): erase withdrawn registrations "
        "after the grace period and the others older than BAKEN_REGISTRY_RETENTION_YEARS. Lists "
        "what would go; --apply erases it, with an audit entry for each. `baken purge` runs it "
        "after the institution side's purge."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--apply", action="store_true", help="really erase")

    def handle(self, *args: Any, **options: Any) -> None:
        registry = registrations_due(today=timezone.localdate())
        self.stdout.write(
            f"Registry: withdrawn before {registry.withdrawn_before}: {len(registry.withdrawn)}; "
            f"reported before {registry.reported_before}: {len(registry.expired)}"
        )
        for reference in [*registry.withdrawn, *registry.expired]:
            self.stdout.write(f"  {reference}")
        if not options["apply"]:
            if registry.withdrawn or registry.expired:
                self.stdout.write("Dry run: nothing erased. Run again with --apply to erase.")
            return
        erased = erase_due_registrations(due=registry)
        self.stdout.write(self.style.SUCCESS(f"Registry: erased {erased} registrations."))
