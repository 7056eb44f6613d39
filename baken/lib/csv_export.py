"""CSV downloads that open safely in a spreadsheet: every cell that a spreadsheet would run as a
formula is neutralised, and the file name cannot break out of its header."""

import csv
import re
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """Text a spreadsheet would run as a formula gets a leading quote (CSV injection)."""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def safe_filename(filename: str) -> str:
    """Letters, digits, dot, dash and underscore only: no quote, semicolon or line break from a
    pseudonym or other input can reach the Content-Disposition header."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("._") or "export.csv"


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=safe_filename(filename)
    )
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return response
