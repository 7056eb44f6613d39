"""`check --deploy` (and so `baken serve`) refuses production while a key is unset or falls back
to a default: the audit key, the field-encryption salts and the blind-index key each protect
something different and must be set on their own, apart from the secret key."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

DEFAULT_FIELD_SALT = "local-only-field-salt-change-me"


def _problem(setting: str, why: str, hint: str, number: int) -> Error:
    return Error(f"{setting} {why}", hint=hint, id=f"baken.E00{number}")


@register(Tags.security, deploy=True)
def check_keys(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    secret_keys = {settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS}
    errors: list[CheckMessage] = []
    if not settings.AUDIT_KEY or settings.AUDIT_KEY in secret_keys:
        errors.append(
            _problem(
                "BAKEN_AUDIT_KEY",
                "is not set: the audit log's hash chain is keyed with the secret key.",
                "Set BAKEN_AUDIT_KEY (or BAKEN_AUDIT_KEY_FILE) to a key of its own and keep it "
                "apart from the database.",
                1,
            )
        )
    if not settings.SALT_KEY or DEFAULT_FIELD_SALT in settings.SALT_KEY:
        errors.append(
            _problem(
                "BAKEN_FIELD_KEY_SALTS",
                "is not set: identifying fields are encrypted with the public default salt.",
                "Set BAKEN_FIELD_KEY_SALTS to a random salt of your own (then run "
                "`baken rotate_keys` if data was stored with the default).",
                2,
            )
        )
    blind = settings.BLIND_INDEX_KEY
    if not blind or any(k and blind.startswith(k) for k in secret_keys):
        errors.append(
            _problem(
                "BAKEN_BLIND_INDEX_KEY",
                "is not set: the name index is keyed with a key derived from the secret key.",
                "Set BAKEN_BLIND_INDEX_KEY (or BAKEN_BLIND_INDEX_KEY_FILE) to a key of its own, "
                "then run `baken reindex_names`.",
                3,
            )
        )
    return errors


@register(Tags.security, deploy=True)
def check_not_demo(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    """Demo mode shows every user's log-in and current second-factor code on the log-in pages."""
    if not settings.DEMO_MODE:
        return []
    return [
        _problem(
            "BAKEN_DEMO_MODE",
            "is on: the log-in pages show the users, the password and the second-factor code.",
            "Unset BAKEN_DEMO_MODE; demo mode is for `baken demo` on a local database only.",
            4,
        )
    ]
