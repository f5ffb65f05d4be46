"""What an addon declares to make a model importable and exportable."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Column:
    field: str                   # the model attribute written (for a Ref: the foreign key)
    en: str                      # English header
    zh: str                      # Chinese header; both are accepted on import
    cell: object                 # a parser from core.excel.cells
    required: bool = False
    aliases: tuple = ()          # other headers seen in users' files

    def headers(self) -> list[str]:
        return [self.en, self.zh, *self.aliases]

    def header(self, locale: str) -> str:
        return self.zh if str(locale).startswith("zh") else self.en


@dataclass
class ImportSpec:
    name: str                    # used in URLs and the CLI: customers, products, prices
    model: object
    columns: list[Column]
    key: tuple                   # fields that identify a row within the plant (duplicates in a file)
    title: object                # lazy label
    permission: str              # model key: import needs .create and .write, export needs .read
    plant_scoped: bool = True
    check_row: Callable | None = None        # (values) -> [(field, message)] for rules across columns
    derive: Callable | None = None           # (values) -> None: fill fields computed from others
    export_query: Callable | None = None     # (plant) -> query of records to export
    defaults: dict = field(default_factory=dict)
    conflict: tuple = ()                     # the unique index to upsert on, when it is not `key`

    @property
    def conflict_fields(self) -> tuple:
        return self.conflict or self.key

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)
