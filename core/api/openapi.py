"""The OpenAPI 3 document of /api/v1, built from the declared resources, their models and forms."""
from __future__ import annotations

from peewee import (AutoField, BigIntegerField, BooleanField, DateField, DateTimeField, FloatField,
                    ForeignKeyField, IntegerField, TextField)
from wtforms import BooleanField as FormBoolean
from wtforms import DateField as FormDate
from wtforms import DecimalField as FormDecimal
from wtforms import IntegerField as FormInteger
from wtforms import SelectField as FormSelect
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from core.api.operation import ID, decimal
from core.errors import CODES
from core.fields import FixedDecimalField
from core.forms import DecimalField as BoundedDecimal
from core.forms import RefField
from core.picker import PickField
from core.workflow import transitions_of

DECIMAL = {"type": "string", "pattern": r"^-?\d{1,15}(\.\d{1,6})?$", "example": "12.50"}


def _field_schema(field) -> dict:
    if isinstance(field, FixedDecimalField):
        schema = dict(DECIMAL)
    elif isinstance(field, (ForeignKeyField, AutoField, IntegerField, BigIntegerField)):
        schema = {"type": "integer"}
    elif isinstance(field, BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, FloatField):
        schema = {"type": "number"}
    else:
        schema = {"type": "string"}
        if getattr(field, "max_length", None) and not isinstance(field, TextField):
            schema["maxLength"] = field.max_length
    if field.null:
        schema["nullable"] = True
    return schema


def fields_schema(model, names, **more) -> dict:
    """A record as `to_json` writes it (`names` of `model`, and its id), plus `more` properties."""
    return {"type": "object", "properties": {"id": {"type": "integer"}, **{
        n: _field_schema(model._meta.fields[n]) for n in names}, **more}}


def _bounds(field, schema) -> dict:
    """The form's own limits, so the document refuses what the form refuses."""
    for v in field.validators:
        if isinstance(v, Length) and schema.get("type") == "string":
            if v.max is not None and v.max >= 0:
                schema["maxLength"] = v.max
            if v.min is not None and v.min > 0:
                schema["minLength"] = v.min
        if isinstance(v, NumberRange) and schema.get("type") == "integer":
            if v.min is not None:
                schema["minimum"] = v.min
            if v.max is not None:
                schema["maximum"] = v.max
    return schema


def input_schema(form_class, partial=False) -> dict:
    """A resource form's body. `partial`: a PATCH, where every field may be left out."""
    form = form_class(meta={"csrf": False}, formdata=None)
    properties, required = {}, []
    for name, field in form._fields.items():
        if field.type in ("SubmitField", "CSRFTokenField"):
            continue
        if isinstance(field, (RefField, PickField)):
            schema = {**ID, "nullable": True}
        elif isinstance(field, FormBoolean):
            schema = {"type": "boolean"}
        elif isinstance(field, FormInteger):
            schema = {"type": "integer", "minimum": -2 ** 31, "maximum": 2 ** 31 - 1}
        elif isinstance(field, BoundedDecimal):
            schema = decimal(field.column_places, 18 - field.column_places, signed=True)
        elif isinstance(field, FormDecimal):
            schema = dict(DECIMAL)
        elif isinstance(field, FormDate):
            schema = {"type": "string", "format": "date"}
        elif isinstance(field, FormSelect) and field.choices:
            schema = {"type": "string", "enum": [str(c.value if hasattr(c, "value") else c[0]) for c in field.choices]}
        else:
            schema = {"type": "string"}
        schema["description"] = str(field.label.text)
        properties[name] = _bounds(field, schema)
        if any(isinstance(v, (DataRequired, InputRequired)) for v in field.validators):
            required.append(name)
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required and not partial:
        schema["required"] = required
    return schema


def _responses(ok_status, ok_schema, *errors):
    out = {str(ok_status): {"description": "OK", "content": {"application/json": {"schema": ok_schema}}}}
    for status in ("401", "403", "404", *errors):
        out[status] = {"$ref": f"#/components/responses/E{status}"}
    return out


LIST_QUERY = {"limit": {"type": "integer", "minimum": 1, "maximum": 500, "description": "At most this many (50)"},
              "after": {"type": "integer", "minimum": 0, "maximum": 2 ** 63 - 1,
                        "description": "Return records after this id (the previous page's `next`)"},
              "q": {"type": "string", "maxLength": 200, "description": "Search in the numbers, codes and names"}}
MOVE_BODY = {"type": "object", "properties": {"comment": {"type": "string", "maxLength": 2000}},
             "additionalProperties": False}
KEY = {"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 120},
       "description": "The same key again within two days gets the first answer; nothing is created twice"}


def _operation(paths, op):
    parameters = [{"$ref": "#/components/parameters/Plant"}]
    parameters += [{"name": name, "in": "path", "required": True, "schema": ID} for name in op.path_params]
    parameters += [{"name": name, "in": "query", "required": False, "schema": schema}
                   for name, schema in op.query.items()]
    if op.status == 201:
        parameters.append(KEY)
    entry = {"summary": op.summary, "operationId": op.operation_id, "parameters": parameters,
             "responses": _responses(op.status, op.returns or {"type": "object"}, *op.errors)}
    if op.tag:
        entry["tags"] = [op.tag]
    if op.method == "POST":
        entry["requestBody"] = {"required": op.body is not None and bool(op.body.get("required")),
                                "content": {"application/json": {"schema": op.body or {
                                    "type": "object", "additionalProperties": False}}}}
    paths.setdefault(op.path, {})[op.method.lower()] = entry


PLANT = {"$ref": "#/components/parameters/Plant"}
ID_PARAMETER = {"$ref": "#/components/parameters/Id"}


def _components() -> dict:
    """The shared parts: the error answer (its `code` one of the documented words), security, parameters."""
    error = {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"], "properties": {
            "code": {"type": "string", "enum": sorted(set(CODES.values()))},
            "message": {"type": "string"},
            "reason": {"type": "string", "description": "What refused it, e.g. credit_limit_exceeded"},
            "details": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}}}}
    names = {"400": "Bad request", "401": "No valid token", "403": "Not permitted", "404": "Not found",
             "405": "Not available", "409": "Not allowed in the current state", "422": "Invalid fields"}
    return {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {"Error": error},
        "responses": {f"E{s}": {"description": d, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}} for s, d in names.items()},
        "parameters": {
            "Plant": {"name": "X-Plant", "in": "header", "required": False,
                      "schema": {"type": "string", "maxLength": 20},
                      "description": "Plant code; defaults to the user's first plant (or `?plant=` in the query)"},
            "Id": {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}},
    }


def _resource_schema(name, res) -> tuple[str, dict]:
    title = "".join(part.title() for part in name.split("_"))
    fields = {n: _field_schema(res.model._meta.fields[n]) for n in res.fields()}
    return title, {"type": "object", "properties": {"id": {"type": "integer"}, **fields, **(res.detail_schema or {})}}


def _collection(name, res, ref) -> dict:
    """GET the list; POST a new one, through the resource's form or its creator."""
    page = {"type": "object", "properties": {"items": {"type": "array", "items": ref},
                                             "next": {"type": "integer", "nullable": True}}}
    collection = {"get": {
        "summary": f"List {name}", "operationId": f"list_{name}", "parameters": [
            PLANT, *({"name": n, "in": "query", "schema": q} for n, q in LIST_QUERY.items())],
        "responses": _responses(200, page, "400", "422")}}
    schema = _create_schema(res)
    if schema is not None:
        collection["post"] = {"summary": f"Create one of {name}", "operationId": f"create_{name}",
                              "parameters": [PLANT, KEY],
                              "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
                              "responses": _responses(201, ref, "400", "409", "422")}
    return collection


def _create_schema(res) -> dict | None:
    """The body a create takes: the resource's form, or its creator's own schema; None: read-only."""
    if res.form is not None:
        return input_schema(res.form)
    if res.creator is not None:
        return res.input_schema or {"type": "object"}
    return None


def _item(name, res, ref) -> dict:
    """GET one; PATCH it where a form edits it."""
    item = {"get": {"summary": f"Read one of {name}", "operationId": f"read_{name}",
                    "parameters": [PLANT, ID_PARAMETER], "responses": _responses(200, ref)}}
    if res.form is not None:
        item["patch"] = {"summary": f"Change one of {name} (only the fields given)", "operationId": f"update_{name}",
                         "parameters": [PLANT, ID_PARAMETER], "requestBody": {"required": True, "content": {
                             "application/json": {"schema": input_schema(res.form, True)}}},
                         "responses": _responses(200, ref, "400", "409", "422")}
    return item


def _moves(paths, name, res, ref) -> None:
    for spec in transitions_of(res.model):
        if not spec.offered:
            continue            # run by its own operation or by a service, not by name
        paths[f"/{name}/{{id}}/{spec.name}"] = {"post": {
            "summary": f"{spec.name}: move to {spec.target}", "operationId": f"{spec.name}_{name}",
            "parameters": [PLANT, ID_PARAMETER],
            "requestBody": {"required": False, "content": {"application/json": {"schema": MOVE_BODY}}},
            "responses": _responses(200, ref, "400", "403", "409", "422")}}


def document(registry) -> dict:
    """The whole document: the kernel's paths, each resource's, each workflow move's and each operation's."""
    components = _components()
    paths = {"/openapi.json": {"get": {"summary": "This document", "security": [], "operationId": "openapi",
                                       "responses": {"200": {"description": "OK"}}}},
             "/": {"get": {"summary": "Resources available to the caller", "operationId": "index",
                           "parameters": [PLANT], "responses": _responses(200, {"type": "object"})}}}
    for name, (_addon, res) in sorted(registry.resources.items()):
        title, schema = _resource_schema(name, res)
        components["schemas"][title] = schema
        ref = {"$ref": f"#/components/schemas/{title}"}
        paths[f"/{name}"] = _collection(name, res, ref)
        paths[f"/{name}/{{id}}"] = _item(name, res, ref)
        _moves(paths, name, res, ref)
    for _addon, op in registry.operations:
        _operation(paths, op)
    return {"openapi": "3.0.3",
            "info": {"title": "Sales ERP API", "version": "1",
                     "description": "Money and weights are decimal strings. Authenticate with a bearer token "
                                    "created on your account page."},
            "servers": [{"url": "/api/v1"}], "security": [{"bearer": []}], "paths": paths, "components": components}
