"""Enforcing the documented request schemas: every refusal translated and named by its field.

The API's schemas are OpenAPI 3.0 (JSON Schema draft 4 and `nullable`). A body or a query that does not
fit is refused with 422 and one message per field (`lines-0-quantity`), before any service runs.
"""
from __future__ import annotations

import datetime

from flask_babel import gettext as _
from jsonschema import Draft4Validator, FormatChecker

from core.errors import UserError

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date", raises=ValueError)
def _date(value):
    if not isinstance(value, str):
        return True
    return len(value) == 10 and datetime.date.fromisoformat(value).year >= 1900


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value):
    if not isinstance(value, str):
        return True
    moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    return moment.tzinfo is not None and moment.year >= 1900   # RFC 3339: a date-time carries its zone


class Invalid(UserError):
    status = 422


def _plain(schema):
    """OpenAPI's `nullable: true` as JSON Schema says it: null is one more type."""
    if isinstance(schema, dict):
        out = {k: _plain(v) for k, v in schema.items() if k not in ("nullable", "example", "description")}
        if schema.get("nullable") and "type" in out:
            out["type"] = [out["type"], "null"]
        return out
    if isinstance(schema, list):
        return [_plain(x) for x in schema]
    return schema


def _where(error) -> str:
    path = [str(p) for p in error.absolute_path]
    if error.validator == "required":      # one error per missing field; the message names which
        path.append(next((name for name in error.validator_value if repr(name) in error.message), ""))
    if error.validator == "anyOf" and all("required" in r for r in error.validator_value):
        path.append(error.validator_value[0]["required"][0])     # the id; the message names its code too
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        path.append(extra[0] if extra else "")
    return "-".join(path)


def _message(error) -> str:
    rule, value = error.validator, error.validator_value
    if rule == "required":
        return _("This field is required.")
    if rule == "additionalProperties":
        return _("Unknown field.")
    if rule == "type":
        names = {"string": _("text"), "integer": _("a whole number"), "number": _("a number"),
                 "boolean": _("true or false"), "object": _("an object"), "array": _("a list")}
        kinds = value if isinstance(value, list) else [value]
        return _("Must be %(kind)s.", kind=" / ".join(str(names.get(k, k)) for k in kinds if k != "null"))
    if rule == "maxLength":
        return _("At most %(n)d characters.", n=value)
    if rule == "minLength":
        return _("This field is required.") if value == 1 else _("At least %(n)d characters.", n=value)
    if rule == "pattern":
        return _("Not a number in the expected form (a decimal written as text, e.g. \"12.50\", within the "
                 "digits and decimals the field holds).")
    if rule == "minimum":
        return _("Must be at least %(n)s.", n=value)
    if rule == "maximum":
        return _("Must be at most %(n)s.", n=value)
    if rule == "enum":
        return _("Must be one of: %(values)s.", values=", ".join(str(v) for v in value))
    if rule == "format":
        return _("Not a date (YYYY-MM-DD).") if value == "date" else _(
            "Not a date and time with its zone (e.g. 2026-12-05T08:30:00+08:00).")
    if rule == "minItems":
        return _("Give at least %(n)d.", n=value)
    if rule == "maxItems":
        return _("Give at most %(n)d.", n=value)
    if rule == "anyOf":
        names = [r["required"][0] for r in value if "required" in r]
        return _("Give one of: %(fields)s.", fields=", ".join(names))
    return _("Not valid.")


def check(schema: dict, value, where="") -> None:
    """Raise Invalid (422) naming each field that does not fit `schema`."""
    validator = Draft4Validator(_plain(schema), format_checker=FORMATS)
    details: dict[str, list[str]] = {}
    for error in sorted(validator.iter_errors(value), key=lambda e: list(map(str, e.absolute_path))):
        for leaf in _leaves(error):
            name = _where(leaf) or where
            details.setdefault(name, []).append(_message(leaf))
    if details:
        raise Invalid(_("Some fields are not valid."), details=details)


def _leaves(error):
    """An allOf of anyOfs reports the anyOf that failed; show that, not the wrapper."""
    if error.validator == "allOf" and error.context:
        return [e for e in error.context]
    return [error]


def parse_query(schemas: dict, args) -> dict:
    """Query parameters as their schemas type them (an integer as int); then checked like a body."""
    out, details = {}, {}
    for name, raw in args.items():
        if name == "plant":
            continue                    # the plant, when not in the X-Plant header: checked on the way in
        if name not in schemas:
            details[name] = [_("Unknown field.")]
            continue
        kind = schemas[name].get("type")
        try:
            out[name] = int(raw) if kind == "integer" else (raw.lower() in ("1", "true", "yes")
                                                            if kind == "boolean" else raw)
        except ValueError:
            details[name] = [_("Must be %(kind)s.", kind=_("a whole number"))]
    if details:
        raise Invalid(_("Some fields are not valid."), details=details)
    check({"type": "object", "properties": schemas}, out)
    return out
