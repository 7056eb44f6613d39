import csv
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from baken.registration.pseudonymise import (
    PSEUDONYM_FIELDS,
    PseudonymisationError,
    check_key,
    pseudonymise,
)

INPUT_COLUMNS = (
    "record_id",
    "source",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "nationality",
    "country_of_birth",
)


class Command(BaseCommand):
    help = (
        "Pseudonymise a CSV of people for registration or linkage tests. Input (UTF-8): "
        + ",".join(INPUT_COLUMNS)
        + " (ISO dates, a year, or 00 for an unknown day or month; empty = unknown; extra columns "
        "ignored). Output: record_id, "
        "source and only the keyed pseudonyms and allowed plaintext fields. Bad rows are reported "
        "with their row number and reason; the command then exits with status 1."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--key-file", required=True, type=Path, help="file holding the key")
        parser.add_argument("--key-version", default="k1", help="label stored with the keys")
        parser.add_argument("--input", required=True, type=Path)
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            key = check_key(options["key_file"].read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read the key file: {error}") from error
        except PseudonymisationError as error:
            raise CommandError(f"Key file {options['key_file']}: {error}") from error
        try:
            source = options["input"].open(encoding="utf-8-sig", newline="")
        except OSError as error:
            raise CommandError(f"Cannot read {options['input']}: {error}") from error
        rejected = written = 0
        with source, options["output"].open("w", encoding="utf-8", newline="") as target:
            reader = csv.DictReader(source)
            missing = [c for c in INPUT_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CommandError(f"{options['input']}: missing column(s) {', '.join(missing)}")
            writer = csv.DictWriter(target, fieldnames=["record_id", "source", *PSEUDONYM_FIELDS])
            writer.writeheader()
            for number, row in enumerate(reader, start=2):
                problem = _check_row(row)
                if problem is None:
                    try:
                        pseudonyms = pseudonymise(
                            key=key,
                            key_version=options["key_version"],
                            **{c: (row[c] or "") for c in INPUT_COLUMNS[2:]},
                        )
                    except PseudonymisationError as error:
                        problem = str(error)
                if problem is not None:
                    rejected += 1
                    self.stderr.write(f"row {number}: {problem}")
                    continue
                writer.writerow(
                    {"record_id": row["record_id"], "source": row["source"], **pseudonyms}
                )
                written += 1
        self.stdout.write(f"Wrote {written} row(s) to {options['output']}; rejected {rejected}.")
        if rejected:
            sys.exit(1)


def _check_row(row: dict[str, str | None]) -> str | None:
    if None in row.values():
        return "the row has fewer columns than the header"
    if not (row["record_id"] or "").strip():
        return "record_id is empty"
    if not (row["source"] or "").strip():
        return "source is empty"
    return None
