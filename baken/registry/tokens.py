"""Issuing, rotating and revoking source tokens. A token is shown once; only its hash is kept."""

import secrets

from django.db import transaction
from django.utils import timezone

from baken.registry.code_lists import SOURCE_KINDS
from baken.registry.models import TOKEN_PREFIX_LENGTH, Source, hash_token


def _new_token() -> str:
    return "bk_" + secrets.token_urlsafe(32)


@transaction.atomic
def issue_source(*, name: str, kind: str, token: str = "") -> tuple[Source, str]:
    """A new source with a new token, or with the token given (the demo's, for example). Its kind
    is one of the code list's source kinds (the estimation groups sources into lists by kind)."""
    if kind not in SOURCE_KINDS:
        raise ValueError(f"source kind {kind!r} is not one of: {', '.join(SOURCE_KINDS)}")
    token = token or _new_token()
    source = Source.objects.create(
        name=name, kind=kind, token_hash=hash_token(token), token_prefix=token[:TOKEN_PREFIX_LENGTH]
    )
    return source, token


@transaction.atomic
def rotate_token(*, source: Source) -> str:
    token = _new_token()
    source.token_hash = hash_token(token)
    source.token_prefix = token[:TOKEN_PREFIX_LENGTH]
    source.token_issued_at = timezone.now()
    source.is_active = True
    source.save(update_fields=["token_hash", "token_prefix", "token_issued_at", "is_active"])
    return token


def revoke(*, source: Source) -> None:
    source.is_active = False
    source.save(update_fields=["is_active"])
