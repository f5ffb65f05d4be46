"""What happened to an order, in time order, for the order page: its own moves (with who and why), the money
on the customer's account for it, and what the addons above tell (`order_timeline`: deliveries, returns)."""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _
from peewee import JOIN, fn

from addons.ledger.models.entry import KINDS, AccountEntry
from addons.sales_order.models.order import Order
from core.currency import money
from core.db import instances, joined_instances, run_composed
from core.kernel import current_kernel
from core.models import AuditLog, User


@dataclass
class Event:
    at: datetime.datetime           # an instant (UTC)
    title: str
    detail: str = ""
    link: str = ""
    tone: str = "secondary"         # a Bootstrap colour: success, warning, danger…


def _moves(order) -> list[Event]:
    # every order's page reads its history, its money and its remainder: each composed once
    rows = joined_instances(run_composed("sales_order.timeline_moves", lambda record: AuditLog.select(AuditLog, User)
                                         .join(User, JOIN.LEFT_OUTER).where(
        (AuditLog.model == Order._meta.table_name) & (AuditLog.record_id == record)
        & AuditLog.action.in_(["transition", "create"])).order_by(AuditLog.id), order.id), AuditLog, User)
    out = []
    for row, user in rows:
        who = user.name if user is not None else _("the system")
        if row.action == "create":
            out.append(Event(row.at, _("Entered by %(who)s", who=who)))
            continue
        new = json.loads(row.new or "{}").get("state", "")
        tone = {"approved": "success", "held": "danger", "cancelled": "danger", "completed": "success"}.get(new, "secondary")
        if new == "draft" and json.loads(row.old or "{}").get("state") in ("submitted", "held", "price_review"):
            tone = "warning"
        out.append(Event(row.at, _("%(state)s, by %(who)s", state=str(Order.STATES.get(new, new)), who=who),
                         row.comment or "", tone=tone))
    return out


def _money(order) -> list[Event]:
    out = []
    for entry in instances(AccountEntry, run_composed("sales_order.timeline_money", lambda record: AccountEntry
                                                      .select().where(AccountEntry.order_id == record)
                                                      .order_by(AccountEntry.id), order.id)):
        out.append(Event(entry.created_at, f"{KINDS.get(entry.kind, entry.kind)} {entry.reference}",
                         money(abs(entry.amount))))
    return out


def events(order) -> list[Event]:
    found = _moves(order) + _money(order)
    for answer in current_kernel().hooks.call("order_timeline", order.plant_id, order=order):
        found.extend(answer or [])
    return sorted(found, key=lambda e: e.at)


def open_remainder(order) -> Decimal:
    """What is still owed on this order's charges."""
    total = run_composed("sales_order.open_remainder", lambda record: AccountEntry.select(
        fn.SUM(AccountEntry.open_amount)).where((AccountEntry.order_id == record) & (AccountEntry.open_amount > 0)),
        order.id).fetchone()[0]
    return AccountEntry.open_amount.python_value(total) if total is not None else Decimal("0.00")


def sent_back(order) -> str | None:
    """Why a draft order came back from review (a rejection's or refused prices' reason), while it is a draft."""
    if order.state != "draft":
        return None
    last = (AuditLog.select().where((AuditLog.model == Order._meta.table_name) & (AuditLog.record_id == order.id)
                                    & (AuditLog.action == "transition")).order_by(AuditLog.id.desc()).first())
    if last is None or json.loads(last.old or "{}").get("state") not in ("submitted", "held", "price_review"):
        return None
    return last.comment or ""
