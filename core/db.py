"""One database proxy for every model, chosen by URL, and the two helpers every business action uses.

`transaction()` is the only way business code opens a transaction: on SQLite it takes the write lock
up front (BEGIN IMMEDIATE) so that a read-check-write sequence cannot interleave with another writer;
on PostgreSQL rows are locked explicitly with `lock()` (SELECT ... FOR UPDATE).
"""
from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from peewee import DatabaseProxy, Model, SqliteDatabase
from playhouse.pool import PooledPostgresqlDatabase

db = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


def connect_url(url: str):
    """Build (not open) a database from `sqlite:///path` or `postgresql://user:pw@host:port/name`."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        if parsed.netloc:  # sqlite://relative/path written without the third slash
            path = parsed.netloc + "/" + path
        if path and path != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        return SqliteDatabase(
            path or ":memory:",
            pragmas={"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 30000,
                     "synchronous": "normal"},
            timeout=30,
            check_same_thread=False,
        )
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
        )
    raise ValueError(f"unsupported database URL scheme {parsed.scheme!r}; use sqlite:/// or postgresql://")


def bind(database) -> None:
    db.initialize(database)


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)


def transaction():
    """Open a transaction (or a savepoint when already inside one)."""
    if is_sqlite():
        return db.obj.atomic(lock_type="IMMEDIATE")
    return db.obj.atomic()


def lock(query):
    """Lock the rows a select returns until the transaction ends.

    PostgreSQL: FOR UPDATE. SQLite has no row locks; `transaction()` already holds the database write lock.
    """
    return query if is_sqlite() else query.for_update()


def lock_get(model, pk):
    return lock(model.select().where(model._meta.primary_key == pk)).get()
