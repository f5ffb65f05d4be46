"""The app factory: wires the database, Babel, CSRF, login, blueprints, menus and guards."""
from __future__ import annotations

import os

from flask import Flask, abort, current_app, flash, g, jsonify, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_bootstrap import Bootstrap5
from flask_wtf.csrf import CSRFError, CSRFProtect
from peewee import SqliteDatabase
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import IntegerConverter

from core import i18n, once
from core.addons import ADDONS_DIR
from core.config import INSTANCE_DIR, defaults
from core.db import bind, connect_url
from core.errors import CODES, UserError
from core.params import MAX_ID, refuse_nul, refuse_nul_json
from core.kernel import build_kernel, load_registry
from core.menus import menu_markup
from core.notify import unread_count
from core.security import (current_plant, current_user_or_none, guard_declared, login_manager, may, may_open,
                           member_plants)

csrf = CSRFProtect()
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'self'; form-action 'self'; base-uri 'self'")
REQUEST_CACHES = ("_erp_plant", "_erp_plants", "_erp_perms", "_erp_enabled")


def create_app(config: dict | None = None) -> Flask:
    app = Flask("core", root_path=os.path.dirname(os.path.abspath(__file__)), instance_path=INSTANCE_DIR)
    app.url_map.converters["int"] = RecordId     # /orders/99999999999999999999 is no page: 404, not an overflow
    app.config.update(defaults())
    app.config.update(config or {})

    registry = load_registry(app.config["ERP_ADDONS_DIR"] or ADDONS_DIR, app.config["ERP_ADDONS_PACKAGE"],
                             app.config["ERP_ENTRY_POINTS"])
    database = connect_url(app.config["ERP_DATABASE_URL"])
    bind(database)
    kernel = build_kernel(registry, database)
    app.extensions["erp"] = kernel

    i18n.init_app(app, registry)
    csrf.init_app(app)
    login_manager.init_app(app)
    Bootstrap5(app)

    for addon, blueprint, options in registry.blueprints:
        app.register_blueprint(blueprint, **options)
    from core.api.views import bp as api_bp, mount_operations
    csrf.exempt(api_bp)  # the API authenticates with bearer tokens, never cookies: no CSRF to fear
    mount_operations(app, registry)

    _wire_requests(app, kernel)
    _wire_errors(app)
    return app


class RecordId(IntegerConverter):
    """`<int:pk>` within what a database id can be (a 64-bit integer); beyond it the route does not match."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def _wire_requests(app, kernel):
    registry = kernel.registry

    @app.before_request
    def _open_and_guard():
        for key in REQUEST_CACHES:  # g outlives a request when a caller keeps an app context open
            g.pop(key, None)
        g.pop("_erp_cached", None)
        kernel.database.connect(reuse_if_open=True)
        if not guard_declared(app, request.endpoint):
            abort(403)  # a view without @requires or @public: fail closed
        refuse_nul(request.args)
        if request.form:
            refuse_nul(request.form)
        if request.is_json:
            refuse_nul_json(request.get_json(silent=True))
        if request.method == "POST" and request.form and not request.path.startswith("/api/"):
            once.claim_form()
        addon = registry.blueprint_owner(request.blueprint) if request.blueprint else None
        if addon and addon != "core" and current_user_or_none() is not None:
            from core.plants import enabled_addons
            plant = current_plant()
            if plant is None or addon not in enabled_addons(plant.id):
                abort(404)

    @app.teardown_request
    def _close(exc):
        # An embedded database's connection stays with its thread for the next request: opening one and
        # setting its pragmas took longer than a typical page's queries. A server's connection is given back.
        if not kernel.database.is_closed() and not (isinstance(kernel.database, SqliteDatabase)
                                                          and not kernel.database.in_transaction()):
            kernel.database.close()

    @app.after_request
    def _give_back_the_form(response):
        return once.settle_form(response)

    @app.after_request
    def _private_pages(response):
        # what a logged-in user saw must not come back from a shared computer's cache after logout
        if current_user_or_none() is not None:
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.after_request
    def _security_headers(response):
        # Everything is served by us (a plant network may have no internet), so the policy can be strict.
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    from core.listing import href_for
    from core.picker import picker_html
    app.jinja_env.globals["erp_picker"] = picker_html
    app.jinja_env.globals["erp_url_of"] = href_for

    @app.context_processor
    def _globals():
        user = current_user_or_none()
        menu, menu_empty = menu_markup(registry, user, current_plant() if user else None)
        return {
            "erp_once": once.field,
            "erp_user": user,
            "erp_plant": current_plant() if user else None,
            "erp_plants": member_plants(user) if user else [],
            "erp_unread": unread_count(user) if user else 0,
            "erp_menu_html": menu,
            "erp_menu_empty": menu_empty,
            "erp_languages": i18n.LANGUAGES,
            "erp_locale": str(i18n.select_locale()),
            # for showing a button; the route still checks the permission itself
            "erp_may": (lambda permission: user is not None and may(user, permission, current_plant().id)),
            "erp_may_open": may_open,
            "erp_extras": _extras_printed,     # the fields a plant added to a record, with their values
            "erp_extra_fields": _extra_fields,
        }


def _extra_fields(record):
    from core import extras
    return extras.fields_for(type(record), record.plant_id)


def _extras_printed(record):
    from core import extras
    return extras.printed(record)


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _wire_errors(app):
    @app.errorhandler(UserError)
    def _user_error(exc):
        if _wants_json():
            details = {k: [str(m) for m in v] for k, v in exc.details.items()} if exc.details else (
                {exc.field: [str(exc)]} if exc.field else {})
            return jsonify(error={"code": CODES.get(exc.status, "bad_request"), "message": str(exc),
                                  "details": details, "reason": _snake(type(exc).__name__)}), exc.status
        if request.method == "GET":   # a bad filter or link: say what is wrong here (a redirect could loop)
            return render_template("core/error.html", code=exc.status, message=str(exc)), exc.status
        flash(str(exc), "danger")
        return redirect(request.referrer or url_for("core.home"))

    @app.errorhandler(CSRFError)
    def _csrf(exc):
        return render_template("core/error.html", code=400,
                               message=_("The form has expired or was not sent by this site. "
                                         "Reload the page and try again.")), 400

    for code in (403, 404, 405):
        app.register_error_handler(code, _page_for(code))


def _snake(name: str) -> str:
    """`CreditLimitExceeded` -> `credit_limit_exceeded`: the API's `reason` beside its `code`."""
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def _no_such_address(exc) -> bool:
    """A 405 where the address itself does not exist (an id past 64 bits on a route that has other methods):
    the rule that would take another method refuses the id too, so the honest answer is 404."""
    allowed = [m for m in (getattr(exc, "valid_methods", None) or []) if m not in ("HEAD", "OPTIONS")]
    if not allowed:
        return False
    try:
        current_app.url_map.bind_to_environ(request.environ).match(method=allowed[0])
    except (NotFound, MethodNotAllowed):
        return True
    except Exception:      # a redirect or another routing answer: the address exists
        return False
    return False


def _page_for(code):
    def handler(exc):
        if code == 405 and _no_such_address(exc):
            return _page_for(404)(exc)
        messages = {403: _("You do not have permission to open this page."),
                    404: _("This page does not exist or is not available in your plant."),
                    405: _("This action cannot be done this way.")}
        if _wants_json():
            response = jsonify(error={"code": CODES[code], "message": messages[code], "details": {}})
        else:
            response = make_response(render_template("core/error.html", code=code, message=messages[code]))
        response.status_code = code
        allowed = getattr(exc, "valid_methods", None)
        if code == 405 and allowed:
            response.headers["Allow"] = ", ".join(sorted(allowed))   # what this address does answer to
        return response
    return handler

