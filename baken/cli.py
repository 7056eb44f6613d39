"""The `baken` command: Django's management commands plus Baken's own (`baken help` lists them)."""

import os
import sys

DEMO_COMMANDS = {"demo", "otp"}


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command in DEMO_COMMANDS and "DATABASE_URL" not in os.environ:
        # Demo mode only ever applies to the local zero-set-up SQLite database.
        os.environ.setdefault("BAKEN_DEMO_MODE", "1")
        os.environ.setdefault("BAKEN_DEBUG", "1")
        os.environ.setdefault("BAKEN_HTTPS", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baken.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
