"""Finding the data in a workbook: the sheet, the header row (below any merged title rows), the columns."""
from __future__ import annotations

import io
import os
import re
import unicodedata
from dataclasses import dataclass

from flask_babel import gettext as _
from python_calamine import CalamineWorkbook

from core.errors import UserError

MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 1_000_000
HEADER_SEARCH_ROWS = 30


class FileError(UserError):
    """The file as a whole cannot be used (not a workbook, no known sheet, a column missing)."""


@dataclass
class Sheet:
    name: str
    header_row: int                 # Excel's row number of the header
    header: list                    # the header cells as written
    mapping: dict                   # field -> column index
    rows: list                      # [(excel row number, [cells])]


def _norm(header) -> str:
    text = unicodedata.normalize("NFKC", str(header or "")).strip().lower()
    return re.sub(r"[\s*＊:：]", "", text)  # "* 客户编码 :" is 客户编码


def _open(source):
    try:
        if isinstance(source, (bytes, bytearray)):
            if len(source) > MAX_BYTES:
                raise FileError(_("The file is larger than %(mb)d MB.", mb=MAX_BYTES // 2**20))
            return CalamineWorkbook.from_filelike(io.BytesIO(source))
        if os.path.getsize(source) > MAX_BYTES:
            raise FileError(_("The file is larger than %(mb)d MB.", mb=MAX_BYTES // 2**20))
        return CalamineWorkbook.from_path(str(source))
    except FileError:
        raise
    except Exception:  # calamine raises several kinds for a zip that is no workbook, a text file, ...
        raise FileError(_("This file is not an Excel workbook (.xlsx or .xls).")) from None


def _find_header(rows, spec):
    lookup = {_norm(h): col.field for col in spec.columns for h in col.headers()}
    required = {c.field for c in spec.columns if c.required}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = {}
        for position, cell in enumerate(row):
            field = lookup.get(_norm(cell))
            if field is not None and field not in mapping:
                mapping[field] = position
        # A header row names at least two known columns, one of them required; missing ones are reported.
        if len(mapping) >= min(2, len(spec.columns)) and required & set(mapping):
            return index, mapping
    return None, None


def read_sheet(source, spec) -> Sheet:
    workbook = _open(source)
    for name in workbook.sheet_names:
        try:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception:
            raise FileError(_("This file is not an Excel workbook (.xlsx or .xls).")) from None
        index, mapping = _find_header(rows, spec)
        if index is None:
            continue
        missing = [c for c in spec.columns if c.required and c.field not in mapping]
        if missing:
            raise FileError(_("Sheet %(sheet)s lacks the column %(columns)s.", sheet=name,
                              columns=", ".join(f"{c.zh} / {c.en}" for c in missing)))
        data = [(number + 1, row) for number, row in enumerate(rows) if number > index]
        if len(data) > MAX_ROWS:
            raise FileError(_("The sheet has more than %(n)d rows; split it into several files.", n=MAX_ROWS))
        return Sheet(name, index + 1, list(rows[index]), mapping, data)
    expected = ", ".join(f"{c.zh} / {c.en}" for c in spec.columns if c.required)
    raise FileError(_("No sheet in this workbook has the columns of %(what)s (at least %(columns)s).",
                      what=str(spec.title), columns=expected))
