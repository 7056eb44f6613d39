import logging
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from baken.registration.delivery import (
    MAX_BACKOFF_SECONDS,
    DeliveryRun,
    deliver_due,
    deliver_due_calls,
    deliver_due_withdrawals,
    http_call_transport,
    http_transport,
)

logger = logging.getLogger(__name__)


def pause_after(*, interval: float, problems_in_a_row: int) -> float:
    """Seconds to wait before the next round: the interval, doubled after each round in a row
    that met a configuration problem (a revoked token), up to an hour."""
    return min(interval * 2**problems_in_a_row, max(interval, MAX_BACKOFF_SECONDS))


class Command(BaseCommand):
    help = (
        "Send queued registrations, and then queued corrections and withdrawals (those of files "
        "destroyed on request too), to the registry "
        "(BAKEN_REGISTRY_URL, BAKEN_REGISTRY_TOKEN). "
        "Runs as a long-lived worker; --once sends what is due and stops."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.BAKEN_REGISTRY_URL or not settings.BAKEN_REGISTRY_TOKEN:
            raise CommandError("Set BAKEN_REGISTRY_URL and BAKEN_REGISTRY_TOKEN first.")
        transport = http_transport(settings.BAKEN_REGISTRY_URL, settings.BAKEN_REGISTRY_TOKEN)
        calls = http_call_transport(settings.BAKEN_REGISTRY_URL, settings.BAKEN_REGISTRY_TOKEN)
        problems_in_a_row = 0
        while True:
            try:
                run = deliver_due(transport=transport)
                for deliver in (deliver_due_calls, deliver_due_withdrawals):
                    if run.problem:
                        break
                    done = deliver(transport=calls)
                    run = DeliveryRun(
                        delivered=run.delivered + done.delivered,
                        retrying=run.retrying + done.retrying,
                        needs_correction=run.needs_correction + done.needs_correction,
                        problem=done.problem,
                    )
            except Exception:  # a database outage, say: the worker lives on, the rows wait
                if options["once"]:
                    raise
                logger.exception("registration sender: round failed, trying again")
                close_old_connections()
            else:
                if run.delivered or run.retrying or run.needs_correction:
                    self.stdout.write(
                        f"delivered {run.delivered}, retrying {run.retrying}, "
                        f"needs correction {run.needs_correction}"
                    )
                if run.problem:
                    self.stderr.write(run.problem)
                problems_in_a_row = problems_in_a_row + 1 if run.problem else 0
            if options["once"]:
                if problems_in_a_row:
                    raise CommandError(run.problem)
                return
            pause = pause_after(interval=options["interval"], problems_in_a_row=problems_in_a_row)
            time.sleep(pause)
