"""Fetching one business record for the current plant: another plant's record is simply not there."""
from __future__ import annotations

from flask import abort

from core.db import get_row, instances, run_composed
from core.security import current_plant


def has_plant(model) -> bool:
    return "plant" in model._meta.fields


def plant_scoped(model, query=None):
    """Records of the current plant; company-wide models (no plant column) are returned whole."""
    query = query if query is not None else model.select()
    return query.where(model.plant == current_plant().id) if has_plant(model) else query


def get_for_plant(model, pk, query=None):
    """The record `pk` of the current plant, else 404; `query`: the select to read it with (related records
    joined, read in the same statement)."""
    if query is None and type(pk) is int:     # the usual read, on every document's page: composed once per model
        record = _own(model, pk)
    else:
        record = plant_scoped(model, query).where(model._meta.primary_key == pk).first()
    if record is None:
        abort(404)
    return record


def _own(model, pk):
    if not has_plant(model):     # company-wide: the row by id, as core.db reads it
        try:
            return get_row(model, pk)
        except model.DoesNotExist:
            return None
    key = model._meta.primary_key
    found = instances(model, run_composed(("core.get_for_plant", model), lambda plant, wanted: model.select().where(
        (model.plant == plant) & (key == wanted)), current_plant().id, pk))
    return found[0] if found else None


def get_or_404(model, pk):
    """For company-wide records (users, roles, plants) edited by administrators."""
    record = model.get_or_none(model._meta.primary_key == pk)
    if record is None:
        abort(404)
    return record
