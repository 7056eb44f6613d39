"""Applying recoding.py to what the registry has stored (registrations and untraceable counts).
Takes the models as arguments, so the data migration can pass its historical ones."""

from typing import Any

from baken.registry.recoding import RECODERS, RecodeReport, recode_fields

REGISTRATION_FIELDS = (*RECODERS, "forms")
COUNT_FIELDS = ("reporter_region", "forms")


def recode_stored(
    *, registration_model: Any, count_model: Any, apply: bool, clear_unmapped: bool = False
) -> tuple[RecodeReport, int]:
    """Map stored free values to codes; returns the report and how many rows changed (or would
    change, without `apply`)."""
    report = RecodeReport()
    changed = 0
    for model, fields in ((registration_model, REGISTRATION_FIELDS), (count_model, COUNT_FIELDS)):
        for row in model.objects.values("pk", *fields).iterator(chunk_size=2000):
            changes = recode_fields(row, report, clear_unmapped=clear_unmapped)
            if changes:
                changed += 1
                if apply:
                    model.objects.filter(pk=row["pk"]).update(**changes)
    return report, changed
