from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from baken.registry.models import Source, SourceKind
from baken.registry.tokens import issue_source, revoke, rotate_token

MIN_GIVEN_TOKEN = 20


class Command(BaseCommand):
    help = (
        "Registry administration of sources and their API tokens: `add NAME --kind KIND`, "
        "`rotate NAME`, `revoke NAME`, `list`. A new token is printed once; only its hash is kept."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["add", "rotate", "revoke", "list"])
        parser.add_argument("name", nargs="?")
        parser.add_argument("--kind", choices=SourceKind.values, default=SourceKind.OTHER)
        parser.add_argument(
            "--token-file",
            type=Path,
            help="with add: use the token in this file instead of issuing a new one",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action, name = options["action"], options["name"]
        if action == "list":
            for source in Source.objects.all():
                state = "active" if source.is_active else "revoked"
                self.stdout.write(f"{source.name}\t{source.kind}\t{source.token_prefix}…\t{state}")
            return
        if not name:
            raise CommandError(f"`{action}` needs the source's name")
        if action == "add":
            if Source.objects.filter(name=name).exists():
                raise CommandError(f"A source named {name!r} exists already; use rotate.")
            given = ""
            if options["token_file"]:
                try:
                    given = options["token_file"].read_text(encoding="utf-8").strip()
                except OSError as error:
                    raise CommandError(f"Cannot read the token file: {error}") from error
                if len(given) < MIN_GIVEN_TOKEN:
                    raise CommandError(f"A token needs at least {MIN_GIVEN_TOKEN} characters.")
            _new, token = issue_source(name=name, kind=options["kind"], token=given)
            if not given:
                self.stdout.write(token)
            return
        found = Source.objects.filter(name=name).first()
        if found is None:
            raise CommandError(f"No source named {name!r}.")
        if action == "rotate":
            self.stdout.write(rotate_token(source=found))
        else:
            revoke(source=found)
            self.stdout.write(f"Revoked the token of {name}.")
