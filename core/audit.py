"""The audit trail. Call inside the business transaction so the entry commits or rolls back with it."""
from __future__ import annotations

import datetime
import json
from decimal import Decimal

from core import clock, context
from core.db import insert_row
from core.models import AuditLog


def _jsonable(value):
    if isinstance(value, (Decimal, datetime.date, datetime.datetime)):
        return str(value)
    if hasattr(value, "id") and hasattr(value, "_meta"):
        return value.id
    return value


def _dump(data):
    if data is None:
        return None
    return json.dumps({k: _jsonable(v) for k, v in data.items()}, ensure_ascii=False, sort_keys=True,
                      default=_jsonable_nested)


def _jsonable_nested(value):
    """Values inside nested dicts and lists (json calls this only for what it cannot write itself)."""
    converted = _jsonable(value)
    return str(converted) if converted is value else converted


def log(action, model, record_id=None, *, plant=None, old=None, new=None, comment=None, user=None) -> None:
    """One entry, written with a statement composed once (a business step writes several: no row object)."""
    actor = context.current()
    insert_row(AuditLog, {
        "at": clock.utcnow(), "user": user if user is not None else actor.user,
        "plant": plant if plant is not None else actor.plant, "remote_addr": actor.remote_addr,
        "action": action, "model": model, "record_id": record_id, "old": _dump(old), "new": _dump(new),
        "comment": str(comment) if comment is not None else None})


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """The fields that differ, as (old, new) dicts, for an edit entry."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}
