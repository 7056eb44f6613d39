import logging
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from baken.registry.bootstrap_jobs import run_due_jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Compute the BCa bootstrap intervals asked for on the estimation page. Runs as a "
        "long-lived worker; --once runs what is due and stops."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds")
        parser.add_argument("--workers", type=int, default=0, help="processes (0: every core)")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            try:
                ran = run_due_jobs(workers=options["workers"] or None)
            except Exception:  # a database outage, say: the worker lives on, the rows wait
                if options["once"]:
                    raise
                logger.exception("bootstrap worker: round failed, trying again")
                close_old_connections()
            else:
                if ran:
                    self.stdout.write(f"bootstrap intervals computed: {ran}")
            if options["once"]:
                return
            time.sleep(options["interval"])
