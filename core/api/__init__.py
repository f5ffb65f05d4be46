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

    def fields(self) -> list[str]:
        return [name for name in self.model._meta.sorted_field_names if name not in self.exclude]
