"""The keys of the encrypted fields are derived once per process, with the library's own
derivation: a new worker no longer runs PBKDF2 for every field it touches."""

import base64

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.apps import apps
from encrypted_fields.fields import EncryptedFieldMixin

from baken.cases.models import Youth
from baken.cases.testing import make_youth
from baken.lib.field_keys import derive_field_keys
from baken.testing import Cast

pytestmark = pytest.mark.django_db


def _encrypted_fields() -> list[EncryptedFieldMixin]:
    return [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedFieldMixin)
    ]


def _forget_keys() -> None:
    derive_field_keys.cache_clear()
    for field in _encrypted_fields():
        field.__dict__.pop("keys", None)
        field.__dict__.pop("f", None)


def test_all_encrypted_fields_share_one_key_derivation(cast: Cast) -> None:
    _forget_keys()

    youth = make_youth(cast.worker_a, teams=[cast.team_a1])
    stored = Youth.objects.get(pk=youth.pk)
    for field in _encrypted_fields():
        field.f  # noqa: B018 - every field's Fernet, as a busy worker would build them

    assert stored.given_names == "Lisa"
    assert len(_encrypted_fields()) > 20
    assert derive_field_keys.cache_info().misses == 1


def test_the_keys_are_pbkdf2_of_the_secret_key_with_each_salt(settings: object) -> None:
    settings.SALT_KEY = ["new-salt", "old-salt"]  # type: ignore[attr-defined]
    settings.SECRET_KEY_FALLBACKS = ["an-earlier-secret-key"]  # type: ignore[attr-defined]
    _forget_keys()

    keys = _encrypted_fields()[0].keys

    expected = [
        base64.urlsafe_b64encode(
            PBKDF2HMAC(
                algorithm=hashes.SHA256(), length=32, salt=salt.encode(), iterations=100_000
            ).derive(secret.encode())
        )
        for secret in (settings.SECRET_KEY, "an-earlier-secret-key")  # type: ignore[attr-defined]
        for salt in ("new-salt", "old-salt")
    ]
    assert keys == expected
    _forget_keys()
