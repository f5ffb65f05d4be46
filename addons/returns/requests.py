"""A customer asking, in the order portal, to send back goods from one of its deliveries.

The request is a draft return bound to that delivery note, priced as it was sold; the customer's
salesperson (or, without one, whoever enters returns in the plant) is told to review and submit it.
The customer never sets a price or a state: only which products, how many and, if known, the weight.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.return_order import ReturnOrder
from addons.returns.returns import LIVE, ReturnInput, save_return
from core import notify
from core.params import is_id
from core.db import transaction
from core.errors import UserError
from core.numbers import decimal_input
from core.security import holders_of

RETURN_DAYS = 60     # how far back a customer may ask to return from


def _returnable(customer, today: datetime.date):
    return DeliveryNote.select().where(
        (DeliveryNote.customer == customer.id) & (DeliveryNote.kind != "inbound")
        & DeliveryNote.state.in_(("shipped", "received"))
        & (DeliveryNote.day >= today - datetime.timedelta(days=RETURN_DAYS)))


def returnable_notes(customer, today: datetime.date) -> list[DeliveryNote]:
    """The customer's deliveries that left the plant in the last RETURN_DAYS days, newest first."""
    return list(_returnable(customer, today).order_by(DeliveryNote.day.desc(), DeliveryNote.id.desc()))


def own_note(customer, note_id, today: datetime.date) -> DeliveryNote | None:
    """One of those deliveries, or None (another customer's, too old, not shipped, or not a number)."""
    note_id = int(note_id) if is_id(note_id) else 0
    return _returnable(customer, today).where(DeliveryNote.id == note_id).first()


def returnable_lines(note) -> list[dict]:
    """Per product on the note: what was shipped, what earlier returns already send back, and what is left."""
    shipped: dict[int, list] = {}
    for line in DeliveryLine.select().where(DeliveryLine.note == note.id).order_by(DeliveryLine.seq):
        entry = shipped.setdefault(line.product_id, [Decimal("0"), Decimal("0")])
        entry[0] += line.shipped_quantity
        entry[1] += line.shipped_weight
    back = defaultdict(Decimal, {pid: -ReturnLine.quantity.python_value(q) for pid, q in (
        ReturnLine.select(ReturnLine.product, fn.SUM(ReturnLine.quantity)).join(ReturnOrder)
        .where((ReturnOrder.note_id == note.id) & ReturnOrder.state.in_(("draft",) + LIVE) & (ReturnLine.quantity < 0))
        .group_by(ReturnLine.product).tuples())})
    products = {p.id: p for p in Product.select().where(Product.id.in_(list(shipped) or [0]))}
    return [{"product": products[pid], "shipped": qty, "weight": kg, "back": back[pid], "left": max(qty - back[pid], 0)}
            for pid, (qty, kg) in shipped.items()]


def request_return(customer, note, wanted: dict, reason_id=None, remarks="") -> ReturnOrder:
    """`wanted`: {product id: (quantity, kg or blank)} as typed. Blank or zero quantities are left out."""
    offered = {row["product"].id: row for row in returnable_lines(note)}
    inputs = []
    for pid, (raw_qty, raw_kg) in wanted.items():
        row = offered.get(pid)
        if row is None or str(raw_qty or "").strip() in ("", "0"):
            continue
        qty = decimal_input(raw_qty, field=f"back-{pid}", label=_("Quantity to send back"), places=3)
        if qty == 0:
            continue
        if qty > row["left"]:
            raise UserError(_("%(product)s: at most %(left)s can still come back from this delivery.",
                              product=row["product"].name, left=row["left"]), field=f"back-{pid}")
        kg = None
        if str(raw_kg or "").strip():
            kg = decimal_input(raw_kg, field=f"kg-{pid}", label=_("Weight (kg)"), places=3, allow_zero=False)
        inputs.append(ReturnInput(pid, -qty, kg))
    if not inputs:
        raise UserError(_("Enter how much of which product you want to send back."), field="lines")
    with transaction():
        record = save_return(customer, inputs, kind="return", reason_id=reason_id, note_id=note.id,
                             remarks=(remarks or "").strip())
        staff = [customer.salesperson_id] if customer.salesperson_id else holders_of("returns.create", customer.plant_id)
        notify.notify(staff, _l("%(customer)s asks to send back goods from %(note)s: return %(number)s is waiting "
                                "for you to check and submit."),
                      params={"customer": customer.name, "note": note.number, "number": record.number},
                      link=f"/returns/orders/{record.id}", plant=customer.plant_id)
    return record
