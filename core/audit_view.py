"""The audit log as people read it: the action in their language, the record by its number, and what changed
field by field."""
from __future__ import annotations

import json
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

ACTIONS = {"transition": _l("State changed"), "create": _l("Created"), "write": _l("Changed"),
           "delete": _l("Deleted"), "login": _l("Logged in"), "logout": _l("Logged out"),
           "login_failed": _l("Login refused"), "settings": _l("Settings changed"), "import": _l("Imported"),
           "enable": _l("Modules enabled"), "disable": _l("Module disabled"), "post": _l("Posted"),
           "ship": _l("Shipped"), "batch": _l("Weighed"), "void": _l("Voided"), "receive": _l("Received")}


@dataclass
class Change:
    field: str
    old: object
    new: object


def changes(row) -> list[Change]:
    old, new = json.loads(row.old or "{}"), json.loads(row.new or "{}")
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    return [Change(key, old.get(key, ""), new.get(key, "")) for key in sorted(set(old) | set(new))]


def action_label(action) -> str:
    return str(ACTIONS.get(action, action))


def numbers_of(rows) -> dict:
    """{(table, id): the record's document number} for records whose model has one, one query per table."""
    models = {m._meta.table_name: m for m in current_app.extensions["erp"].registry.all_models()}
    wanted: dict = {}
    for row in rows:
        model = models.get(row.model)
        if model is not None and row.record_id and "number" in model._meta.fields:
            wanted.setdefault(row.model, set()).add(row.record_id)
    found = {}
    for table, ids in wanted.items():
        model = models[table]
        for pk, number in model.select(model._meta.primary_key, model.number).where(
                model._meta.primary_key.in_(list(ids))).tuples():
            found[(table, pk)] = number
    return found
