"""Writing workbooks: exports that re-import unchanged, templates, and the dry run's error workbook.

Text that begins with = + - @ is written as text (never a formula) and marked with a quote prefix,
so a spreadsheet program does not evaluate it when the user edits the cell either.
"""
from __future__ import annotations

import io
from decimal import Decimal

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.excel.cells import Ref

RISKY = ("=", "+", "-", "@", "\t", "\r")


def _cell(sheet, value, bold=False):
    """A value ready for sheet.append: plain values as they are, a cell object only where needed."""
    if isinstance(value, Decimal):
        # A number cell holds a double: exact for money and weights with few decimals, read back by repr
        value = int(value) if value == value.to_integral_value() else float(value)
    if not bold and not (isinstance(value, str) and value.startswith(RISKY)):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(RISKY):
            cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export(spec, plant, locale, query=None) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(spec.title)[:31])
    sheet.append([_cell(sheet, c.header(locale), bold=True) for c in spec.columns])
    plant_id = getattr(plant, "id", plant)
    maps = {c.field: c.cell.export_map(plant_id) for c in spec.columns if isinstance(c.cell, Ref)}
    model = spec.model
    if query is None:
        query = spec.export_query(plant) if spec.export_query else model.select()
        if spec.plant_scoped and spec.export_query is None:
            query = query.where(model.plant == plant_id)
    for record in query.order_by(*[getattr(model, k) for k in spec.key]).dicts().iterator():
        row = []
        for column in spec.columns:
            value = record.get(column.field)
            value = maps[column.field].get(value, "") if column.field in maps else column.cell.export(value)
            row.append(_cell(sheet, value))
        sheet.append(row)
    return _save(workbook)


def template(spec, locale) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(spec.title)[:31])
    sheet.append([_cell(sheet, ("* " if c.required else "") + c.header(locale), bold=True) for c in spec.columns])
    return _save(workbook)


def error_workbook(result) -> bytes:
    """The rows as read, with a column saying what is wrong in each; then one line per problem."""
    sheet_data = result.sheet
    by_row = {}
    for problem in result.problems:
        by_row.setdefault(problem.row, []).append(
            f"{problem.column}: {problem.message}" if problem.column else problem.message)
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(str(sheet_data.name)[:31])
    data.append([_cell(data, v, bold=True) for v in sheet_data.header] + [_cell(data, _("Errors"), bold=True)])
    for number, cells in sheet_data.rows:
        if number in by_row or any(str(c).strip() for c in cells):
            data.append([_cell(data, v) for v in cells] + [_cell(data, "; ".join(by_row.get(number, [])))])
    listing = workbook.create_sheet(_("Problems")[:31])
    listing.append([_cell(listing, h, bold=True) for h in (_("Row"), _("Column"), _("Reason"))])
    for problem in result.problems:
        listing.append([_cell(listing, problem.row), _cell(listing, problem.column), _cell(listing, problem.message)])
    return _save(workbook)
