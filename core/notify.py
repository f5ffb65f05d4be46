"""Telling users what happened: an in-app inbox, and e-mail through an outbox job when SMTP is set.

Call `notify` inside the business transaction: the message exists exactly when the change does.
Mark the strings for translation with lazy_gettext at the call site; they are stored in English and
translated for each reader.
"""
from __future__ import annotations

import datetime
import json
import os
import smtplib
from email.message import EmailMessage

from decimal import Decimal

from flask_babel import force_locale, format_currency, format_date
from flask_babel import gettext as _

from core.db import transaction
from core.models import Notification, User


def notify(users, subject, body="", params=None, link="", plant=None, email=False) -> int:
    rows = [{"user": getattr(u, "id", u), "plant": getattr(plant, "id", plant), "subject": _source(subject),
             "body": _source(body), "params": json.dumps(params or {}, ensure_ascii=False, default=str),
             "link": link, "email": email} for u in users]
    if rows:
        Notification.insert_many(rows).execute()
    return len(rows)


def _source(text) -> str:
    # a lazy string's msgid: stored untranslated, translated again for whoever reads it
    return getattr(text, "_args", [str(text)])[0] if text is not None else ""


def money(amount, currency="CNY") -> dict:
    """A parameter shown as money in the reader's locale."""
    return {"money": str(amount), "currency": currency}


def day(value) -> dict:
    """A parameter shown as a date in the reader's locale."""
    return {"date": value.isoformat()}


def _shown(value):
    if isinstance(value, dict) and "money" in value:
        return format_currency(Decimal(value["money"]), value.get("currency", "CNY"))
    if isinstance(value, dict) and "date" in value:
        return format_date(datetime.date.fromisoformat(value["date"]))
    return value


def render(notification) -> tuple[str, str]:
    params = {k: _shown(v) for k, v in json.loads(notification.params or "{}").items()}
    subject = _(notification.subject, **params) if params else _(notification.subject)
    body = (_(notification.body, **params) if params else _(notification.body)) if notification.body else ""
    return subject, body


def unread_count(user) -> int:
    return Notification.select().where((Notification.user == user.id) & Notification.read_at.is_null()).count()


def smtp_settings() -> dict | None:
    host = os.environ.get("ERP_SMTP_HOST")
    if not host:
        return None
    return {"host": host, "port": int(os.environ.get("ERP_SMTP_PORT", "25")),
            "user": os.environ.get("ERP_SMTP_USER"), "password": os.environ.get("ERP_SMTP_PASSWORD"),
            "sender": os.environ.get("ERP_SMTP_FROM", "erp@localhost"),
            "starttls": os.environ.get("ERP_SMTP_STARTTLS", "0") == "1"}


def send_outbox(limit=200) -> str:
    """The `core.mail_outbox` job: e-mail the notifications that ask for it, each in its reader's language."""
    settings = smtp_settings()
    if settings is None:
        return "SMTP not configured"
    pending = list(Notification.select(Notification, User).join(User)
                   .where(Notification.email & Notification.emailed_at.is_null() & User.email.is_null(False))
                   .order_by(Notification.id).limit(limit))
    if not pending:
        return "0 sent"
    sent = 0
    with smtplib.SMTP(settings["host"], settings["port"], timeout=30) as smtp:
        if settings["starttls"]:
            smtp.starttls()
        if settings["user"]:
            smtp.login(settings["user"], settings["password"] or "")
        for note in pending:
            with force_locale(note.user.lang):
                subject, body = render(note)
            message = EmailMessage()
            message["From"], message["To"], message["Subject"] = settings["sender"], note.user.email, subject
            message.set_content(body or subject)
            smtp.send_message(message)
            with transaction():
                Notification.update(emailed_at=datetime.datetime.utcnow()).where(Notification.id == note.id).execute()
            sent += 1
    return f"{sent} sent"
