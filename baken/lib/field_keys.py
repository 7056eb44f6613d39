"""The Fernet keys of the encrypted fields, derived once per process.

django-fernet-encrypted-fields derives the keys in a `cached_property` per field: every encrypted
field of every model runs PBKDF2 (100,000 iterations of SHA-256) on its first use, about 30 ms
each, so a new worker spent a second on the first page that shows a youth. The keys depend only
on SECRET_KEY, its fallbacks and the salts, so they are derived once for those values and shared
by every field. The derivation is the library's own, unchanged: same algorithm, iterations, salts
and order (the first salt of the current secret key encrypts, all decrypt).

`use_shared_field_keys()` runs when the apps are ready (OperationsConfig.ready)."""

import base64
from functools import cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.conf import settings
from django.utils.functional import cached_property
from encrypted_fields.fields import EncryptedFieldMixin

ITERATIONS = 100_000  # as django-fernet-encrypted-fields 0.4


@cache
def derive_field_keys(secret_keys: tuple[str, ...], salts: tuple[str, ...]) -> tuple[bytes, ...]:
    """One Fernet key per (secret key, salt), in the library's order."""
    keys = []
    for secret_key in secret_keys:
        for salt in salts:
            kdf = PBKDF2HMAC(
                algorithm=hashes.SHA256(),
                length=32,
                salt=salt.encode("utf-8"),
                iterations=ITERATIONS,
            )
            keys.append(base64.urlsafe_b64encode(kdf.derive(secret_key.encode("utf-8"))))
    return tuple(keys)


def current_field_keys() -> list[bytes]:
    """The keys for the settings as they are now (a changed salt or key gives new keys)."""
    salts = settings.SALT_KEY if isinstance(settings.SALT_KEY, list) else [settings.SALT_KEY]
    secret_keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return list(derive_field_keys(tuple(secret_keys), tuple(salts)))


def _field_keys(_field: EncryptedFieldMixin) -> list[bytes]:
    return current_field_keys()


def use_shared_field_keys() -> None:
    """Make every encrypted field take its keys from `current_field_keys` (still cached per
    field, as before, so clearing a field's `keys` and `f` picks up changed settings)."""
    keys = cached_property(_field_keys)
    keys.__set_name__(EncryptedFieldMixin, "keys")
    EncryptedFieldMixin.keys = keys
