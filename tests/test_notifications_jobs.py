"""The notification inbox (in each reader's language), e-mail through the outbox, the job history screen."""
import socket
import threading
import time

from flask_babel import lazy_gettext as _l

from core.db import transaction
from core.jobs import run_job
from core.messages import Outcome
from core.models import JobRun, Notification, User
from core.notify import notify, send_outbox


def _users(*logins):
    return [User.get(User.login == login) for login in logins]


def test_notifications_are_shown_in_each_readers_language(browser, ctx, demo):
    with transaction():
        notify(_users("sales", "sales2"), _l("Order %(number)s created."), params={"number": "SO-2026-000009"},
               link="/sales/orders")
    zh = browser("sales").get("/notifications").get_data(as_text=True)
    assert "订单 SO-2026-000009 已创建。" in zh
    en = browser("sales2").get("/notifications").get_data(as_text=True)
    assert "Order SO-2026-000009 created." in en


def test_unread_badge_and_marking_read(browser, ctx, demo):
    notify(_users("sales"), _l("Saved."))
    notify(_users("sales"), _l("Saved."), link="/master/customers")
    b = browser("sales")
    assert 'id="unread-count">2<' in b.get("/").get_data(as_text=True)
    newest = Notification.select().order_by(Notification.id.desc()).first()
    response = b.post(f"/notifications/{newest.id}/read")
    assert response.headers["Location"] == "/master/customers"
    assert 'id="unread-count">1<' in b.get("/").get_data(as_text=True)
    b.post("/notifications/read-all")
    assert 'id="unread-count"' not in b.get("/").get_data(as_text=True)


def test_nobody_reads_anothers_notifications(browser, ctx, demo):
    notify(_users("manager"), _l("Saved."))
    note = Notification.get()
    assert browser("sales").post(f"/notifications/{note.id}/read").status_code == 404
    assert Notification.get_by_id(note.id).read_at is None


class MailCatcher:
    """A minimal SMTP server on 127.0.0.1 that keeps the messages it is given."""

    def __init__(self):
        self.messages = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        conn, _ = self.sock.accept()
        f = conn.makefile("rwb")
        def say(line):
            f.write(line.encode() + b"\r\n")
            f.flush()
        say("220 catcher")
        while True:
            line = f.readline().decode().strip()
            verb = line.split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                say("250 catcher")
            elif verb == "DATA":
                say("354 go ahead")
                data = []
                while (chunk := f.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                self.messages.append(b"".join(data).decode("utf-8", "replace"))
                say("250 queued")
            elif verb == "QUIT" or not line:
                say("221 bye")
                conn.close()
                return
            else:
                say("250 ok")


def test_outbox_sends_mail_in_the_readers_language(ctx, demo, monkeypatch):
    import email
    from email.header import decode_header, make_header
    catcher = MailCatcher()
    monkeypatch.setenv("ERP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ERP_SMTP_PORT", str(catcher.port))
    sales = User.get(User.login == "sales")
    sales.email = "sales@example.test"
    sales.save()
    notify([sales], _l("Order %(number)s created."), params={"number": "SO-1"}, email=True)
    notify(_users("manager"), _l("Saved."), email=True)  # no address: stays in the inbox only
    assert str(send_outbox()) == "1 e-mails sent"
    for _ in range(50):
        if catcher.messages:
            break
        time.sleep(0.05)
    message = email.message_from_string(catcher.messages[0])
    assert str(make_header(decode_header(message["Subject"]))) == "订单 SO-1 已创建。"
    assert message["To"] == "sales@example.test"
    assert str(send_outbox()) == "0 e-mails sent"


def test_outbox_without_smtp_does_nothing(ctx, monkeypatch):
    monkeypatch.delenv("ERP_SMTP_HOST", raising=False)
    assert str(send_outbox()) == "SMTP is not configured"


def test_job_screen_shows_runs_and_runs_a_job_now(browser, ctx, demo):
    registry = ctx.extensions["erp"].registry
    registry.for_addon("ledger").job("test.visible", lambda plant: f"checked {plant.code}", "interval", minutes=5)
    try:
        run_job(ctx, "test.visible")
        admin = browser("admin")
        page = admin.get("/admin/jobs").get_data(as_text=True)
        assert 'data-job="test.visible"' in page and "checked P2" in page
        assert "core.mail_outbox" in page
        admin.post("/admin/jobs/test.visible/run")
        deadline = time.monotonic() + 10
        while JobRun.select().where(JobRun.job_id == "test.visible").count() < 4:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        history = admin.get("/admin/jobs/test.visible").get_data(as_text=True)
        assert history.count("checked P1") == 2
    finally:
        del registry.jobs["test.visible"]
    assert browser("sales").get("/admin/jobs").status_code == 403
    assert browser("manager").post("/admin/jobs/core.mail_outbox/run").status_code == 403


def test_job_outcomes_are_shown_in_each_readers_language(browser, ctx, demo):
    registry = ctx.extensions["erp"].registry
    registry.for_addon("ledger").job("test.outcome", lambda plant: Outcome(_l("%(n)d reminders sent"), n=3),
                                     "interval", minutes=5)
    try:
        run_job(ctx, "test.outcome")
        assert JobRun.get(JobRun.job_id == "test.outcome").result == "%(n)d reminders sent"   # stored untranslated
        admin = browser("admin")                       # reads Chinese
        assert "已发送 3 条提醒" in admin.get("/admin/jobs/test.outcome").get_data(as_text=True)
        User.update(lang="en").where(User.login == "admin").execute()
        assert "3 reminders sent" in admin.get("/admin/jobs/test.outcome").get_data(as_text=True)
    finally:
        del registry.jobs["test.outcome"]


def test_the_customer_is_mailed_the_delivery_note_when_the_goods_leave(ctx, demo, monkeypatch):
    """The shipped note's PDF rides on the e-mail to the customer's own login, made in the reader's language;
    the e-mail carries the link to the server."""
    import email
    from email.header import decode_header, make_header

    from tests.pdf_text import pdf_text

    from addons.dispatch import desk, shipping
    from addons.dispatch.models.line import DeliveryLine
    from tests.dispatch_helpers import as_user, planned_note
    catcher = MailCatcher()
    monkeypatch.setenv("ERP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ERP_SMTP_PORT", str(catcher.port))
    portal = User.get(User.login == "customer")                  # acts for P1C001 in the portal
    portal.email, portal.lang = "buyer@example.test", "zh_Hans_CN"
    portal.save()
    p1 = demo["P1"]
    note = planned_note(p1, "P1C001", "P002", 4)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(line.id, "4", "50.2")
        shipping.ship(note.id)
    assert str(send_outbox()) == "1 e-mails sent"
    for _ in range(50):
        if catcher.messages:
            break
        time.sleep(0.05)
    message = email.message_from_string(catcher.messages[0])
    subject = str(make_header(decode_header(message["Subject"])))
    assert note.number in subject and "50.2" in subject and "¥1,345.36" in subject
    (attached,) = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    assert attached.get_filename() == f"{note.number}.pdf"
    text = pdf_text(attached.get_payload(decode=True))
    assert "发货单" in text and note.number in text
