"""The `baken` command: Django's management commands plus Baken's own (`baken help` lists them)."""

import os
import sys

DEMO_COMMANDS = {"demo", "otp"}
DEMO_PSEUDONYM_KEY = "demo-only-pseudonymisation-key-not-for-real-use"
DEMO_REGISTRY_TOKEN = "bk_demo_token_for_the_local_demo_registry_only"  # noqa: S105


def demo_environment() -> dict[str, str]:
    """The settings `baken demo` and `baken otp` run with. Not DEBUG: a visitor of the demo sees
    Baken's own error pages, never Django's technical page with the list of URLs (the static
    files are served from the source folders in demo mode, see settings.py)."""
    return {
        "BAKEN_DEMO_MODE": "1",
        "BAKEN_HTTPS": "0",
        # The demo runs the institution side, the registry and the sender in one process.
        "BAKEN_PSEUDONYM_KEY": DEMO_PSEUDONYM_KEY,
        "BAKEN_REGISTRY_TOKEN": DEMO_REGISTRY_TOKEN,
    }


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command in DEMO_COMMANDS and "DATABASE_URL" not in os.environ:
        # Demo mode only ever applies to the local zero-set-up SQLite database.
        for name, value in demo_environment().items():
            os.environ.setdefault(name, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baken.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
