"""Messages stored in English and shown in each reader's language: notifications and job outcomes.

A message is stored as its msgid (marked with lazy_gettext where it is written) with its parameters as
JSON; money and dates among the parameters are formatted for the reader's locale when shown.
"""
from __future__ import annotations

import datetime
import json
from decimal import Decimal

from flask_babel import format_currency, format_date

from core.currency import DEFAULT as DEFAULT_CURRENCY
from flask_babel import gettext as _


def stored(text) -> str:
    """What to store for a message: a lazy string's msgid (translated again for each reader), else the text."""
    return getattr(text, "_args", [str(text)])[0] if text is not None else ""


def money(amount, currency=None) -> dict:
    """A parameter shown as money in the reader's locale (the acting plant's company currency)."""
    from core.currency import currency as current_currency
    return {"money": str(amount), "currency": currency or current_currency()}


def day(value) -> dict:
    """A parameter shown as a date in the reader's locale."""
    return {"date": value.isoformat()}


def _shown(value):
    if isinstance(value, dict) and "money" in value:
        return format_currency(Decimal(value["money"]), value.get("currency", DEFAULT_CURRENCY))
    if isinstance(value, dict) and "date" in value:
        return format_date(datetime.date.fromisoformat(value["date"]))
    return value


def translated(msgid: str, params_json: str | None) -> str:
    """A stored message in the reader's language, its parameters formatted for their locale."""
    params = {k: _shown(v) for k, v in json.loads(params_json or "{}").items()}
    return _(msgid, **params) if params else _(msgid)


class Outcome:
    """What a scheduled job did: a message marked with lazy_gettext and its parameters, stored untranslated
    and shown in each reader's language on the job screens. `str()` gives it in the current language."""

    def __init__(self, message, **params):
        self.message, self.params = message, params

    def params_json(self) -> str:
        return json.dumps(self.params, default=str)

    def __str__(self):
        return translated(stored(self.message), self.params_json())

    def __repr__(self):
        return f"Outcome({stored(self.message)!r}, {self.params!r})"


MEMO_MARK = '{"memo":'


def memo(message, **params) -> str:
    """What to store for a memo the system writes (a ledger entry's): its message id and parameters, so each
    reader sees it in their own language (`shown_memo`). A memo a user types is stored as typed."""
    return json.dumps({"memo": stored(message), "params": params}, ensure_ascii=False, default=str)


def shown_memo(text) -> str:
    """A stored memo for the reader: a system memo translated, a typed one as it is."""
    if not text or not text.startswith(MEMO_MARK):
        return text or ""
    try:
        found = json.loads(text)
    except ValueError:
        return text
    return translated(found["memo"], json.dumps(found.get("params") or {}))
