from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from encrypted_fields.fields import EncryptedFieldMixin


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the newest key. First put a new salt at the front "
        "of BAKEN_FIELD_KEY_SALTS (or move the old SECRET_KEY to BAKEN_SECRET_KEY_FALLBACKS), run "
        "this, then remove the old one."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            fields = [
                f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)
            ]
            if not fields:
                continue
            with transaction.atomic():
                for row in model._default_manager.all().iterator(chunk_size=500):
                    row.save(update_fields=fields)
                    total += 1
            self.stdout.write(f"{model._meta.label}: {', '.join(fields)}")
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total} rows."))
