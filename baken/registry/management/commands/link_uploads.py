import logging
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from baken.registry.link_jobs import run_due_link_jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Link uploaded registrations that were too many to link during the upload (the registry "
        "side's worker). Runs as a long-lived worker; --once runs what is due and stops."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            try:
                ran = run_due_link_jobs()
            except Exception:  # a database outage, say: the worker lives on, the jobs wait
                if options["once"]:
                    raise
                logger.exception("link_uploads: round failed, trying again")
                close_old_connections()
            else:
                if ran:
                    self.stdout.write(f"ran {ran} link job(s)")
            if options["once"]:
                return
            time.sleep(options["interval"])
