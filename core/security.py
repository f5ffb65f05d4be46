"""Passwords, login, the current plant, permission checks and the guard on every route.

Routes fail closed: a view that declares neither a permission (`@requires`) nor that it is public
(`@public`) answers 403, so a forgotten check is a visible bug, never an open door.
"""
from __future__ import annotations

import functools

from flask import abort, current_app, g, has_app_context, session, request
from flask_login import LoginManager, current_user
from werkzeug.security import check_password_hash, generate_password_hash

from core.db import get_row, instances, run_composed
from flask_babel import lazy_gettext as _l

from core.models import Plant, RolePermission, User, UserPlant, UserRole

login_manager = LoginManager()
login_manager.login_view = "core.login"
login_manager.session_protection = "basic"
# Flask-Login flashes this when a page needs a login; translated when flashed, in the reader's language
login_manager.login_message = _l("Please log in to open this page.")
login_manager.login_message_category = "info"
login_manager.localize_callback = str        # the lazy message, in the reader's language, as the flash stores it



def hash_password(password: str) -> str:
    # Tests set a cheap method; production keeps Werkzeug's default (scrypt).
    method = current_app.config.get("ERP_PASSWORD_METHOD") if has_app_context() else None
    return generate_password_hash(password, method=method) if method else generate_password_hash(password)


def verify_password(user: User, password: str) -> bool:
    return check_password_hash(user.password_hash, password)


@login_manager.user_loader
def _load_user(user_id):
    from core.login_guard import session_current
    try:
        user = get_row(User, int(user_id))      # every request asks: its select is composed once
    except (User.DoesNotExist, ValueError):
        return None
    return user if user.active and session_current(user) else None    # deactivated, or a session ended


def current_user_or_none():
    """The logged-in User itself, not flask-login's proxy: a page asks it dozens of questions, and each
    through the proxy costs a context lookup."""
    user = current_user._get_current_object() if current_user else None
    return user if user is not None and user.is_authenticated else None


def permissions_of(user) -> frozenset:
    cache = g.setdefault("_erp_perms", {})
    if user.id not in cache:
        rows = run_composed("core.permissions_of", lambda u: RolePermission.select(RolePermission.permission)
                            .join(UserRole, on=(UserRole.role == RolePermission.role))
                            .where(UserRole.user == u), user.id).fetchall()
        cache[user.id] = frozenset(p for (p,) in rows)
    return cache[user.id]


def _memberships(user) -> tuple[list, frozenset]:
    """The active plants a user belongs to, in code order, and their ids: read once per request. The permission
    checks, the session's plant and the plant switcher all ask (on PostgreSQL each read is a round trip)."""
    cache = g.setdefault("_erp_plants", {})
    if user.id not in cache:
        plants = instances(Plant, run_composed("core.member_plants", lambda u: Plant.select().join(UserPlant).where(
            (UserPlant.user == u) & (Plant.active == True)).order_by(Plant.code), user.id))  # noqa: E712
        cache[user.id] = (plants, frozenset(p.id for p in plants))
    return cache[user.id]


def plant_ids_of(user) -> frozenset:
    return _memberships(user)[1]


def member_plants(user) -> list:
    """The active plants a user may switch to, in code order."""
    return list(_memberships(user)[0])


def may(user, permission: str | None, plant_id=None) -> bool:
    if user is None:
        return False
    if plant_id is not None and plant_id not in plant_ids_of(user):
        return False
    return permission is None or user.is_superuser or permission in permissions_of(user)


def current_plant():
    """The plant chosen for this session, if the user is still a member of it; else their first."""
    if "_erp_plant" in g:
        return g._erp_plant
    user = current_user_or_none()
    plant = None
    if user is not None:
        allowed = plant_ids_of(user)
        chosen = session.get("plant_id")
        if chosen not in allowed:
            chosen = min(allowed) if allowed else None
            session["plant_id"] = chosen
        plant = next((p for p in _memberships(user)[0] if p.id == chosen), None)     # read with the memberships
    g._erp_plant = plant
    return plant


def requires(permission: str | None = None):
    """Logged in, member of a current plant, and (if given) holding `permission` in it."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            user = current_user_or_none()
            if user is None:
                return login_manager.unauthorized()
            plant = current_plant()
            if plant is None:
                from flask import render_template
                from flask_babel import gettext as _
                return render_template("core/error.html", code=403, message=_(
                    "You are not a member of any active plant. Ask an administrator to add you to one.")), 403
            if not may(user, permission, plant.id):
                abort(403)
            return view(*args, **kwargs)
        wrapper.erp_guard = ("permission", permission)
        return wrapper
    return decorate


def may_open(endpoint) -> bool:
    """Whether the current user passes the guard of the route `endpoint` in the current plant: a link or a
    button to it is offered only then (the route checks again). Routes that check more than a permission
    (a record's owner, a state) say so themselves."""
    view = current_app.view_functions.get(endpoint)
    kind, permission = getattr(view, "erp_guard", ("none", None))
    if kind != "permission":
        return view is not None
    user, plant = current_user_or_none(), current_plant()
    return user is not None and plant is not None and may(user, permission, plant.id)


def public(view):
    view.erp_guard = ("public", None)
    return view


def guard_declared(app, endpoint: str | None) -> bool:
    if endpoint is None or endpoint == "static" or endpoint.endswith(".static"):
        return True
    view = app.view_functions.get(endpoint)
    return getattr(view, "erp_guard", None) is not None

def client_addr() -> str | None:
    return request.remote_addr


def holders_of(permission: str, plant_id) -> list[int]:
    """Ids of the active members of a plant whose roles grant `permission` (whom to tell about it).
    Superusers are left out: they pass every check but are not everyone's manager."""
    granted = (UserRole.select(UserRole.user).join(RolePermission, on=(RolePermission.role == UserRole.role))
               .where(RolePermission.permission == permission))
    rows = (User.select(User.id).join(UserPlant, on=(UserPlant.user == User.id))
            .where((UserPlant.plant == plant_id) & (User.active == True) & User.id.in_(granted)).tuples())  # noqa: E712
    return [user_id for (user_id,) in rows]
