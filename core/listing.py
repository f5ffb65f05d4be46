"""Generic list pages: search, filters, sorting, pages, and the same list exported to Excel.

Pages use LIMIT/OFFSET on indexed sort keys and never count the whole table. Related records shown
in dotted columns ("region.province") are loaded with one query per relation for the rows shown,
never one per row.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from flask import render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape
from peewee import Field

from core import text_index
from core.db import db, instances
from core.currency import money, price
from core.i18n import date_text, datetime_text, number_text, translated
from core.params import one_page, page_arg
from core.records import plant_scoped

PAGE = 50
EXPORT_CHUNK = 2000
EXPORT_LIMIT = 1_000_000


@dataclass
class Column:
    name: str              # attribute of the row, dotted for a related record ("customer.name")
    label: object
    format: str | None = None   # money, price, number, date, datetime, bool, choice, state
    link: bool = False          # the cell opens the row's page
    sortable: bool = False
    choices: dict = field(default_factory=dict)


@dataclass
class Filter:
    name: str              # query-string parameter
    label: object
    field: object          # the model field compared
    kind: str = "bool"     # bool, choice, or extra (a plant's own field: `condition(raw)` gives the ids)
    choices: dict = field(default_factory=dict)
    condition: object = None


def value_of(row, dotted: str):
    for part in dotted.split("."):
        row = getattr(row, part, None) if row is not None else None
    return row


def display(row, column: Column):
    """The cell as a user reads it (also what goes into an exported workbook)."""
    value = value_of(row, column.name)
    if column.format == "choice":
        return translated(column.choices.get(value, value or ""))
    if column.format == "state":
        return translated(row.STATES.get(value, value))
    if column.format == "bool":
        return _("Yes") if value else _("No")
    if column.format == "datetime" and isinstance(value, datetime.datetime):
        return _plant_time(value)
    return value


_TEXTS = {"money": money, "price": price, "number": number_text, "date": date_text,
          "datetime": lambda value: datetime_text(value, "short")}
NUMERIC = ("money", "price", "number")


_WORDS = ("choice", "state", "bool")      # a few values, each shown as the same translated word


def shown(rows, columns) -> list[tuple[object, list]]:
    """Each row with its cells as the reader sees them, formatted here. (A call, five comparisons and a filter a
    cell in Jinja were most of a list page's rendering.) A column of words translates each value once."""
    texts = [_TEXTS.get(c.format) for c in columns]
    words = [{} if c.format in _WORDS else None for c in columns]
    out = []
    for row in rows:
        cells = []
        for column, text, memo in zip(columns, texts, words):
            if memo is not None:
                raw = value_of(row, column.name)
                value = memo.get(raw, _UNSEEN) if isinstance(raw, (str, int, type(None))) else _UNSEEN
                if value is _UNSEEN:
                    value = memo[raw] = display(row, column)
            else:
                value = display(row, column)
            cells.append("" if value is None else text(value) if text is not None else value)
        out.append((row, cells))
    return out


_UNSEEN = object()


def rows_html(rows, columns, cell_classes, cell_links, row_href) -> Markup:
    """A list's rows as HTML, written in one pass here: in the template, a loop, two lookups, a test and an escape
    for each of four hundred cells were most of a list page's rendering. Cells are escaped as the template would."""
    opening = [f'<td class="{escape(c)}">' for c in cell_classes]
    linked = row_href is not None and any(cell_links)
    out = []
    for row, cells in shown(rows, columns):
        href = escape(row_href(row.id)) if linked else ""
        out.append("<tr>" + "".join(f'{td}<a href="{href}">{escape(text)}</a></td>' if link else f"{td}{escape(text)}</td>"
                                    for td, link, text in zip(opening, cell_links, cells)) + "</tr>")
    return Markup("\n".join(out))


def _plant_time(instant: datetime.datetime) -> datetime.datetime:
    """A stored instant (UTC) as the plant's wall-clock time: what a workbook cell shows and the screen says."""
    from core.clock import local_naive
    from core.security import current_plant
    plant = current_plant()
    return local_naive(plant, instant) if plant is not None else instant


def own_rows(model, query) -> list:
    """The rows of a list, read straight into instances when it selects its model's own columns (peewee's
    conversion of every column of every row was a fifth of a list page); otherwise as peewee reads them."""
    if all(isinstance(f, Field) and f.model is model for f in query._returning):
        return instances(model, db.execute(query))
    return list(query)


def attach_related(model, rows, columns):
    """Load the related records of dotted columns for `rows`: one query per relation."""
    for name in {c.name.split(".")[0] for c in columns if "." in c.name}:
        fk = model._meta.fields.get(name)
        if fk is None or not hasattr(fk, "rel_model") or not rows:
            continue
        ids = {row.__data__.get(name) for row in rows} - {None}
        if not ids or all(name in row.__rel__ for row in rows):
            continue
        related = {r.id: r for r in own_rows(fk.rel_model, fk.rel_model.select().where(
            fk.rel_model._meta.primary_key.in_(list(ids))))}
        for row in rows:
            if row.__data__.get(name) in related:
                row.__rel__[name] = related[row.__data__[name]]


CODE_FIELDS = ("number", "code", "barcode", "plate", "login")
CODE_LIKE = re.compile(r"[\w./-]{3,}")


def _searched(query, search, q, exact_first=True):
    """Rows where any searched field contains `q`. A term that is a whole document number or code (what a scanner
    or a paste gives) is looked up first on those fields' indexes; when it names records, they are the answer, so
    the common search does not read the whole table (the page then offers every record containing the term).
    Otherwise every field is searched for the text in it. Returns the query and whether it is the exact lookup."""
    codes = [f for f in search if f.name in CODE_FIELDS]
    if exact_first and codes and CODE_LIKE.fullmatch(q):
        terms = list(dict.fromkeys([q, q.upper()]))
        for code_field in codes:       # one at a time: an OR across two tables' columns would read them all
            exact = query.where(code_field.in_(terms))
            if exact.exists():
                return exact, True
    # inside names and numbers: through the trigram indexes where the model has them (core/text_index.py)
    return query.where(text_index.contains(query.model, search, q)), False


def filtered_query(model, columns, *, query=None, search=(), order_by=None, filters=()):
    """The list's query from the request's search box, filters and sort; also returns their state."""
    q = (request.args.get("q") or "").strip()
    query = plant_scoped(model, query)
    exact = False
    if q and search:
        query, exact = _searched(query, search, q, exact_first=request.args.get("contains") != "1")
    active = {}
    for flt in filters:
        raw = request.args.get(flt.name, "")
        if flt.kind == "bool" and raw in ("1", "0"):
            query = query.where(flt.field == (raw == "1"))
            active[flt.name] = raw
        elif flt.kind == "choice" and raw:
            query = query.where(flt.field == raw)
            active[flt.name] = raw
        elif flt.kind == "extra" and raw in flt.choices:
            query = query.where(model._meta.primary_key.in_(flt.condition(raw)))
            active[flt.name] = raw
    sort, direction = request.args.get("sort", ""), request.args.get("dir", "asc")
    sortable = {c.name: c for c in columns if c.sortable and "." not in c.name}
    if sort in sortable:
        key, pk = getattr(model, sort), model._meta.primary_key
        # the tie-break runs the same way as the sort, so that one index read forwards or backwards serves both
        query = query.order_by(*((key.desc(), pk.desc()) if direction == "desc" else (key.asc(), pk.asc())))
    else:
        sort = ""
        query = query.order_by(*(order_by or [model._meta.primary_key.desc()]))
    return query, {"q": q, "filters": active, "sort": sort, "dir": "desc" if direction == "desc" else "asc",
                   "exact": exact}


def list_page(model, columns, title, *, query=None, search=(), order_by=None, filters=(), new_endpoint=None,
              row_endpoint=None, export_permission=None, template="core/list.html", export_spec=None, **extra):
    """`export_spec`: the name of the list's import spec; its export is then the spec's layout, so the
    workbook a user downloads from the list (filtered as shown) imports back unchanged. Fields the plant added
    to the model (core.extras) are columns and filters of the list, and of its export, too."""
    from core import extras
    added = extras.fields_for(model)
    columns, filters = list(columns) + extras.columns(added), list(filters) + extras.filters(added)
    query, state = filtered_query(model, columns, query=query, search=search, order_by=order_by, filters=filters)
    if request.args.get("export") == "xlsx":
        if export_spec:
            return export_as_spec(export_spec, query)
        return export_list(model, columns, title, query)
    page = page_arg()
    rows = own_rows(model, one_page(query, page, PAGE))
    attach_related(model, rows, columns)
    extras.attach(model, rows, added)
    from core.security import may_open          # offer "New" and the rows' links only to who may open them
    new_endpoint = new_endpoint if new_endpoint and may_open(new_endpoint) else None
    row_endpoint = row_endpoint if row_endpoint and may_open(row_endpoint) else None
    return render_template(template, title=title, columns=columns, rows=rows[:PAGE], page=page,
                           row_href=_href(row_endpoint), more=len(rows) > PAGE, searchable=bool(search), filters=filters, state=state,
                           new_endpoint=new_endpoint, row_endpoint=row_endpoint, rows_html=rows_html,
                           cell_classes=["num" if c.format in NUMERIC else "" for c in columns],
                           cell_links=[bool(c.link and row_endpoint) for c in columns], model=model,
                           can_export=export_permission is not None, **extra)


ROW_SENTINEL = 987654321987


def href_for(endpoint, arg="pk"):
    """A function from a record's id to its link: the route built once and the id put in, not built anew for
    each of fifty rows (templates: `erp_url_of`)."""
    pattern = url_for(endpoint, **{arg: ROW_SENTINEL})
    if pattern.count(str(ROW_SENTINEL)) != 1:
        return lambda pk: url_for(endpoint, **{arg: pk})
    before, after = pattern.split(str(ROW_SENTINEL))
    return lambda pk: f"{before}{int(pk)}{after}"


def _href(endpoint):
    """A row's link, for a list whose rows open a page."""
    return href_for(endpoint) if endpoint else None


def export_list(model, columns, title, query):
    """The whole filtered list (not just the page) as a workbook with the columns shown."""
    from core.excel.xlsx import Book, download
    book = Book()
    sheet = book.sheet(str(title))
    sheet.append([str(c.label) for c in columns], bold=True)
    offset = 0
    while offset < EXPORT_LIMIT:
        chunk = list(query.limit(EXPORT_CHUNK).offset(offset))
        if not chunk:
            break
        attach_related(model, chunk, columns)
        from core import extras
        extras.attach(model, chunk, [e for e in extras.fields_for(model) if any(c.name == e.name for c in columns)])
        for row in chunk:
            sheet.append([display(row, c) for c in columns])
        offset += EXPORT_CHUNK
    return download(book.to_bytes(), f"{model._meta.table_name}-{_export_day()}.xlsx")


def export_as_spec(name, query):
    from flask import current_app

    from core.excel.writer import export
    from core.excel.xlsx import download
    from core.i18n import select_locale
    from core.security import current_plant
    _addon, spec = current_app.extensions["erp"].registry.importers[name]
    data = export(spec, current_plant(), str(select_locale()), query=query)
    return download(data, f"{name}-{current_plant().code}-{_export_day()}.xlsx")


def _export_day() -> str:
    from core.clock import plant_today
    from core.security import current_plant
    plant = current_plant()
    return plant_today(plant).isoformat() if plant is not None else ""


def form_page(form, title, template="core/form_page.html", **extra):
    return render_template(template, form=form, title=title, **extra)


