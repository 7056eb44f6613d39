"""The statistics as an XLSX workbook (openpyxl): one sheet per table, hidden counts marked."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from baken.lib.csv_export import neutralise
from baken.registry.release_presentation import ShownTable


def workbook(tables: list[ShownTable], *, note: str) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None  # noqa: S101 - a new workbook has one sheet
    book.remove(first)
    for table in tables:
        sheet = book.create_sheet(title=table.title[:31].replace("/", "-"))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(["", *table.years])
        for label, values in table.rows:
            sheet.append([neutralise(label), *[_cell(v) for v in values]])
        sheet.append([table.total_label, *[_cell(v) for v in table.total]])
        sheet.append([])
        sheet.append([note])
        sheet.column_dimensions["A"].width = 40
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: str) -> int | str:
    digits = value.replace(".", "").replace("\u00a0", "").replace(",", "")
    return int(digits) if digits.isdigit() else value
