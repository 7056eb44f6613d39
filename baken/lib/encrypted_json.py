"""A JSON value stored as one encrypted text.

django-fernet-encrypted-fields' own EncryptedJSONField encrypts every leaf separately as a string,
so a stored `None` comes back as "None" and `1` as "1" (and the keys stay readable). This field
serialises the whole value to JSON and encrypts that text with the library's EncryptedTextField."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from encrypted_fields.fields import EncryptedTextField


class EncryptedJSONTextField(EncryptedTextField):
    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return super().get_prep_value(json.dumps(value, cls=DjangoJSONEncoder))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        text = super().from_db_value(value, expression, connection)
        return None if text is None else json.loads(text)
