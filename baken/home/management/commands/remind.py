from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from baken.home.reminders import send_digests


class Command(BaseCommand):
    help = (
        "Send each youth worker and designated officer an e-mail digest of screenings that are "
        "due or overdue, meldcode reports without feedback, reviews due and case-conference "
        "actions, and designated officers of registrations waiting more than a working day for "
        "the registry. Run once a day (cron or a systemd timer); running it again the same day "
        "sends nothing twice."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--base-url",
            default=settings.BASE_URL,
            help="address of Baken used in the links (default BAKEN_BASE_URL)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = send_digests(today=timezone.localdate(), base_url=options["base_url"])
        self.stdout.write(
            f"Sent {outcome.sent} digest(s); {outcome.skipped_already_sent} already sent today."
        )
