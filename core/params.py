"""One parsing layer for what a request carries in its query string or form: whole numbers, ids, pages,
dates, months and text. A value that cannot be what it claims is refused with a translated message naming
the field (a UserError, 400) — never passed on to the database to fail there as a server error.

Bounds are the database's and the calendar's: ids fit a 64-bit integer, pages stay within what LIMIT/OFFSET
can address, dates are of the years 1900–2999 (a report from year 1 is a typing mistake, and Python's
date arithmetic on year 1 or 9999 runs off the calendar).
"""
from __future__ import annotations

import datetime
import re

from flask import request
from flask_babel import gettext as _

from core.errors import UserError

MAX_ID = 2**63 - 1
MAX_PAGE = 1_000_000
FIRST_DAY, LAST_DAY = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _raw(name) -> str:
    return (request.values.get(name) or "").strip()


def whole(raw: str, name: str, low: int | None = None, high: int | None = None) -> int:
    """`raw` as a whole number within [low, high], or a refusal naming `name`."""
    if not re.fullmatch(r"[+-]?\d{1,19}", raw):
        raise UserError(_("%(field)s: %(value)s is not a whole number.", field=name, value=raw[:40]), field=name)
    value = int(raw)
    if (low is not None and value < low) or (high is not None and value > high):
        raise UserError(_("%(field)s: %(value)s is out of range.", field=name, value=raw[:40]), field=name)
    return value


def int_arg(name, default=None, low=None, high=None):
    raw = _raw(name)
    return whole(raw, name, low, high) if raw else default


def id_arg(name, default=None):
    """A record's id from the request (a record that does not exist is the caller's 404)."""
    return int_arg(name, default, 1, MAX_ID)


def is_id(raw) -> bool:
    """Whether `raw` (text from a form or a key) can be a record's id."""
    raw = str(raw or "")
    return raw.isdigit() and len(raw) <= 19 and 1 <= int(raw) <= MAX_ID


def ids_arg(name) -> list[int]:
    """The ids a form lists under `name` (ticked boxes); what cannot be an id is left out."""
    return [int(v) for v in request.form.getlist(name) if is_id(v)]


def one_page(query, page: int, size: int):
    """Page `page` of `query`, `size` rows, and one more to tell whether a next page exists. (peewee's
    paginate(page, size + 1) would step by size + 1 and skip a row at every page's edge.)"""
    return query.limit(size + 1).offset((page - 1) * size)


def page_arg(name="page") -> int:
    """The page asked for; past the last one is an empty page, not an error."""
    raw = _raw(name)
    if not raw:
        return 1
    if not re.fullmatch(r"\d{1,30}", raw):
        raise UserError(_("%(field)s: %(value)s is not a whole number.", field=name, value=raw[:40]), field=name)
    return min(max(int(raw), 1), MAX_PAGE)


def parse_date(raw: str, name: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        raise UserError(_("%(field)s: %(value)s is not a date (YYYY-MM-DD).", field=name, value=raw[:40]),
                        field=name) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UserError(_("%(field)s: %(value)s is outside the years 1900 to 2999.", field=name, value=raw[:40]),
                        field=name)
    return day


def date_arg(name, default):
    """A date from the query string or form (YYYY-MM-DD); the default when missing."""
    raw = _raw(name)
    return parse_date(raw, name) if raw else default


def date_range(first_default, last_default) -> tuple[datetime.date, datetime.date]:
    """The report period from `first` and `last` in the query string, in order whichever way they came."""
    first, last = date_arg("first", first_default), date_arg("last", last_default)
    return (last, first) if last < first else (first, last)


def month_arg(name, default: str) -> str:
    """A month "YYYY-MM" from the query string or form; the default when missing."""
    raw = _raw(name)
    if not raw:
        return default
    found = MONTH.match(raw)
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise UserError(_("%(field)s: %(value)s is not a month (YYYY-MM).", field=name, value=raw[:40]), field=name)
    if not FIRST_DAY.year <= int(found.group(1)) <= LAST_DAY.year:
        raise UserError(_("%(field)s: %(value)s is outside the years 1900 to 2999.", field=name, value=raw[:40]),
                        field=name)
    return raw


def month_bounds(month: str) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(int(month[:4]), int(month[5:7]), 1)
    last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    return first, last


def refuse_nul(values) -> None:
    """A NUL character cannot be stored in text (PostgreSQL refuses it) and no keyboard types one."""
    for key, value in values.items(multi=True) if hasattr(values, "items") else values:
        if isinstance(value, str) and "\x00" in value:
            raise UserError(_("%(field)s contains a character that cannot be stored.", field=key), field=key)


def refuse_nul_json(body, path="") -> None:
    """The same for a JSON body, at any depth; the field is named by its path (lines.0.remarks)."""
    if isinstance(body, str):
        if "\x00" in body:
            field = path or "body"
            raise UserError(_("%(field)s contains a character that cannot be stored.", field=field), field=field)
    elif isinstance(body, dict):
        for key, value in body.items():
            refuse_nul_json(str(key), path)
            refuse_nul_json(value, f"{path}.{key}" if path else str(key))
    elif isinstance(body, list):
        for n, value in enumerate(body):
            refuse_nul_json(value, f"{path}.{n}" if path else str(n))
