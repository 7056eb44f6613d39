"""The two sides name what a registration says about the person the same way: the institution's
list (registration/pseudonymise.py) is the registry's intake schema (registry/schemas.py), and the
linkage model, which runs without Django and so keeps its own tuple, reads exactly those columns."""

from baken.registration import pseudonymise
from baken.registry import record_linkage, schemas


def test_the_institution_sends_what_the_intake_api_defines() -> None:
    assert ("key_version", *schemas.PSEUDONYM_KEYS) == pseudonymise.PSEUDONYM_KEYS
    assert pseudonymise.ALLOWED_PLAINTEXT == schemas.ALLOWED_PLAINTEXT
    assert set(schemas.ALLOWED_PLAINTEXT) <= set(schemas.RegistrationIn.model_fields)


def test_the_linkage_model_reads_the_columns_of_the_intake_api() -> None:
    assert record_linkage.PSEUDONYM_COLUMNS == schemas.PSEUDONYM_COLUMNS
