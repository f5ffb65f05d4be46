"""Telling users what happened: an in-app inbox, and e-mail through an outbox job when SMTP is set.

Call `notify` inside the business transaction: the message exists exactly when the change does.
Mark the strings for translation with lazy_gettext at the call site; they are stored in English and
translated for each reader.
"""
from __future__ import annotations

import json
import os
import smtplib
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from core import clock
from core.db import transaction
from core.messages import Outcome, day, money, stored, translated  # noqa: F401 (money, day: for callers)
from core.models import Notification, User


def notify(users, subject, body="", params=None, link="", plant=None, email=False) -> int:
    rows = [{"user": getattr(u, "id", u), "plant": getattr(plant, "id", plant), "subject": stored(subject),
             "body": stored(body), "params": json.dumps(params or {}, ensure_ascii=False, default=str),
             "link": link, "email": email} for u in users]
    if rows:
        Notification.insert_many(rows).execute()
    return len(rows)


def render(notification) -> tuple[str, str]:
    subject = translated(notification.subject, notification.params)
    body = translated(notification.body, notification.params) if notification.body else ""
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


def send_outbox(limit=200) -> Outcome:
    """The `core.mail_outbox` job: e-mail the notifications that ask for it, each in its reader's language."""
    settings = smtp_settings()
    if settings is None:
        return Outcome(_l("SMTP is not configured"))
    pending = list(Notification.select(Notification, User).join(User)
                   .where(Notification.email & Notification.emailed_at.is_null() & User.email.is_null(False))
                   .order_by(Notification.id).limit(limit))
    if not pending:
        return Outcome(_l("%(n)d e-mails sent"), n=0)
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
                Notification.update(emailed_at=clock.utcnow()).where(Notification.id == note.id).execute()
            sent += 1
    return Outcome(_l("%(n)d e-mails sent"), n=sent)
