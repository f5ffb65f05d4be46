"""One submission, one document.

Every form a page renders carries a one-time token (`_once`). The first request that brings it claims it;
the same form sent again (a double click, back and resubmit, a replay) is refused with a message, and
nothing is written twice. A request that fails gives its token back, so correcting and sending again works.

The API does the same for creates that bring an `Idempotency-Key` header: the first answer is kept and
given again for the same key and user, and a second request while the first runs is told so.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import secrets

from flask import g, request
from flask_babel import gettext as _
from markupsafe import Markup
from peewee import IntegrityError

from core import clock
from core.db import transaction
from core.errors import UserError
from core.models import Submission

FIELD = "_once"
KEEP = datetime.timedelta(days=2)


class AlreadySent(UserError):
    status = 409


def field() -> Markup:
    """The hidden input every rendered form carries."""
    return Markup(f'<input type="hidden" name="{FIELD}" value="{secrets.token_urlsafe(18)}">')


def _claim(key: str) -> bool:
    try:
        with transaction():
            Submission.create(key=key)
        return True
    except IntegrityError:
        return False


def _forget(key: str) -> None:
    with transaction():
        Submission.delete().where(Submission.key == key).execute()


def claim_form() -> None:
    """Before a POST from a rendered form: its token, once."""
    token = (request.form.get(FIELD) or "").strip()
    if not token or len(token) > 64:
        return
    key = f"form:{token}"
    if not _claim(key):
        raise AlreadySent(_("This form was sent already; it was acted on once. Open the page again to send "
                            "another."))
    g.erp_once = key


def settle_form(response):
    """After it: a refused or failed request gives its token back."""
    key = g.pop("erp_once", None)
    if key is not None and response.status_code >= 400:
        _forget(key)
    return response


def api_key(user) -> str | None:
    raw = request.headers.get("Idempotency-Key")
    if raw is None:
        return None
    raw = raw.strip()
    if not raw or len(raw) > 120 or not raw.isprintable():
        raise UserError(_("Idempotency-Key: at most 120 printable characters."), field="Idempotency-Key")
    return f"api:{user.id}:{raw}"


class KeyReused(UserError):
    status = 422


def _fingerprint() -> str:
    """What the request asked: the same key with another address or body is another request."""
    body = request.get_json(silent=True)
    text = json.dumps(body, sort_keys=True, ensure_ascii=False) if body is not None else request.get_data(as_text=True)
    return hashlib.sha256(f"{request.method} {request.path}\n{text}".encode()).hexdigest()


def replayed(key: str):
    """The kept answer of an earlier create with this key, (status, body); None when this one is the first.
    Claims the key for this request. The key sent again with another request is refused."""
    if _claim(key):
        return None
    earlier = Submission.get_or_none(Submission.key == key)
    if earlier is None or earlier.status is None:
        raise AlreadySent(_("A request with this Idempotency-Key is still being handled."))
    kept = json.loads(earlier.body)
    if kept.get("request") != _fingerprint():
        raise KeyReused(_("This Idempotency-Key was used for another request; use a new key for a new one."),
                        field="Idempotency-Key")
    return earlier.status, kept["answer"]


def keep(key: str, status: int, body) -> None:
    if status >= 400:
        _forget(key)
        return
    kept = json.dumps({"request": _fingerprint(), "answer": body})
    with transaction():
        Submission.update(status=status, body=kept).where(Submission.key == key).execute()
        Submission.delete().where(Submission.at < clock.utcnow() - KEEP).execute()
