"""A select whose column list is written without walking peewee's expression tree for each column.

Composing SQL is a large share of an ordinary page's time, and a quarter of it went into the SELECT list:
a whole-row select of a 25-column model renders 25 Column nodes, each through several scopes, for text that
only depends on the column's name and its table's alias in the query. For plain columns of a model table
(the vast majority of selects), the text is written directly from those two; anything else (expressions,
aliases, model aliases, a column as a subquery's key) is left to peewee. tests/test_fast_select.py holds it
to peewee's own output for every model and the usual shapes of query.

Its rows are read the same way: when a select returns plain columns of its own model only (whatever it joins to
filter), each row becomes that model's instance with its data set at once (core.db's reader), rather than
through peewee's per-column wrapper; anything else is peewee's."""
from __future__ import annotations

from peewee import CursorWrapper, Field, ModelSelect

_PLAIN_SQL = Field.__sql__


class FastModelSelect(ModelSelect):
    def __sql_selection__(self, ctx, is_subquery=False):
        if is_subquery:
            return super().__sql_selection__(ctx, is_subquery)
        returning = self._returning
        for node in returning:
            if not isinstance(node, Field) or type(node).__sql__ is not _PLAIN_SQL:
                return super().__sql_selection__(ctx, is_subquery)
        quote = ctx.state.quote or '""'
        left, right = quote[0], quote[-1]
        aliases = ctx.alias_manager
        parts = []
        for field in returning:
            table = field.model._meta.table
            if table._alias:
                aliases[table] = table._alias
            alias = aliases[table].replace(left, quote)
            parts.append(f"{left}{alias}{right}.{left}{field.column_name.replace(left, quote)}{right}")
        return ctx.literal(", ".join(parts))

    def _get_model_cursor_wrapper(self, cursor):
        model, returning = self.model, self._returning
        for node in returning:
            if not isinstance(node, Field) or node.model is not model or type(node).__sql__ is not _PLAIN_SQL:
                return super()._get_model_cursor_wrapper(cursor)
        return _Rows(cursor, model, returning)


class _Rows(CursorWrapper):
    """Rows of one model's plain columns, as its instances, clean."""

    def __init__(self, cursor, model, fields):
        super().__init__(cursor)
        from core.db import model_rows
        self.process_row = model_rows(model, fields)
