import subprocess
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Production server: refuse to start unless `check --deploy` is clean, collect static "
        "files, migrate, then run gunicorn."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port for gunicorn")
        parser.add_argument("--workers", type=int, default=3)
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("check", deploy=True, fail_level="WARNING")
        call_command("collectstatic", interactive=False, verbosity=0)
        if not options["no_migrate"]:
            call_command("migrate", interactive=False)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "baken.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            # Load Baken once in the master: a worker gunicorn starts later (after a crash or
            # a restart) is forked ready to answer, and the workers share that memory.
            "--preload",
            "--access-logfile",
            "-",
        ]
        raise SystemExit(subprocess.call(command))  # noqa: S603 - fixed argument list
