import logging
import threading
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from baken.accounts.demo import DEMO_PASSWORD
from baken.operations.demo_data import load_demo_data
from baken.registration.delivery import (
    deliver_due,
    deliver_due_calls,
    http_call_transport,
    http_transport,
)

SEND_INTERVAL_SECONDS = 3
logger = logging.getLogger(__name__)


def _send_registrations(url: str) -> None:
    """The demo's sender: what `baken send_registrations` does in production."""
    transport = http_transport(url, settings.BAKEN_REGISTRY_TOKEN)
    calls = http_call_transport(url, settings.BAKEN_REGISTRY_TOKEN)
    while True:
        time.sleep(SEND_INTERVAL_SECONDS)
        try:
            deliver_due(transport=transport)
            deliver_due_calls(transport=calls)
        except Exception:  # keep the demo's sender alive; the rows stay queued
            logger.exception("demo sender")


class Command(BaseCommand):
    help = (
        "Create and migrate the local SQLite database, load fictional demo data and serve Baken "
        "on http://127.0.0.1:8000. Safe to run again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="port to serve on")
        parser.add_argument(
            "--no-serve", action="store_true", help="only prepare the database and data"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "The demo runs only on the local SQLite database (unset DATABASE_URL)."
            )
        call_command("migrate", interactive=False, verbosity=0)
        # Seeding sends notifications (consultation requests); keep them out of the console.
        backend = settings.EMAIL_BACKEND
        settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
        try:
            users = load_demo_data()
        finally:
            settings.EMAIL_BACKEND = backend
        self.stdout.write(self.style.SUCCESS("Baken demo data is ready.\n"))
        self.stdout.write(f"Log in at http://127.0.0.1:{options['port']}/ as one of:")
        for user in users:
            roles = ", ".join(str(role.label) for role in user.roles)
            self.stdout.write(f"  {user.username:<10} {roles} — {user.organisation}")
        self.stdout.write(f"\nPassword for all: {DEMO_PASSWORD}")
        self.stdout.write(
            "Second factor without a phone: in another terminal run `uv run baken otp USERNAME`"
            " and type the 6-digit code it prints.\n"
        )
        if options["no_serve"]:
            return
        url = f"http://127.0.0.1:{options['port']}"
        threading.Thread(target=_send_registrations, args=(url,), daemon=True).start()
        self.stdout.write("Registrations are sent to the demo registry every few seconds.\n")
        call_command(
            "runserver", f"127.0.0.1:{options['port']}", use_reloader=False, skip_checks=True
        )
