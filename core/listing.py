"""Generic list and form pages for plant-owned records. Addons declare columns; the kernel renders."""
from __future__ import annotations

from dataclasses import dataclass

from flask import render_template, request

from core.records import plant_scoped

PAGE = 50


@dataclass
class Column:
    name: str              # attribute of the row (dotted for a related record, e.g. "customer.name")
    label: object
    format: str | None = None   # "money", "number", "date", "datetime", "state"
    link: bool = False          # link the cell to the row's page (row_endpoint)


def value_of(row, dotted: str):
    for part in dotted.split("."):
        row = getattr(row, part, None) if row is not None else None
    return row


def list_page(model, columns, title, *, query=None, search=(), order_by=None, new_endpoint=None,
              row_endpoint=None, template="core/list.html", **extra):
    q = (request.args.get("q") or "").strip()
    page = max(request.args.get("page", 1, type=int), 1)
    query = plant_scoped(model, query)
    if q and search:
        condition = None
        for field in search:
            term = field.contains(q)
            condition = term if condition is None else (condition | term)
        query = query.where(condition)
    query = query.order_by(*(order_by or [model._meta.primary_key.desc()]))
    rows = list(query.paginate(page, PAGE + 1))
    return render_template(template, title=title, columns=columns, rows=rows[:PAGE], page=page,
                           more=len(rows) > PAGE, q=q, searchable=bool(search), new_endpoint=new_endpoint,
                           row_endpoint=row_endpoint, value_of=value_of, model=model, **extra)


def form_page(form, title, template="core/form_page.html", **extra):
    return render_template(template, form=form, title=title, **extra)
