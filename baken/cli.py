"""The `baken` command: Django's management commands plus Baken's own (`baken help` lists them)."""

import os
import sys

DEMO_COMMANDS = {"demo", "otp"}
DEMO_PSEUDONYM_KEY = "demo-only-pseudonymisation-key-not-for-real-use"
DEMO_REGISTRY_TOKEN = "bk_demo_token_for_the_local_demo_registry_only"  # noqa: S105


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command in DEMO_COMMANDS and "DATABASE_URL" not in os.environ:
        # Demo mode only ever applies to the local zero-set-up SQLite database.
        os.environ.setdefault("BAKEN_DEMO_MODE", "1")
        os.environ.setdefault("BAKEN_DEBUG", "1")
        os.environ.setdefault("BAKEN_HTTPS", "0")
        # The demo runs the institution side, the registry and the sender in one process.
        os.environ.setdefault("BAKEN_PSEUDONYM_KEY", DEMO_PSEUDONYM_KEY)
        os.environ.setdefault("BAKEN_REGISTRY_TOKEN", DEMO_REGISTRY_TOKEN)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baken.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
