"""Import: read, check every row, and write all rows or none.

A dry run stops after the checks. References (a customer's region, a price's product) are resolved
with one query per column for the whole file, and rows are written with batched upserts keyed on
the spec's key, so 100,000 rows take seconds, not minutes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from core import audit
from core.db import bulk_upsert, transaction
from core.excel.cells import CellError, Ref, is_blank
from core.excel.reader import read_sheet

BATCH = 2000
_UNREADABLE = object()


@dataclass
class Problem:
    row: int         # Excel's row number
    column: str      # the header as written in the file ("" for the whole row)
    message: str


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    dry_run: bool = True
    problems: list = field(default_factory=list)
    sheet: object = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _default(model, name):
    if name not in model._meta.fields:       # a plant's own field (core.extras): blank is blank
        return None
    default = model._meta.fields[name].default
    return default() if callable(default) else default


def check(spec, source, plant_id, progress=None) -> tuple[ImportResult, list]:
    from core import extras
    spec = extras.spec_with_fields(spec, plant_id)      # the plant's own fields are columns too
    sheet = read_sheet(source, spec)
    result = ImportResult(sheet=sheet)
    header_of = {f: str(sheet.header[i]) for f, i in sheet.mapping.items()}
    columns = [c for c in spec.columns if c.field in sheet.mapping]
    positions = [sheet.mapping[c.field] for c in columns]

    def cell_at(cells, position):
        return cells[position] if position < len(cells) else None

    # Rows with nothing in any known column are skipped (blank lines, totals typed far to the right).
    rows = [(number, cells) for number, cells in sheet.rows
            if not all(is_blank(cell_at(cells, p)) for p in positions)]
    parsed = [(number, {}) for number, _cells in rows]
    # Column by column: one parser, one default, a tight loop; much faster than row by row in Python.
    for step, (column, position) in enumerate(zip(columns, positions), 1):
        name, parse, header = column.field, column.cell.parse, header_of[column.field]
        default = spec.defaults.get(name, _default(spec.model, name))
        for (number, cells), (_n, values) in zip(rows, parsed):
            cell = cell_at(cells, position)
            if is_blank(cell):
                if column.required:
                    result.problems.append(Problem(number, header, _("Required.")))
                else:
                    values[name] = default
                continue
            try:
                values[name] = parse(cell)
            except CellError as exc:
                result.problems.append(Problem(number, header, str(exc)))
        if progress:
            progress(step * len(rows) // (len(columns) + 1), len(rows))
    seen = {}
    for number, values in parsed:
        key = tuple(values.get(k, _UNREADABLE) for k in spec.key)
        if _UNREADABLE not in key:  # a blank optional part (None) is a real key value; an unreadable one is not
            if key in seen:
                result.problems.append(Problem(number, header_of[spec.key[0]],
                                               _("Same key as row %(row)d.", row=seen[key])))
            else:
                seen[key] = number
    _resolve(spec, plant_id, columns, parsed, header_of, result)
    if spec.check_row:
        failed = {p.row for p in result.problems}  # rules across columns only where every cell was readable
        for number, values in parsed:
            if number in failed:
                continue
            for name, message in spec.check_row(values):
                result.problems.append(Problem(number, header_of.get(name, ""), message))
    result.total = len(parsed)
    result.problems.sort(key=lambda p: p.row)  # stable: within a row, problems stay in column order
    return result, parsed


def _resolve(spec, plant_id, columns, parsed, header_of, result):
    for column in columns:
        if not isinstance(column.cell, Ref):
            continue
        codes = {v[column.field] for _, v in parsed if v.get(column.field)}
        found = column.cell.lookup(plant_id, codes) if codes else {}
        for number, values in parsed:
            code = values.get(column.field)
            if code in (None, ""):
                values[column.field] = None
            elif code in found:
                values[column.field] = found[code]
            else:
                values[column.field] = None
                result.problems.append(Problem(number, header_of[column.field], _not_found(column.cell, code)))


def _not_found(cell, code) -> str:
    if hasattr(cell, "not_found"):          # a reference that can say what it would have taken
        return cell.not_found(code)
    missing = getattr(cell, "missing", None)
    return str(missing) % {"code": code} if missing is not None else _("%(code)s does not exist.", code=code)


def run_import(spec, source, plant, dry_run=True, progress=None, on_commit=None) -> ImportResult:
    """Check every row; unless `dry_run`, write them all in one transaction. `on_commit(result)` runs inside
    that transaction, so what it records (the import's state) commits with the rows or not at all."""
    from core import extras
    plant_id = getattr(plant, "id", plant)
    result, parsed = check(spec, source, plant_id, progress)
    result.dry_run = dry_run
    if dry_run or not result.ok:
        return result
    model = spec.model
    present = [c.field for c in spec.columns if c.field in result.sheet.mapping]
    rows, keyed = [], {}
    for _row_number, values in parsed:
        values, added = extras.split_row(values)
        if spec.derive:
            spec.derive(values)
        if added:
            keyed[tuple(values.get(k) for k in spec.key)] = added
        rows.append({"plant": plant_id, **values} if spec.plant_scoped else dict(values))
    present = [f for f in present if not f.startswith("x_")]
    # Existing rows get only what the file says (and what is derived from it); new rows get defaults too.
    update = sorted({*present, *(rows[0] if rows else {})} - {*spec.conflict_fields, "plant"})
    if rows:
        _fill_defaults(model, rows)
    target = (["plant"] if spec.plant_scoped else []) + list(spec.conflict_fields)
    with transaction():
        before = _count(model, plant_id, spec.plant_scoped)
        for start in range(0, len(rows), BATCH):
            bulk_upsert(model, rows[start:start + BATCH], target, update)
            if progress:
                progress(min(start + BATCH, len(rows)), len(rows))
        extras.save_imported(spec, plant_id, keyed)
        result.created = _count(model, plant_id, spec.plant_scoped) - before
        result.updated = len(rows) - result.created
        audit.log("import", model._meta.table_name, None, plant=plant_id if spec.plant_scoped else None,
                  new={"rows": len(rows), "created": result.created, "updated": result.updated})
        if on_commit is not None:
            on_commit(result)
    return result


def _fill_defaults(model, rows):
    """Every row gets every column: new rows need the model's defaults for columns the file lacks."""
    for name, fld in model._meta.fields.items():
        if name not in rows[0] and name != model._meta.primary_key.name:
            default = _default(model, name)
            if default is not None or fld.null:
                for row in rows:
                    row[name] = default


def _count(model, plant_id, plant_scoped) -> int:
    query = model.select()
    return (query.where(model.plant == plant_id) if plant_scoped else query).count()
