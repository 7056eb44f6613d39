from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from baken.accounts.demo import current_demo_code
from baken.accounts.models import User


class Command(BaseCommand):
    help = "Demo only: print the current two-factor code of a demo user, so no phone is needed."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("`baken otp` works only in demo mode (local SQLite database).")
        user = User.objects.filter(username=options["username"]).first()
        code = current_demo_code(user) if user is not None else ""
        if not code:
            raise CommandError(f"No enrolled authenticator for user {options['username']!r}.")
        self.stdout.write(code)
