"""Writing workbooks: exports that re-import unchanged, templates, and the dry run's error workbook.

All go through core.excel.xlsx, which writes formula-like text as text with a quote prefix.
"""
from __future__ import annotations

from flask_babel import gettext as _

from core.excel.cells import Ref
from core.excel.xlsx import Book


def export(spec, plant, locale, query=None) -> bytes:
    from core import extras
    plant_id = getattr(plant, "id", plant)
    spec = extras.spec_with_fields(spec, plant_id)     # the plant's own fields are columns too
    added = {e.name: e for e in extras.fields_for(spec.model, plant_id)}
    book = Book()
    sheet = book.sheet(str(spec.title))
    sheet.append([c.header(locale) for c in spec.columns], bold=True)
    maps = {c.field: c.cell.export_map(plant_id) for c in spec.columns if isinstance(c.cell, Ref)}
    model = spec.model
    if query is None:
        query = spec.export_query(plant) if spec.export_query else model.select()
        if spec.plant_scoped and spec.export_query is None:
            query = query.where(model.plant == plant_id)

    def write(chunk):
        """Rows of a chunk, with the plant fields of its records read in one query."""
        found = extras.values_of(model, [r.get("id") for r in chunk], plant_id) if added else {}
        for record in chunk:
            mine = found.get(record.get("id"), {})
            record.update({n: extras.typed(e, mine.get(n)) for n, e in added.items()})
            sheet.append([maps[c.field].get(record.get(c.field), "") if c.field in maps
                          else c.cell.export(record.get(c.field)) for c in spec.columns])
    chunk = []
    for record in query.order_by(*[getattr(model, k) for k in spec.key]).dicts().iterator():
        chunk.append(record)
        if len(chunk) >= 2000:
            write(chunk)
            chunk = []
    write(chunk)
    return book.to_bytes()


def template(spec, locale) -> bytes:
    book = Book()
    book.sheet(str(spec.title)).append([("* " if c.required else "") + c.header(locale) for c in spec.columns],
                                       bold=True)
    return book.to_bytes()


def error_workbook(result) -> bytes:
    """The rows as read, with a column saying what is wrong in each; then one line per problem."""
    read = result.sheet
    by_row = {}
    for problem in result.problems:
        by_row.setdefault(problem.row, []).append(
            f"{problem.column}: {problem.message}" if problem.column else problem.message)
    book = Book()
    data = book.sheet(read.name)
    data.append(list(read.header) + [_("Errors")], bold=True)
    for number, cells in read.rows:
        if number in by_row or any(str(c).strip() for c in cells):
            data.append(list(cells) + ["; ".join(by_row.get(number, []))])
    listing = book.sheet(_("Problems"))
    listing.append([_("Row"), _("Column"), _("Reason")], bold=True)
    for problem in result.problems:
        listing.append([problem.row, problem.column, problem.message])
    return book.to_bytes()
