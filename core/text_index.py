"""Searching inside names and numbers without reading the whole table: trigram indexes.

A list's search box finds records whose fields contain the text typed ("contains", not "starts with": a
customer is looked for by a word in the middle of the name, an order by the last digits of its number). No
ordinary index answers that, and at a plant group it read every order. A model names the fields people search
inside (`class Meta: text_search = ("name", "code")`) and a migration of its addon calls `install`:

- SQLite: an FTS5 table with the trigram tokenizer over those fields, an index only ("external content": the
  text stays in the model's table), kept by triggers on the table. A LIKE on it is answered by the index for
  a term of three characters or more, without case for ASCII letters, as SQLite's LIKE.
- PostgreSQL: a pg_trgm GIN index per field (where the extension can be created); ILIKE uses it as it stands.

`contains(model, fields, text)` is the condition to search a list with. Where the fields are indexed and the text
is rare, the index is asked for the ids first (at most COMMON of them) and the condition is on those ids: the
list's own, or its foreign key's for a related model's fields (an order's customer's name), so that every part
of the search is an index lookup the database can join. Otherwise, and for a common text, the plain LIKE /
ILIKE, which reads the list in its own order and stops when a page is full.
"""
from __future__ import annotations

from peewee import DatabaseError, ForeignKeyField, SqliteDatabase

from core.db import is_sqlite, underlying

WILDCARDS = ("%", "_", "\\")


def fields_of(model) -> tuple[str, ...]:
    return tuple(getattr(model._meta, "text_search", ()))


def _fts(table) -> str:
    return f"{table}_text"


def install(database, table: str, fields) -> None:
    """Create the index of `table`'s `fields` and fill it from the rows there (a migration calls this)."""
    names = ", ".join(f'"{f}"' for f in fields)
    database = underlying(database)
    if isinstance(database, SqliteDatabase):
        fts, new = _fts(table), ", ".join(f'new."{f}"' for f in fields)
        old = ", ".join(f'old."{f}"' for f in fields)
        database.execute_sql(f'CREATE VIRTUAL TABLE "{fts}" USING fts5({names}, content=\'{table}\', '
                             f'content_rowid=\'id\', tokenize=\'trigram\')')
        database.execute_sql(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'rebuild\')')
        database.execute_sql(f'CREATE TRIGGER "{fts}_ai" AFTER INSERT ON "{table}" BEGIN '
                             f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new."id", {new}); END')
        database.execute_sql(f'CREATE TRIGGER "{fts}_ad" AFTER DELETE ON "{table}" BEGIN '
                             f'INSERT INTO "{fts}" ("{fts}", rowid, {names}) VALUES (\'delete\', old."id", {old}); END')
        database.execute_sql(f'CREATE TRIGGER "{fts}_au" AFTER UPDATE OF {names} ON "{table}" BEGIN '
                             f'INSERT INTO "{fts}" ("{fts}", rowid, {names}) VALUES (\'delete\', old."id", {old}); '
                             f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new."id", {new}); END')
        return
    try:
        with database.atomic():     # a savepoint: a refusal leaves the migration's transaction usable
            database.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:           # the privilege is the server's: the search works without the index
        return
    for field in fields:
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_{field}_trgm" ON "{table}" '
                             f'USING gin ("{field}" gin_trgm_ops)')


def uninstall(database, table: str, fields) -> None:
    database = underlying(database)
    if isinstance(database, SqliteDatabase):
        fts = _fts(table)
        for suffix in ("ai", "ad", "au"):
            database.execute_sql(f'DROP TRIGGER IF EXISTS "{fts}_{suffix}"')
        database.execute_sql(f'DROP TABLE IF EXISTS "{fts}"')
        return
    for field in fields:
        database.execute_sql(f'DROP INDEX IF EXISTS "{table}_{field}_trgm"')


def is_ours(index_name: str) -> bool:
    """An index made here, not declared by a model (the schema diff leaves it alone)."""
    return index_name.endswith("_trgm")


def _pattern(text: str) -> str:
    return f"%{text}%"


# More rows than this contain the text: it is common (a word every name has), and the list reads its rows in
# its own order until a page is full, which is soon; through the index every one of them would be sorted.
COMMON = 500


def _matches(model, names, text) -> list | None:
    """The ids of `model`'s rows whose fields `names` contain `text`, read through the index: fewer than COMMON
    of them, or None when the index does not serve (a field not indexed, a text shorter than a trigram or with a
    wildcard) or the text is common. Each read stops at COMMON rows."""
    if not names or not set(names) <= set(fields_of(model)) or len(text) < 3 or any(w in text for w in WILDCARDS):
        return None
    database, table, found = model._meta.database, model._meta.table_name, set()
    if is_sqlite():     # a field at a time: FTS5 answers one LIKE from the index, not an OR of them
        reads = [(f'SELECT rowid FROM "{_fts(table)}" WHERE "{name}" LIKE ? LIMIT {COMMON}', [_pattern(text)])
                 for name in names]
    else:               # one read: the trigram indexes' bitmaps are OR-ed
        either = " OR ".join(f'"{name}" ILIKE %s' for name in names)
        reads = [(f'SELECT "id" FROM "{table}" WHERE {either} LIMIT {COMMON}', [_pattern(text)] * len(names))]
    for sql, params in reads:
        found.update(row[0] for row in database.execute_sql(sql, params).fetchall())
        if len(found) >= COMMON:
            return None
    return sorted(found)


def contains(model, search, text):
    """The condition on `model`'s rows that any of the `search` fields (the model's own, or of models its foreign
    keys point at) contains `text`."""
    by_model: dict = {}
    for field in search:
        by_model.setdefault(field.model, []).append(field)
    parts = [_part(model, owner, fields, text) for owner, fields in by_model.items()]
    # a part the index found nothing for is left out: an always-false term in an OR keeps SQLite from reading
    # the other terms off their indexes
    found = [part for part in parts if part is not NOTHING]
    if not found:
        return model._meta.primary_key.in_([])
    condition = found[0]
    for part in found[1:]:
        condition = condition | part
    return condition


NOTHING = object()


def _part(model, owner, fields, text):
    """The rows found through the index become a list of ids, on the list's own key or on its foreign key to the
    fields' model: each part of an OR is then an index lookup the database can join with the others. NOTHING
    when the index found no row."""
    ids = _matches(owner, [f.name for f in fields], text)
    if ids is not None:
        key = model._meta.primary_key if owner is model else next(
            (f for f in model._meta.fields.values() if isinstance(f, ForeignKeyField) and f.rel_model is owner), None)
        if key is not None:
            return key.in_(ids) if ids else NOTHING
    return _any(fields, text)       # read row by row (a related model's fields: joined by the caller)


def _any(fields, text):
    condition = None
    for field in fields:
        term = field.contains(text)
        condition = term if condition is None else (condition | term)
    return condition

