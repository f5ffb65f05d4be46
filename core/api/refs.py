"""A record named in an API body by its id or by the code (number, plate) the caller's system keeps.

`{"customer": 12}` or `{"customer_code": "P1C001"}`; `{"order": 5}` or `{"order_number": "SO-P1-2026-000005"}`.
Always within the caller's plant (and `query`, when the caller sees less of it); an unknown one is refused
by name, with the field it came in.
"""
from __future__ import annotations

from flask_babel import gettext as _

from core.errors import UserError
from core.records import plant_scoped


def pick(model, body: dict, name: str, key_field=None, key_name=None, query=None, required=True, prefix=""):
    """The record `body` names by `name` (an id) or `key_name` (its code). None when neither is given
    and not `required`. `prefix` places the field in a list: `lines-0-`."""
    key_field = key_field if key_field is not None else model.code
    key_name = key_name or f"{name}_code"
    scope = plant_scoped(model, query)
    if body.get(name) is not None:
        found = scope.where(model._meta.primary_key == body[name]).first()
        given, field = body[name], name
    elif body.get(key_name) not in (None, ""):
        found = scope.where(key_field == str(body[key_name])).first()
        given, field = body[key_name], key_name
    elif required:
        raise UserError(_("Give %(id)s or %(code)s.", id=name, code=key_name), field=prefix + name)
    else:
        return None
    if found is None:
        raise UserError(_("There is no %(field)s %(value)s in this plant.", field=field, value=str(given)[:60]),
                        field=prefix + field)
    return found


def either(name: str, key_name: str | None = None) -> tuple:
    """The schema group for `pick`: one of the two must be given."""
    return (name, key_name or f"{name}_code")
