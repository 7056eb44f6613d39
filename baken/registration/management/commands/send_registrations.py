import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from baken.registration.delivery import deliver_due, http_transport


class Command(BaseCommand):
    help = (
        "Send queued registrations to the registry (BAKEN_REGISTRY_URL, BAKEN_REGISTRY_TOKEN). "
        "Runs as a long-lived worker; --once sends what is due and stops."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.BAKEN_REGISTRY_URL or not settings.BAKEN_REGISTRY_TOKEN:
            raise CommandError("Set BAKEN_REGISTRY_URL and BAKEN_REGISTRY_TOKEN first.")
        transport = http_transport(settings.BAKEN_REGISTRY_URL, settings.BAKEN_REGISTRY_TOKEN)
        while True:
            run = deliver_due(transport=transport)
            if run.delivered or run.retrying or run.needs_correction:
                self.stdout.write(
                    f"delivered {run.delivered}, retrying {run.retrying}, "
                    f"needs correction {run.needs_correction}"
                )
            if options["once"]:
                return
            time.sleep(options["interval"])
