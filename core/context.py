"""Who is acting, in which plant, from where: read by audit, workflow and numbering.

Inside a web request it is the logged-in user and the session's current plant. Jobs, the CLI and
tests set it explicitly with `acting_as`, so business code never reaches for Flask globals itself.
"""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass

from flask.globals import _cv_app, _cv_request     # at module level: an import in a function costs each call


@dataclass(frozen=True)
class Actor:
    user: object = None       # core.models.User or None for the system
    plant: object = None      # core.models.Plant or None
    remote_addr: str | None = None


_actor: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("erp_actor", default=None)


def current() -> Actor:
    explicit = _actor.get()
    if explicit is not None:
        return explicit
    from flask import has_request_context
    if has_request_context():
        from core.security import current_plant, current_user_or_none
        from flask import request
        return Actor(current_user_or_none(), current_plant(), request.remote_addr)
    return Actor()


def current_plant():
    """The plant acting now: `current().plant` without building the whole actor (money formats ask per figure)."""
    explicit = _actor.get()
    if explicit is not None:
        return explicit.plant
    app_ctx = _cv_app.get(None)
    if app_ctx is not None and "_erp_plant" in app_ctx.g.__dict__ and _cv_request.get(None) is not None:
        return app_ctx.g.__dict__["_erp_plant"]       # the session's plant, once this request has found it
    from flask import has_request_context
    if has_request_context():
        from core.security import current_plant as session_plant
        return session_plant()
    return None


def chosen_locale():
    """The locale flask-babel has chosen for this app context, or None before it has: read straight from the
    context variable (a page asks for every string it translates and every figure it formats)."""
    app_ctx = _cv_app.get(None)
    babel_ns = app_ctx.g.__dict__.get("_flask_babel") if app_ctx is not None else None
    return getattr(babel_ns, "babel_locale", None)


def current_locale():
    """The reader's locale: the one chosen, else flask-babel chooses it now (None outside any context)."""
    locale = chosen_locale()
    if locale is None:
        from flask_babel import get_locale
        return get_locale()
    return locale


@contextlib.contextmanager
def acting_as(user=None, plant=None, remote_addr=None):
    token = _actor.set(Actor(user, plant, remote_addr))
    try:
        yield
    finally:
        _actor.reset(token)
