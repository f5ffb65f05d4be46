"""Telling users what happened: an in-app inbox, and e-mail through an outbox job when SMTP is set.

Call `notify` inside the business transaction: the message exists exactly when the change does.
Mark the strings for translation with lazy_gettext at the call site; they are stored in English and
translated for each reader.
"""
from __future__ import annotations

import json
import os
import datetime
import smtplib
import uuid
from email.message import EmailMessage

from flask_babel import force_locale
from peewee import fn
from flask_babel import lazy_gettext as _l

from core import clock
from core.db import insert_rows, run_composed, transaction
from core.messages import Outcome, day, money, stored, translated  # noqa: F401 (money, day: for callers)
from core.models import Notification, User

CLAIM_LEASE = datetime.timedelta(minutes=30)


def notify(users, subject, body="", params=None, link="", plant=None, email=False, once=None, attachment=None) -> int:
    """Tell `users`; returns how many were told. `once`: a key ("overdue:<customer>:<day>") that a user is
    told of at most once, however often the sender runs (two schedulers, a run by hand after the nightly one).
    `attachment`: "<name>:<record id>" of a document (reg.attachment) the e-mail carries, made when it is sent."""
    rows = [{"user": getattr(u, "id", u), "plant": getattr(plant, "id", plant), "subject": stored(subject),
             "body": stored(body), "params": json.dumps(params or {}, ensure_ascii=False, default=str),
             "link": link, "email": email, "once_key": once, "attachment": attachment} for u in users]
    if not rows:
        return 0
    if once is None:
        insert_rows(Notification, rows)
        return len(rows)
    # who was told already, in one query; the unique index (user, once_key) settles a race between two senders
    already = {u for (u,) in Notification.select(Notification.user).where(
        Notification.user.in_([r["user"] for r in rows]) & (Notification.once_key == once)).tuples()}
    new = [r for r in rows if r["user"] not in already]
    if new:
        Notification.insert_many(new).on_conflict_ignore().execute()
    return len(new)


def render(notification) -> tuple[str, str]:
    subject = translated(notification.subject, notification.params)
    body = translated(notification.body, notification.params) if notification.body else ""
    return subject, body


def unread_count(user) -> int:
    (count,) = run_composed("core.unread_count", lambda u: Notification.select(fn.COUNT(Notification.id)).where(
        (Notification.user == u) & Notification.read_at.is_null()), user.id).fetchone()
    return count


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
    pending = _claim_outbox(limit)
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
            base = os.environ.get("ERP_BASE_URL", "").rstrip("/")     # where readers reach the server
            link = f"\n\n{base}{note.link}" if base and note.link else ""
            message.set_content((body or subject) + link)
            if note.attachment:
                with force_locale(note.user.lang):
                    filename, data = _attachment(note.attachment)
                message.add_attachment(data, maintype="application", subtype="pdf", filename=filename)
            smtp.send_message(message)
            with transaction():
                Notification.update(emailed_at=clock.utcnow(), mailing=None).where(Notification.id == note.id).execute()
            sent += 1
    return Outcome(_l("%(n)d e-mails sent"), n=sent)


def _attachment(key):
    """The document a notification names, made now: ("delivery note.pdf", bytes)."""
    from flask import current_app
    name, _sep, record_id = key.partition(":")
    _addon, make = current_app.extensions["erp"].registry.attachments[name]
    return make(int(record_id))


def _claim_outbox(limit):
    """Take the messages to send for this run before sending any: two outbox runs at once send each message
    once. A claim older than CLAIM_LEASE belongs to a run that died: taken over."""
    # the claim starts with its time, so an older claim compares below the cut-off as text
    run = f"{clock.utcnow().isoformat()}|{os.getpid()}:{uuid.uuid4().hex}"
    stale = (clock.utcnow() - CLAIM_LEASE).isoformat()
    free = Notification.mailing.is_null() | (Notification.mailing < stale)
    with transaction():
        ids = [n for (n,) in Notification.select(Notification.id).join(User)
               .where(Notification.email & Notification.emailed_at.is_null() & User.email.is_null(False) & free)
               .order_by(Notification.id).limit(limit).tuples()]
        if ids:
            Notification.update(mailing=run).where(Notification.id.in_(ids) & Notification.emailed_at.is_null()
                                                   & free).execute()
    return list(Notification.select(Notification, User).join(User).where(Notification.mailing == run)
                .order_by(Notification.id))
