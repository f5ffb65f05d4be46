"""/api/v1: list, read, create, update and workflow moves for every declared resource.

Same permissions and plant rules as the screens: a bearer token names the user, `X-Plant` (or
`?plant=`) the plant, defaulting to the user's first. Errors are JSON: {"error": {code, message, details}}.
"""
from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from core import once, text_index, workflow
from core.api import checking, openapi, tokens
from core.api.serialize import form_defaults, to_formdata, to_json
from core.crud import save_plant_record
from core.db import transaction
from core.forms import Form
from core.listing import own_rows
from core.plants import enabled_addons
from core.records import plant_scoped
from core.security import current_plant, may, member_plants

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def api_route(rule, **options):
    """A route of the API: authentication happens in `_authenticate`, permissions in each view."""
    def decorate(view):
        view.erp_guard = ("api", None)
        return bp.route(rule, **options)(view)
    return decorate


def error(status, code, message, details=None):
    return jsonify(error={"code": code, "message": str(message), "details": details or {}}), status


@bp.before_request
def _authenticate():
    if request.endpoint == "api.openapi_document":
        return None
    header = request.headers.get("Authorization", "")
    user = tokens.user_for(header[7:].strip()) if header.lower().startswith("bearer ") else None
    if user is None:
        return error(401, "unauthorized", _("A valid API token is required (Authorization: Bearer ...)."))
    g._login_user = user
    code = request.headers.get("X-Plant") or request.args.get("plant")
    plants = member_plants(user)        # the user's active plants, read once per request (core.security)
    if code:
        plant = next((p for p in plants if p.code == code), None)
        if plant is None:
            return error(403, "forbidden", _("You are not a member of that plant."))
    else:
        if not plants:
            return error(403, "forbidden", _("You are not a member of any active plant. Ask an administrator "
                                             "to add you to one."))
        plant = plants[0]
    g._erp_plant = plant
    return None


def _resource(name, op):
    entry = current_app.extensions["erp"].registry.resources.get(name)
    if entry is None or entry[0] not in enabled_addons(current_plant().id) | {"core"}:
        return None, error(404, "not_found", _("There is no such resource."))
    resource = entry[1]
    if not may(g._login_user, f"{resource.permission}.{op}", current_plant().id):
        return None, error(403, "forbidden", _("You do not have permission to do this."))
    return resource, None


def _visible(resource):
    query = plant_scoped(resource.model, resource.query() if resource.query else None)
    return resource.scope(query) if resource.scope else query


def _record(resource, pk):
    return _visible(resource).where(resource.model._meta.primary_key == pk).first()


def _out(resource, record):
    from core import extras
    data = to_json(record, resource.fields())
    added = extras.as_json(resource.model, [record])
    if added:
        data["plant_fields"] = added[record.id]      # the fields the plant added (core.extras)
    if resource.detail:
        data.update(resource.detail(record))
    return data


@api_route("/")
def index():
    registry = current_app.extensions["erp"].registry
    names = [name for name, (addon, res) in sorted(registry.resources.items())
             if addon in enabled_addons(current_plant().id) | {"core"}
             and may(g._login_user, f"{res.permission}.read", current_plant().id)]
    return jsonify(plant=current_plant().code, user=g._login_user.login, resources=names)


@api_route("/openapi.json")
def openapi_document():
    return jsonify(openapi.document(current_app.extensions["erp"].registry))


@api_route("/<name>")
def list_records(name):
    resource, failure = _resource(name, "read")
    if failure:
        return failure
    asked = checking.parse_query(openapi.LIST_QUERY, request.args)
    limit, after = asked.get("limit", 50), asked.get("after", 0)
    model = resource.model
    query = _visible(resource).where(model._meta.primary_key > after)
    q = (asked.get("q") or "").strip()
    if q and resource.search:     # inside names and numbers: through the trigram indexes, as the lists on screen
        query = query.where(text_index.contains(model, resource.search, q))
    rows = own_rows(model, query.order_by(model._meta.primary_key).limit(limit + 1))     # straight into instances
    from core import extras
    added = extras.as_json(model, rows[:limit])
    items = [dict(to_json(r, resource.fields()), **({"plant_fields": added[r.id]} if added else {}))
             for r in rows[:limit]]
    return jsonify(items=items, next=rows[limit - 1].id if len(rows) > limit else None)


@api_route("/<name>/<int:pk>")
def read_record(name, pk):
    resource, failure = _resource(name, "read")
    if failure:
        return failure
    record = _record(resource, pk)
    if record is None:
        return error(404, "not_found", _("There is no such record in this plant."))
    return jsonify(_out(resource, record))


def _save(resource, record):
    if resource.form is None:
        response, status = error(405, "method_not_allowed", _("This resource is read-only here."))
        response.headers["Allow"] = "GET"
        return response, status
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return error(400, "bad_request", _("The body must be a JSON object."))
    from core import extras
    added, extra_form = extras.fields_for(resource.model), None
    if "plant_fields" in body:           # the plant's own fields (core.extras): {code: value}, checked as on the form
        given = body.pop("plant_fields")
        known = {e.name[2:] for e in added}
        if not isinstance(given, dict) or set(given) - known:
            return error(422, "invalid", _("Some fields are not valid."),
                         {"plant_fields": [_("Use the codes of this plant's fields: %(codes)s.",
                                             codes=", ".join(sorted(known)) or "—")]})
        added = [e for e in added if e.name[2:] in given]
        extra_form = extras.with_fields(Form, added)(
            formdata=MultiDict({f"x_{k}": "" if v is None else str(v) for k, v in given.items()}), meta={"csrf": False})
        if not extra_form.validate():
            return error(422, "invalid", _("Some fields are not valid."),
                         {f"plant_fields.{k[2:]}": [str(m) for m in v] for k, v in extra_form.errors.items()})
    checking.check(openapi.input_schema(resource.form, partial=record is not None), body)
    blank = resource.form(meta={"csrf": False}, formdata=None)
    names = [n for n, f in blank._fields.items() if f.type not in ("SubmitField", "CSRFTokenField")]
    formdata, problems = to_formdata(names, record, body, defaults=form_defaults(blank))
    if problems:
        return error(422, "invalid", _("Some fields are not valid."), problems)
    form = resource.form(formdata=formdata, obj=record, meta={"csrf": False})
    if resource.prepare:
        resource.prepare(form)
    with transaction():
        saved = form.validate() and save_plant_record(resource.model, record, form, unique=resource.unique)
        if saved and extra_form is not None:
            extras.save(saved, extra_form, added)
    if not saved:
        details = {k: [str(m) for m in v] for k, v in form.errors.items() if k != "csrf_token"}
        if form.form_errors:
            details[""] = [str(m) for m in form.form_errors]
        return error(422, "invalid", _("Some fields are not valid."), details)
    out = to_json(saved, resource.fields())
    shown = extras.as_json(resource.model, [saved])
    if shown:
        out["plant_fields"] = shown[saved.id]
    return jsonify(out), 200 if record is not None else 201


@api_route("/<name>", methods=["POST"])
def create_record(name):
    resource, failure = _resource(name, "create")
    if failure:
        return failure
    return once_only(lambda: _create(resource))


def once_only(produce):
    """A create that brings an `Idempotency-Key`: the same key again gets the first answer, nothing new."""
    key = once.api_key(g._login_user)
    if key is not None:
        earlier = once.replayed(key)
        if earlier is not None:
            response = jsonify(earlier[1])
            response.headers["Idempotent-Replayed"] = "true"
            return response, earlier[0]
    try:
        response, status = produce()
    except Exception:
        if key is not None:
            once.keep(key, 500, None)         # gives the key back: the client may try again
        raise
    if key is not None:
        once.keep(key, status, response.get_json())
    return response, status


def _create(resource):
    if resource.creator is not None:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return error(400, "bad_request", _("The body must be a JSON object."))
        if resource.input_schema:
            checking.check(resource.input_schema, body)
        return jsonify(_out(resource, resource.creator(body))), 201   # a refusal is a UserError: JSON 4xx
    return _save(resource, None)


@api_route("/<name>/<int:pk>", methods=["PATCH"])
def update_record(name, pk):
    resource, failure = _resource(name, "write")
    if failure:
        return failure
    record = _record(resource, pk)
    if record is None:
        return error(404, "not_found", _("There is no such record in this plant."))
    return _save(resource, record)


@api_route("/<name>/<int:pk>/<move>", methods=["POST"])
def move_record(name, pk, move):
    resource, failure = _resource(name, "read")
    if failure:
        return failure
    spec = workflow.find(resource.model, move)
    record = _record(resource, pk)
    if spec is None or record is None:
        return error(404, "not_found", _("There is no such record in this plant."))
    body = request.get_json(silent=True) if request.get_data() else {}
    if not isinstance(body, dict):
        return error(400, "bad_request", _("The body must be a JSON object."))
    checking.check(openapi.MOVE_BODY, body)
    getattr(record, move)(comment=body.get("comment"))
    return jsonify(_out(resource, record))


def mount_operations(app, registry):
    """Every declared Operation at its URL, behind the API's token and plant check (its endpoint is in
    the `api` blueprint's name space, so `_authenticate` runs first)."""
    for addon, op in registry.operations:
        app.add_url_rule(op.flask_rule(), endpoint=f"api.{op.operation_id}", view_func=_operation_view(addon, op),
                         methods=[op.method])


def _operation_view(addon, op):
    def view(**ids):
        if addon not in enabled_addons(current_plant().id) | {"core"}:
            return error(404, "not_found", _("There is no such resource."))
        if not may(g._login_user, op.permission, current_plant().id):
            return error(403, "forbidden", _("You do not have permission to do this."))
        if op.method == "GET":
            return jsonify(op.handler(checking.parse_query(op.query, request.args), **ids))
        body = request.get_json(silent=True) if request.get_data() else {}
        if not isinstance(body, dict):
            return error(400, "bad_request", _("The body must be a JSON object."))
        checking.check(op.body or {"type": "object", "additionalProperties": False}, body)

        def produce():
            return jsonify(op.handler(body, **ids)), op.status
        return once_only(produce) if op.status == 201 else produce()
    view.__name__ = op.operation_id
    view.erp_guard = ("api", None)
    return view
