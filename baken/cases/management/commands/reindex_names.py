from typing import Any

from django.core.management.base import BaseCommand

from baken.cases.services import rebuild_name_index


class Command(BaseCommand):
    help = (
        "Rebuild the keyed name index of every youth (after changing BAKEN_BLIND_INDEX_KEY, or "
        "when the way names are indexed changed). Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_name_index()
        self.stdout.write(self.style.SUCCESS(f"Re-indexed the names of {count} youth(s)."))
