"""The JSON API under /api/v1: resources addons declare, bearer tokens, the OpenAPI document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Resource:
    name: str                        # the URL segment: /api/v1/<name>
    model: object
    permission: str                  # model key: .read to list and read, .create, .write
    form: type | None = None         # the screen's WTForms form validates API input too; None = read-only
    prepare: Callable | None = None  # fills the form's choices from the database
    unique: tuple = ()
    search: tuple = ()
    title: object = ""
    exclude: tuple = ("plant",)
    extra: dict = field(default_factory=dict)
    # For documents a flat form cannot describe (an order with its lines): `creator(payload)` builds the
    # record through the addon's own service and raises UserError with per-field details when refused;
    # `input_schema` documents its body. `scope(query)` narrows what the caller may see (a portal user's
    # own customer); `detail(record)` adds nested data (the lines) to a read.
    creator: Callable | None = None
    input_schema: dict | None = None
    scope: Callable | None = None
    detail: Callable | None = None
    query: Callable | None = None    # the list's base query (joins its search fields need), as on the screen
    detail_schema: dict | None = None    # the properties `detail` adds, for the OpenAPI document

    def fields(self) -> list[str]:
        return [name for name in self.model._meta.sorted_field_names if name not in self.exclude]
