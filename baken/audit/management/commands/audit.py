from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from baken.audit.services import verify_audit_log


class Command(BaseCommand):
    help = "Audit log tools. `baken audit verify` recomputes the hash chain of the whole log."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["verify"], help="verify: check the hash chain")

    def handle(self, *args: Any, **options: Any) -> None:
        checked, problem = verify_audit_log()
        if problem is not None:
            raise CommandError(
                f"Audit log is NOT intact: {problem.describe()}. "
                f"{checked} entries before it verified."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {checked} entries verified."))
