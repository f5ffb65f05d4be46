"""An API operation beyond list/read/create/update: a step of the chain (plan, weigh, ship, sign, pay).

An addon declares it with `reg.operation(Operation(...))`; the kernel mounts it under /api/v1, checks the
token, the plant, the addon being enabled there and the permission, enforces the documented body and query
schemas, then calls the handler, which calls the same service the screen calls. The OpenAPI document is
built from these declarations, so what is documented is what is enforced.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Operation:
    method: str                      # "GET" or "POST"
    path: str                        # OpenAPI style, "/delivery_notes/{id}/ship"; {id} and {..._id} are ids
    permission: str                  # checked before anything else
    handler: Callable                # handler(body or query dict, **path ids) -> JSON-able data
    summary: str
    body: dict | None = None         # JSON schema of the request body (POST); None = no body expected
    query: dict = field(default_factory=dict)   # query parameter -> schema
    returns: dict | None = None      # schema of the answer
    status: int = 200                # 201 for a create: an Idempotency-Key is honoured there
    errors: tuple = ("400", "409", "422")
    id: str = ""                     # operationId; derived from the path when empty
    tag: str = ""

    @property
    def operation_id(self) -> str:
        if self.id:
            return self.id
        parts = [p for p in self.path.strip("/").split("/") if not p.startswith("{")]
        return f"{self.method.lower()}_{'_'.join(parts)}"

    @property
    def path_params(self) -> list[str]:
        return [p[1:-1] for p in self.path.split("/") if p.startswith("{")]

    def flask_rule(self) -> str:
        return "/api/v1" + "/".join(f"<int:{p[1:-1]}>" if p.startswith("{") else p for p in self.path.split("/"))


# Building blocks for schemas. Money, weights and quantities are decimal strings (JSON numbers are binary
# floats on most clients); the pattern bounds digits and places as the columns do.
def decimal(places=3, digits=12, signed=False) -> dict:
    sign = "-?" if signed else ""
    return {"type": "string", "pattern": rf"^{sign}\d{{1,{digits}}}(\.\d{{1,{places}}})?$",
            "example": "12." + "5" * places if places else "12"}


MONEY = decimal(2, 13)
SIGNED_MONEY = decimal(2, 13, signed=True)
KG = decimal(3, 9)
QUANTITY = decimal(3, 9)
ID = {"type": "integer", "minimum": 1, "maximum": 2 ** 63 - 1}
DATE = {"type": "string", "format": "date", "example": "2026-12-05"}
DATETIME = {"type": "string", "format": "date-time", "example": "2026-12-05T08:30:00+08:00"}


def instant(raw: str | None):
    """An RFC 3339 date-time from a body (checked to carry its zone) as the naive UTC instant we store."""
    if not raw:
        return None
    moment = datetime.datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    return moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def day(raw: str | None):
    return datetime.date.fromisoformat(raw) if raw else None


def text(max_length=200, required=False) -> dict:
    return {"type": "string", "maxLength": max_length, **({"minLength": 1} if required else {})}


def code(max_length=40) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length}


def obj(properties: dict, required=(), one_of: tuple = ()) -> dict:
    """An object with exactly these fields. `one_of`: groups of which at least one field must be given
    (an id or its code: `("customer", "customer_code")`)."""
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    if one_of:
        schema["allOf"] = [{"anyOf": [{"required": [name]} for name in group]} for group in one_of]
    return schema


def array(items: dict, min_items=0, max_items=500) -> dict:
    return {"type": "array", "items": items, "minItems": min_items, "maxItems": max_items}
