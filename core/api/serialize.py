"""Records to JSON (money as strings: exact), and JSON to the form data the screens' forms validate."""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import gettext as _
from peewee import ForeignKeyField
from werkzeug.datastructures import MultiDict


_AS_IS = frozenset((str, int, bool, float, type(None)))


def encode(value):
    if type(value) in _AS_IS:       # most values: the first test of fifty rows of fifteen fields
        return value
    if isinstance(value, Decimal):
        return str(value)  # a JSON number is a binary float on most clients: money stays text
    if isinstance(value, datetime.datetime):    # stored as naive UTC: RFC 3339 says so with its zone
        return (value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def to_json(record, fields) -> dict:
    """The record's `fields` as JSON values, read from its row (what reading each attribute gives, for a plain
    field; a foreign key as its id, not a query per related record)."""
    data, declared = record.__data__, record._meta.fields
    out = {"id": record.id}
    for name in fields:
        value = data.get(name)
        out[name] = value if isinstance(declared[name], ForeignKeyField) else encode(value)
    return out


def form_defaults(form) -> dict:
    """What a browser would send for an untouched new form: defaults, and a select's first option."""
    from core.forms import RefField
    out = {}
    for name, field in form._fields.items():
        if field.type in ("SubmitField", "CSRFTokenField"):
            continue
        value = field.data
        if value is None and field.type == "SelectField" and not isinstance(field, RefField) and field.choices:
            first = field.choices[0]
            value = first.value if hasattr(first, "value") else first[0]
        if value is not None:
            out[name] = encode(value)
    return out


def to_formdata(form_fields: list[str], record, payload: dict, defaults=None) -> tuple[MultiDict, dict]:
    """Merge `payload` over the record's current values, or over `defaults` for a new record
    (PATCH changes only what it names; POST fills what it leaves out as the screen would)."""
    problems = {}
    if not isinstance(payload, dict):
        return MultiDict(), {"": [_("The body must be a JSON object.")]}
    for key, value in payload.items():
        if key not in form_fields:
            problems[key] = [_("Unknown field.")]
        elif isinstance(value, (dict, list)):
            problems[key] = [_("Give a single value.")]
    merged = dict(defaults or {}) if record is None else {}
    if record is not None:
        for name in form_fields:
            if name in record._meta.fields:
                field = record._meta.fields[name]
                merged[name] = record.__data__.get(name) if isinstance(field, ForeignKeyField) else \
                    encode(getattr(record, name))
    merged.update({k: v for k, v in payload.items() if k in form_fields})
    data = MultiDict()
    for key, value in merged.items():
        if value is None:
            data[key] = ""
        elif isinstance(value, bool):
            if value:
                data[key] = "y"  # an unchecked box is simply absent, as from a browser
        else:
            data[key] = str(value)
    return data, problems
