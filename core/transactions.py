"""Transactions: the one way business code opens them, and what a transaction keeps until it ends.

`transaction()` opens a transaction, or a savepoint inside one. On SQLite it takes the write lock up front
(BEGIN IMMEDIATE), so that a read-check-write sequence cannot interleave with another writer; on PostgreSQL
rows are locked explicitly (`core.db.lock`, `core.db.lock_get`). A transaction also keeps the rows `lock_get`
handed out (`held`) and the work left for its commit (`at_commit`)."""
from __future__ import annotations

import contextlib

from core.db import db, is_sqlite


def transaction():
    """Open a transaction (or a savepoint when already inside one)."""
    atomic = db.obj.atomic(lock_type="IMMEDIATE") if is_sqlite() else db.obj.atomic()
    return _Savepoint(atomic) if db.obj.in_transaction() else _Transaction(atomic)


class _Transaction:
    """A transaction that, before it commits, writes what was left for its end (`at_commit`)."""

    def __init__(self, atomic):
        self._atomic = atomic

    def __enter__(self):
        return self._atomic.__enter__()

    def __exit__(self, kind, value, trace):
        if kind is None:
            try:
                _flush_at_commit()
            except BaseException as exc:
                self._atomic.__exit__(type(exc), exc, exc.__traceback__)
                raise
        return self._atomic.__exit__(kind, value, trace)


class _Savepoint:
    """A savepoint that, rolled back, forgets the rows held in the transaction (`held`): an instance locked and
    moved inside it says what the database no longer does; and takes back what it left for the commit."""

    def __init__(self, atomic):
        self._atomic = atomic

    def __enter__(self):
        self._left = {name: (flush, dict(data)) for name, (flush, data) in _left_for_commit().items()}
        return self._atomic.__enter__()

    def __exit__(self, kind, value, trace):
        try:
            return self._atomic.__exit__(kind, value, trace)
        finally:
            if kind is not None:
                _held_book().clear()
                left = _left_for_commit()
                left.clear()
                left.update(self._left)


def _left_for_commit() -> dict:
    stack = db.obj._state.transactions
    return stack[0].__dict__.setdefault("_erp_at_commit", {}) if stack else {}


def at_commit(name, flush) -> dict:
    """A dict kept until the open transaction commits, when `flush(dict)` writes it, after everything else the
    transaction did: figures many transactions add to (a plant's totals by day) are written in one place, in
    the same order by all, and their rows stay locked only for the last moment. A savepoint rolled back takes
    back what was added inside it."""
    if not db.obj.in_transaction():
        raise RuntimeError("at_commit needs an open transaction")
    left = _left_for_commit()
    if name not in left:
        left[name] = (flush, {})
    return left[name][1]


def _flush_at_commit() -> None:
    stack = db.obj._state.transactions
    left = stack[0].__dict__.pop("_erp_at_commit", {}) if stack else {}
    for flush, data in left.values():
        if data:
            flush(data)


def joined_transaction():
    """Join the caller's transaction, or open one: for steps that need no savepoint of their own."""
    return contextlib.nullcontext() if db.obj.in_transaction() else transaction()


def _held_book() -> dict:
    """{(model, id): instance} of the rows `lock_get` handed out in the open transaction ({} outside one)."""
    stack = db.obj._state.transactions
    return stack[0].__dict__.setdefault("_erp_held", {}) if stack else {}


def held(record):
    """`record` itself if it is the instance `lock_get` last handed out for its row in the open transaction and
    nothing in it is unsaved; else None.

    A workflow move re-reads and locks its row; for a record its caller has just locked and written through
    this very instance, that read would return what the instance holds. Only for models that write back just
    what changed (`only_save_dirty`), so that a column written behind the instance's back is never overwritten.
    A savepoint rolled back forgets every held row (`transaction`)."""
    if record._dirty or not record._meta.only_save_dirty:
        return None
    return record if _held_book().get((type(record), record._pk)) is record else None


def hold(record, instead_of) -> None:
    """`record` now stands for its row where `instead_of` did (a move's caller's instance, brought up to date)."""
    book = _held_book()
    if book.get((type(record), record._pk)) is instead_of:
        book[(type(record), record._pk)] = record
