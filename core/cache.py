"""Small lookups kept for one request (or one app context for jobs and scripts): units, settings.

Cleared at the start of every request, so a change is seen by the next page; a job or benchmark that
runs in one long app context sees what was there when it first asked, which is what it wants.
"""
from __future__ import annotations

from flask import g, has_app_context


def cached(key, loader):
    if not has_app_context():
        return loader()
    store = g.setdefault("_erp_cached", {})
    if key not in store:
        store[key] = loader()
    return store[key]


def forget(key=None):
    if has_app_context():
        if key is None:
            g.pop("_erp_cached", None)
        else:
            g.get("_erp_cached", {}).pop(key, None)
