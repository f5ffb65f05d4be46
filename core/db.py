"""One database proxy for every model, chosen by URL, and how business code reads, locks and writes rows with
statements composed once.

Transactions (`transaction()`, the only way business code opens one) are in core/transactions.py and
imported here too. On PostgreSQL rows are locked explicitly with `lock()` (SELECT ... FOR UPDATE); SQLite's
transactions take the write lock up front.
"""
from __future__ import annotations

import datetime
import os
import re
from decimal import Decimal
from urllib.parse import unquote, urlparse

from peewee import (BooleanField, CharField, DatabaseProxy, DateField, DateTimeField, Field, ForeignKeyField,
                    IntegerField, Model, SqliteDatabase, TextField)
from playhouse.pool import PooledPostgresqlDatabase

from core.fast_select import FastModelSelect

db = DatabaseProxy()


class BaseModel(Model):
    """Every model's base. `save()` runs the same INSERT and UPDATE peewee would, but composes each
    statement's SQL once per model and column set: in a short business transaction, building SQL
    anew for every row costs more than the database takes to run it."""

    class Meta:
        database = db
        legacy_table_names = False

    @classmethod
    def select(cls, *fields):
        """peewee's select, whose column list is written directly when it is plain columns (core.fast_select)."""
        return FastModelSelect(cls, fields or cls._meta.sorted_fields, is_default=not fields)

    def save(self, force_insert=False, only=None):
        meta = self._meta
        if (force_insert and self._pk is not None) or meta.composite_key or not meta.auto_increment:
            return super().save(force_insert=force_insert, only=only)
        pk_name = meta.primary_key.name
        values = self.__data__.copy()
        if only is not None:
            values = self._prune_fields(values, only)
        elif meta.only_save_dirty and self._pk is not None:
            values = self._prune_fields(values, self.dirty_fields)
            if not values:
                self._dirty.clear()
                return False
        values.pop(pk_name, None)
        self._populate_unsaved_relations(values)
        if self._pk is None:
            self._pk = insert_row(type(self), values)
            self._dirty.discard(pk_name)
            rows = 1
        else:
            if not values:
                raise ValueError("no data to save!")
            rows = _update_row(type(self), self._pk, values)
        self._dirty -= set(values)
        return rows


_STATEMENTS: dict = {}


def _statement(model, names, kind):
    key = (model, names, kind, type(db.obj))
    found = _STATEMENTS.get(key)
    if found is None:
        fields = {name: model._meta.fields[name] for name in names}
        if kind == "insert":
            query = model.insert({fields[n]: None for n in names})
            sql = query.sql()[0]
            listed = re.search(r"\(([^)]*)\) VALUES", sql).group(1)
        else:
            query = model.update({fields[n]: None for n in names}).where(model._meta.primary_key == 0)
            sql = query.sql()[0]
            listed = re.search(r" SET (.*) WHERE ", sql).group(1)
        by_column = {f.column_name: f for f in fields.values()}
        listed = re.findall(r'"([^"]+)"(?: = )?', listed)
        # peewee adds columns with defaults that were not given: then its SQL is not ours to reuse
        found = (sql, [by_column[c] for c in listed]) if sorted(listed) == sorted(by_column) else None
        _STATEMENTS[key] = found
    return found


def insert_row(model, values: dict):
    """Insert one row (values by field name) with a statement composed once per model and column set, without
    making a model instance; returns the new id. A column left out that has a default goes through peewee."""
    names = tuple(sorted(values))
    prepared = _statement(model, names, "insert")
    if prepared is None:      # a shape we do not compose ourselves: peewee does it
        return model.insert(**values).execute()
    sql, order = prepared
    cursor = db.execute_sql(sql, [f.db_value(values[f.name]) for f in order])
    return db.obj.last_insert_id(cursor, 1) if is_sqlite() else cursor.fetchone()[0]


def _update_row(model, pk, values) -> int:
    names = tuple(sorted(values))
    prepared = _statement(model, names, "update")
    if prepared is None:
        return model.update(**values).where(model._meta.primary_key == pk).execute()
    sql, order = prepared
    cursor = db.execute_sql(sql, [f.db_value(values[f.name]) for f in order] + [model._meta.primary_key.db_value(pk)])
    return cursor.rowcount


def execute_many(sql, rows) -> None:
    """One statement for many rows, by the driver's executemany (peewee has no such call)."""
    db.obj.cursor().executemany(sql, rows)


def update_rows(records, fields) -> None:
    """Write `fields` of several rows of one model (their instances) with one statement composed once and the
    driver's executemany, as each record's save(only=fields) would."""
    if not records:
        return
    model = type(records[0])
    names = tuple(sorted(f.name for f in fields))
    prepared = _statement(model, names, "update")
    if prepared is None:
        for record in records:
            record.save(only=fields)
        return
    sql, order = prepared
    pk = model._meta.primary_key
    execute_many(sql, [[f.db_value(r.__data__.get(f.name)) for f in order] + [pk.db_value(r._pk)]
                       for r in records])
    for record in records:
        record._dirty.difference_update(names)


def insert_rows(model, rows: list[dict]) -> None:
    """Insert rows (dicts with the same keys) with one statement composed once and the driver's
    executemany; peewee's insert_many composes a new multi-row statement every time."""
    if not rows:
        return
    given = set(rows[0])
    defaults = [(f.name, d) for f, d in model._meta.defaults.items() if f.name not in given]
    prepared = _statement(model, tuple(sorted(given | {name for name, _d in defaults})), "insert")
    if prepared is None or any(set(r) != given for r in rows):
        model.insert_many(rows).execute()
        return
    sql, order = prepared
    if not is_sqlite():
        sql = re.sub(r" RETURNING .*$", "", sql)
    values = []
    for row in rows:
        row = {**{name: d() if callable(d) else d for name, d in defaults}, **row}
        values.append([f.db_value(row[f.name]) for f in order])
    execute_many(sql, values)


def sqlite_pragmas() -> dict:
    """How every SQLite connection is set up (the flow benchmark's floor uses the same)."""
    return {
        "journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 30000, "synchronous": "normal",
        # Each thread keeps its connection, and each connection its own page cache: 8 web threads with 64 MB
        # each held half a gigabyte after a few reports. The file's pages stay in the system's cache anyway;
        # a report over a million rows took a few per cent longer with 4 MB. ERP_SQLITE_CACHE_MB sets it.
        "cache_size": -1024 * int(os.environ.get("ERP_SQLITE_CACHE_MB", "4")),
        # The commit that fills the write-ahead log past this many pages copies them into the database and syncs
        # it. SQLite's 1,000 pages (4 MB) made every ninth order of the shipping chain pay for a checkpoint, and
        # the same hot pages (an index's last leaf, the audit log's tail) were copied again each time: 10,000
        # pages (40 MB of log) took about a tenth off the chain. ERP_SQLITE_CHECKPOINT_PAGES sets it.
        "wal_autocheckpoint": int(os.environ.get("ERP_SQLITE_CHECKPOINT_PAGES", "10000")),
    }


def connect_url(url: str):
    """Build (not open) a database from `sqlite:///path` or `postgresql://user:pw@host:port/name`."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        if parsed.netloc:  # sqlite://relative/path written without the third slash
            path = parsed.netloc + "/" + path
        if path and path != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        return SqliteDatabase(path or ":memory:", pragmas=sqlite_pragmas(), timeout=30, check_same_thread=False)
    if parsed.scheme in ("postgresql", "postgres"):
        return PooledPostgresqlDatabase(
            unquote(parsed.path.lstrip("/")),
            user=unquote(parsed.username) if parsed.username else None,
            password=unquote(parsed.password) if parsed.password else None,
            host=parsed.hostname or None,
            port=parsed.port or None,
            max_connections=64,
            stale_timeout=300,
            timeout=30,
            # every statement prepared on its first run (psycopg's default waits for the sixth): ours are composed
            # once and run again and again, and PostgreSQL plans a prepared statement five times before it keeps
            # a plan, so a connection (recycled every five minutes) plans each one five times, not ten
            prepare_threshold=0,
        )
    raise ValueError(f"unsupported database URL scheme {parsed.scheme!r}; use sqlite:/// or postgresql://")


def bind(database) -> None:
    db.initialize(database)


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)


def underlying(database):
    """The database behind a proxy (a migration is handed either)."""
    return getattr(database, "obj", None) or database


def lock(query, of=None):
    """Lock the rows a select returns until the transaction ends (with `of`, a model: only that one's rows of a
    join, the others being read with it).

    PostgreSQL: FOR UPDATE. SQLite has no row locks; `transaction()` already holds the database write lock.
    """
    if is_sqlite():
        return query
    return query.for_update(of=of) if of is not None else query.for_update()


_ROW_SQL: dict = {}
_PEEWEE_DATETIME = DateTimeField().python_value
_PEEWEE_DATE = DateField().python_value
_READERS: dict = {}


def _reader(model, names):
    reader = _READERS.get((model, names))
    if reader is None:
        columns = model._meta.columns
        reader = _READERS[(model, names)] = _read_as([columns[n] for n in names])
    return reader


def _read_as(fields):
    """How rows of `fields` become instance data: their names, and the few columns whose driver value needs
    converting (a whole number, a text or a key is taken as the driver gives it)."""
    converting = [(f.name, convert) for f in fields if (convert := _converter(f)) is not None]
    return tuple(f.name for f in fields), converting


def _when(value):
    """A date-time as SQLite hands it back (ISO text), read by the standard library's own parser."""
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return _PEEWEE_DATETIME(value)
    return value


def _day(value):
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return _PEEWEE_DATE(value)
    return value.date() if isinstance(value, datetime.datetime) else value


def _converter(field):
    """What turns the driver's value (not None) into the field's: None where the driver's is already it (whole
    numbers, text, keys), ISO parsing for dates; the field's own python_value otherwise (money, booleans...)."""
    # Both drivers hand back a whole-number column as int and a text column as str (SQLite's column affinity
    # converts what is stored), which is what peewee's adapt() would make of them.
    plain = type(field).python_value is Field.python_value      # peewee's: adapt() the value
    if plain and isinstance(field, (IntegerField, CharField, TextField)) and not isinstance(field, BooleanField):
        return None
    if isinstance(field, ForeignKeyField) and type(field.rel_field).python_value is Field.python_value \
            and isinstance(field.rel_field, IntegerField):
        return None
    from core.fields import FixedDecimalField
    if type(field).python_value is FixedDecimalField.python_value:     # whole units of 10^-places: exact
        shift = -field.places
        return lambda value: Decimal(value).scaleb(shift) if type(value) is int else field.python_value(value)
    own_formats = "formats" in field.__dict__
    if plain and type(field).adapt is DateTimeField.adapt and not own_formats:
        return _when
    if plain and type(field).adapt is DateField.adapt and not own_formats:
        return _day
    return field.python_value


def _make(model, reader, values):
    """A row as its model, clean. Its data is set as a whole: what peewee's constructor does field by field
    (each through its descriptor, marking it dirty, then cleared) for a row read back unchanged."""
    names, converting = reader
    data = dict(zip(names, values))
    for name, convert in converting:
        value = data[name]
        if value is not None:
            data[name] = convert(value)
    found = model.__new__(model)
    found.__data__ = data
    found._dirty = set()
    found.__rel__ = {}
    return found


def model_rows(model, fields):
    """A function making clean `model` instances from rows of `fields`' values (the reader `instances` uses). Its
    reader is made once per model and columns (a list's every select asks for one)."""
    reader = _reader(model, tuple(f.column_name for f in fields))
    return lambda values: _make(model, reader, values)


def instances(model, cursor) -> list:
    """Instances of `model` from a cursor over its own columns. peewee resolves the columns of every
    query it runs; for the same few statements run thousands of times that is most of the read."""
    reader = _reader(model, tuple(d[0] for d in cursor.description))
    return [_make(model, reader, values) for values in cursor.fetchall()]


def joined_instances(cursor, *models) -> list[tuple]:
    """Like `instances`, for a select of several models' whole rows (`A.select(A, B).join(B)`): a tuple
    of instances per row, None for a model an outer join found nothing of."""
    names = [d[0] for d in cursor.description]
    readers, start = [], 0
    for model in models:
        fields = model._meta.sorted_fields
        end = start + len(fields)
        readers.append((model, _reader(model, tuple(names[start:end])), start, end,
                        start + fields.index(model._meta.primary_key)))
        start = end
    return [tuple(_make(model, reader, values[a:b]) if values[pk] is not None else None
                  for model, reader, a, b, pk in readers) for values in cursor.fetchall()]


def _row(model, pk, locked):
    key = (model, locked, type(db.obj))
    sql = _ROW_SQL.get(key)
    if sql is None:
        query = model.select().where(model._meta.primary_key == 0)
        sql = _ROW_SQL[key] = (lock(query) if locked else query).sql()[0]
    found = instances(model, db.execute_sql(sql, (pk,)))
    if not found:
        raise model.DoesNotExist(f"{model.__name__} {pk} does not exist")
    return found[0]


_COMPOSED: dict = {}


def _other(value, steps: int):
    """A different value of the same kind, `steps` apart, to find where a parameter lands in composed SQL."""
    if isinstance(value, bool) or value is None:
        raise ValueError("a composed query's parameters are ids, numbers, strings or dates")
    if isinstance(value, str):
        return value + "~" * steps
    if isinstance(value, datetime.date):
        return value + datetime.timedelta(days=steps)
    return value + steps


def run_composed(key, build, *params):
    """Run a query composed once per `key` and database, with new `params`; returns the cursor.

    `build(*params)` makes the peewee query. It is built twice the first time: with `params`, and with each
    parameter moved a different number of steps (the first one, the second two...), to find which SQL
    parameters each one became; the rest (a LIMIT, a list of states) stay as built. A parameter may appear
    several times (a plant in a query and its subquery). `params` must reach the database unconverted (ids,
    strings, dates), and the SQL must not depend on their values (a key per shape): this is checked. For the
    selects a page or a business action runs thousands of times a day, where composing is most of their cost."""
    found = _COMPOSED.get((key, type(db.obj)))
    if found is None:
        sql, values = build(*params).sql()
        probes = [_other(p, n + 1) for n, p in enumerate(params)]
        other_sql, others = build(*probes).sql()
        # a pair (value, probe) tells its parameter: equal values are moved by different steps
        which = {(p, q): n for n, (p, q) in enumerate(zip(params, probes))}
        places = [(i, which.get((a, b))) for i, (a, b) in enumerate(zip(values, others)) if a != b]
        if (other_sql != sql or len(values) != len(others) or any(n is None for _i, n in places)
                or {n for _i, n in places} != set(range(len(params)))):
            raise ValueError(f"{key}: each parameter must reach the query as given, whatever its value")
        found = _COMPOSED[(key, type(db.obj))] = (sql, list(values), places)
    sql, values, places = found
    values = values.copy()
    for i, n in places:
        values[i] = params[n]
    return db.execute_sql(sql, values)


def run_composed_ids(key, build, ids):
    """`run_composed` for a query over a list of ids (`build(ids)`): composed once per key and number of ids."""
    ids = list(ids)
    return run_composed((key, len(ids)), lambda *values: build(list(values)), *ids)


def lock_get(model, pk):
    """The row `pk` of `model`, locked. Its SQL is built once per model and database: composing the
    same select anew for every move is a large share of a short transaction's time. Inside a transaction the
    instance is noted as the one holding that row (see `held`)."""
    found = _row(model, pk, True)
    _held_book()[(model, found._pk)] = found
    return found


def get_row(model, pk):
    """The row `pk` of `model` (DoesNotExist if none), by a select composed once per model."""
    return _row(model, pk, False)


def bulk_upsert(model, rows: list[dict], conflict: list[str], update: list[str], batch: int = 1000) -> None:
    """Insert `rows` (dicts with the same keys), updating `update` columns where `conflict` matches.

    One statement prepared once and run with the driver's executemany: peewee building a multi-row
    INSERT spends most of a 100,000-row import composing SQL. Works on SQLite (3.24+) and PostgreSQL.
    """
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.fields[n] for n in names]
    quote = '"{}"'.format
    table, cols = quote(model._meta.table_name), ", ".join(quote(f.column_name) for f in fields)
    on_conflict = f"ON CONFLICT ({', '.join(quote(model._meta.fields[c].column_name) for c in conflict)}) "
    columns = [model._meta.fields[u].column_name for u in update]
    on_conflict += ("DO UPDATE SET " + ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in columns)) \
        if columns else "DO NOTHING"
    converters = [f.db_value for f in fields]

    def values(chunk):
        return [tuple(convert(row[n]) for convert, n in zip(converters, names)) for row in chunk]

    cursor = db.obj.cursor()
    if is_sqlite():
        sql = f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' for _ in fields)}) {on_conflict}"
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, values(rows[start:start + batch]))
        return
    # PostgreSQL: COPY into a temporary twin of the table, then one INSERT ... SELECT ... ON CONFLICT.
    staging = quote(f"staging_{model._meta.table_name}")
    cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP")
    cursor.execute(f"TRUNCATE {staging}")
    with cursor.copy(f"COPY {staging} ({cols}) FROM STDIN") as copy:
        for row in values(rows):
            copy.write_row(row)
    cursor.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging} {on_conflict}")


# Defined with the transaction itself; imported here so that business code keeps one import for both.
from core.transactions import _held_book, at_commit, held, hold, joined_transaction, transaction  # noqa: E402,F401
