"""Fields a plant adds to records without code or migration (自定义字段): the kernel's side. An addon (plant_fields)
answers the hooks with the fields and their stored values; here they become form fields, list columns and
filters, Excel columns, API keys and printed lines, the same way for every model that has them.

Values are stored as text: a number as its canonical decimal, a date as ISO, a choice as its code."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from flask import g, has_request_context

KINDS = ("text", "number", "date", "choice")


@dataclass
class ExtraField:
    name: str                      # "x_<code>": the form field, the column, the API key
    label: str
    kind: str = "text"
    choices: dict = field(default_factory=dict)     # code -> label (choice)
    required: bool = False
    matching: Callable | None = None                # raw value -> a query of the ids whose value is it


def _kernel():
    from core.kernel import current_kernel
    return current_kernel()


def fields_for(model, plant_id=None) -> list[ExtraField]:
    from core.security import current_plant
    if plant_id is None:
        plant = current_plant() if has_request_context() else None
        if plant is None:
            return []
        plant_id = plant.id
    key = ("_erp_extra_fields", model, plant_id)
    cache = g.setdefault("_erp_extras", {}) if has_request_context() else {}
    if key not in cache:
        found = []
        for answer in _kernel().hooks.call("extra_fields", plant_id, plant_id=plant_id, model=model):
            found.extend(answer or [])
        cache[key] = found
    return cache[key]


def typed(extra: ExtraField, text):
    """A stored text as the value a list, a print or the API shows."""
    if text in (None, ""):
        return None
    if extra.kind == "number":
        return Decimal(text)
    if extra.kind == "date":
        return datetime.date.fromisoformat(text)
    return text


def stored(extra: ExtraField, value) -> str | None:
    if value in (None, ""):
        return None
    if extra.kind == "number":
        return f"{Decimal(value).normalize():f}"
    if extra.kind == "date":
        return value.isoformat()
    return str(value).strip()[:300] or None


def values_of(model, ids, plant_id=None) -> dict:
    from core.security import current_plant
    plant_id = plant_id if plant_id is not None else current_plant().id
    out: dict = {}
    for answer in _kernel().hooks.call("extra_values", plant_id, plant_id=plant_id, model=model, ids=list(ids)):
        for record_id, values in (answer or {}).items():
            out.setdefault(record_id, {}).update(values)
    return out


def attach(model, rows, extras) -> None:
    """Set each extra field on the rows as an attribute (typed), with one query for the page."""
    if not extras or not rows:
        return
    found = values_of(model, [r.id for r in rows])
    for row in rows:
        mine = found.get(row.id, {})
        for extra in extras:
            row.__dict__[extra.name] = typed(extra, mine.get(extra.name))


def columns(extras) -> list:
    from core.listing import Column
    formats = {"number": "number", "date": "date", "choice": "choice"}
    return [Column(e.name, e.label, formats.get(e.kind), choices=e.choices) for e in extras]


def filters(extras) -> list:
    from core.listing import Filter
    return [Filter(e.name, e.label, None, "extra", e.choices, condition=e.matching) for e in extras
            if e.kind == "choice" and e.matching is not None]


def form_fields(extras) -> dict:
    from wtforms import DateField, SelectField, StringField
    from wtforms.validators import DataRequired, InputRequired, Length, Optional

    from core.forms import DecimalField, choices
    out = {}
    for e in extras:
        need = [InputRequired() if e.kind == "number" else DataRequired()] if e.required else [Optional()]
        if e.kind == "number":
            out[e.name] = DecimalField(e.label, places=4, validators=need)
        elif e.kind == "date":
            out[e.name] = DateField(e.label, validators=need)
        elif e.kind == "choice":
            out[e.name] = SelectField(e.label, choices=choices([("", ""), *e.choices.items()]), validators=need)
        else:
            out[e.name] = StringField(e.label, validators=need + [Length(max=300)])
    return out


def with_fields(form_class, extras):
    """`form_class` with the plant's extra fields added (the class itself when there are none)."""
    if not extras:
        return form_class
    return type(form_class.__name__, (form_class,), form_fields(extras))


def fill(form, record, extras) -> None:
    """Show `record`'s stored values in the extra fields of a GET form."""
    if not extras or record is None:
        return
    mine = values_of(type(record), [record.id]).get(record.id, {})
    for e in extras:
        getattr(form, e.name).data = typed(e, mine.get(e.name))


def save(record, form, extras) -> None:
    if not extras:
        return
    values = {e.name: stored(e, getattr(form, e.name).data) for e in extras if hasattr(form, e.name)}
    _kernel().hooks.call("save_extra_values", record.plant_id, plant_id=record.plant_id, record=record, values=values)


def printed(record) -> list[tuple]:
    """[(label, value)] of `record`'s extra fields with a value: what its printed document lists."""
    extras = fields_for(type(record), record.plant_id)
    if not extras:
        return []
    mine = values_of(type(record), [record.id], record.plant_id).get(record.id, {})
    from flask_babel import format_date, format_decimal
    out = []
    for e in extras:
        value = typed(e, mine.get(e.name))
        if value is None:
            continue
        shown = {"choice": lambda v: e.choices.get(v, v), "number": format_decimal, "date": format_date}.get(
            e.kind, str)(value)
        out.append((e.label, shown))
    return out


def as_json(model, records) -> dict:
    """{record id: {code: value}} of the records' plant fields, as the API reads them (a number as text)."""
    from core.api.serialize import encode
    added = fields_for(model)
    if not added or not records:
        return {}
    found = values_of(model, [r.id for r in records])
    return {r.id: {e.name[2:]: encode(typed(e, found.get(r.id, {}).get(e.name))) for e in added} for r in records}


def spec_with_fields(spec, plant_id):
    """`spec` (an import spec) with a column for each field the plant added to its model; the spec itself
    when there are none. The columns are headed by the field's label in both languages."""
    import dataclasses

    from core.excel.cells import Choice, Date, Number, Text
    from core.excel.spec import Column
    added = fields_for(spec.model, plant_id)
    if not added:
        return spec
    cells = {"number": lambda e: Number(4, -10**12, 10**12), "date": lambda e: Date(),
             "choice": lambda e: Choice(e.choices), "text": lambda e: Text(300)}
    more = [Column(e.name, e.label, e.label, cells[e.kind](e), required=e.required) for e in added]
    return dataclasses.replace(spec, columns=list(spec.columns) + more)


def split_row(values: dict) -> tuple[dict, dict]:
    """A parsed row as (the model's values, the extra fields' values)."""
    own = {k: v for k, v in values.items() if not k.startswith("x_")}
    return own, {k: v for k, v in values.items() if k.startswith("x_")}


def save_imported(spec, plant_id, keyed: dict) -> None:
    """After an import wrote its rows: `keyed` {key tuple: {extra field name: value}} saved on the records the
    keys name, in the import's transaction."""
    added = {e.name: e for e in fields_for(spec.model, plant_id)}
    if not keyed or not added:
        return
    model = spec.model
    key_fields = [getattr(model, k) for k in spec.key]
    query = model.select(model._meta.primary_key, *key_fields)
    if spec.plant_scoped:
        query = query.where(model.plant == plant_id)
    ids = {tuple(row[1:]): row[0] for row in query.tuples()}
    for key, values in keyed.items():
        record_id = ids.get(key)
        if record_id is None:
            continue
        record = model(id=record_id, plant=plant_id)
        _kernel().hooks.call("save_extra_values", plant_id, plant_id=plant_id, record=record,
                             values={n: stored(added[n], v) for n, v in values.items() if n in added})
