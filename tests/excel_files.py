"""Workbooks built the way users' files really look."""
import io

from openpyxl import Workbook


def workbook(rows, title_rows=(), sheet_title="Sheet1", extra_sheets=()) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    for name in extra_sheets:
        wb.create_sheet(name).append(["nothing", "to", "see"])
    for text in title_rows:
        ws.append([text])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=4)
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def read(data: bytes, sheet=0) -> list:
    from python_calamine import CalamineWorkbook
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(sheet).to_python()
