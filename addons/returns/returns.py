"""Writing return orders: lines checked and priced at the original price, linked quantities bounded."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _
from peewee import fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from addons.sales_order.lines import line_amount, nominal_weight, units_by_id
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.pricing import prices_for
from core import audit, clock, context, numbering
from core.db import lock_get, transaction
from core.errors import PermissionDenied, UserError
from core.numbers import decimal_input
from core.security import may

LIVE = ("submitted", "approved", "received", "refunded", "credited", "closed")


@dataclass
class ReturnInput:
    product: object
    quantity: object          # negative: coming back; positive: replacement going out
    weight: object = None


def _decimal(raw, places, label, field):
    # signed: a negative quantity is what comes back
    return decimal_input(raw, field=field, label=label, places=places, allow_negative=True)


def _source(customer, order_id, note_id):
    order = note = None
    if note_id:
        note = DeliveryNote.get_or_none((DeliveryNote.id == note_id) & (DeliveryNote.customer == customer.id)
                                        & (DeliveryNote.kind != "inbound"))
        if note is None or note.state not in ("shipped", "received"):
            raise UserError(_("The delivery note is not a shipped note of this customer."), field="note")
    if order_id:
        order = Order.get_or_none((Order.id == order_id) & (Order.customer == customer.id))
        if order is None:
            raise UserError(_("The order is not an order of this customer."), field="order")
    return order, note


def _original_prices(customer, note, order, product_ids, day) -> dict:
    """The price each product was sold at: on the named note, else the named order, else today's list."""
    prices = {}
    if note is not None:
        for line in DeliveryLine.select().where(DeliveryLine.note == note.id):
            prices.setdefault(line.product_id, line.unit_price)
    if order is not None:
        for line in OrderLine.select().where(OrderLine.order == order.id):
            prices.setdefault(line.product_id, line.unit_price)
    missing = [p for p in product_ids if p not in prices]
    if missing:
        prices.update({pid: quote.price for pid, quote in prices_for(customer, missing, day).items()})
    return prices


def check_against_delivery(note_id, rows, exclude_id=None):
    """Coming back from a named delivery: never more of a product than it shipped, less earlier returns."""
    shipped = defaultdict(Decimal)
    for line in DeliveryLine.select().where(DeliveryLine.note == note_id):
        shipped[line.product_id] += line.shipped_quantity
    earlier = (ReturnLine.select(ReturnLine.product, fn.SUM(ReturnLine.quantity)).join(ReturnOrder)
               .where((ReturnOrder.note_id == note_id) & ReturnOrder.state.in_(LIVE) & (ReturnLine.quantity < 0)
                      & (ReturnOrder.id != (exclude_id or 0)))
               .group_by(ReturnLine.product).tuples())
    back = defaultdict(Decimal, {pid: -ReturnLine.quantity.python_value(q) for pid, q in earlier})
    products = {p.id: p for p in Product.select().where(Product.id.in_([r["product"] for r in rows] or [0]))}
    for row in rows:
        if row["quantity"] < 0:
            back[row["product"]] += -row["quantity"]
            if back[row["product"]] > shipped[row["product"]]:
                raise UserError(_("%(product)s: %(back)s would come back, but only %(shipped)s were shipped on "
                                  "that delivery.", product=products[row["product"]].name,
                                  back=format_decimal(back[row["product"]]),
                                  shipped=format_decimal(shipped[row["product"]])), field="lines")


def build_rows(customer, inputs, order, note, day):
    units = units_by_id()
    ids = []
    for item in inputs:
        try:
            ids.append(int(item.product))
        except (TypeError, ValueError):
            raise UserError(_("Choose a product on every line."), field="lines") from None
    products = {p.id: p for p in Product.select().where((Product.id.in_(ids)) & (Product.plant == customer.plant_id))}
    prices = _original_prices(customer, note, order, list(products), day)
    rows = []
    for n, item in enumerate(inputs):
        product = products.get(int(item.product))
        if product is None:
            raise UserError(_("Line %(n)d: choose a product of this plant.", n=n + 1), field="lines")
        qty = _decimal(item.quantity, 3, _("Quantity"), f"lines-{n}-quantity")
        if qty == 0:
            raise UserError(_("Line %(n)d: the quantity cannot be zero (negative comes back, positive goes out).",
                              n=n + 1), field=f"lines-{n}-quantity")
        if units[product.selling_unit_id].kind == "count" and qty != qty.to_integral_value():
            raise UserError(_("Line %(n)d: %(product)s is counted in whole pieces.", n=n + 1, product=product.name),
                            field=f"lines-{n}-quantity")
        weight = (_decimal(item.weight, 3, _("Weight"), f"lines-{n}-weight") if item.weight not in (None, "")
                  else nominal_weight(product, units, abs(qty)))
        if weight < 0:
            raise UserError(_("Line %(n)d: the weight is given without a sign.", n=n + 1), field=f"lines-{n}-weight")
        price = prices.get(product.id)
        if price is None:
            raise UserError(_("Line %(n)d: no price known for %(product)s.", n=n + 1, product=product.name),
                            field="lines")
        rows.append({"seq": n + 1, "product": product.id, "quantity": qty, "weight": weight, "unit_price": price,
                     "amount": line_amount(product, units, abs(qty), weight, price)})
    return rows


def save_return(customer, inputs, *, kind="return", reason_id=None, order_id=None, note_id=None, tracking="",
                remarks="", claimed=None, record=None) -> ReturnOrder:
    """A new return, or `record` (a draft) changed: checked, priced at what the goods were sold for, written in
    one transaction with its audit entry."""
    plant = customer.plant
    _check_may_enter(customer, plant, kind, reason_id)
    order, note = _source(customer, order_id, note_id)
    day = clock.plant_today(plant)
    amount, rows = _claim_and_rows(customer, inputs, kind, claimed, order, note, day, record)
    fields = {"kind": kind, "reason": reason_id or None, "order_id": order.id if order else None,
              "note_id": note.id if note else None, "tracking": (tracking or "")[:60], "remarks": remarks or "",
              "claimed": amount}
    with transaction():
        record, action, old = (_create(plant, customer, day, fields) if record is None
                               else _rewrite(record, fields))
        if rows:
            ReturnLine.insert_many([dict(r, order=record.id) for r in rows]).execute()
        audit.log(action, ReturnOrder._meta.table_name, record.id, plant=plant.id, old=old,
                  new={"number": record.number, "claimed": amount, "lines": len(rows)})
    return record


def _check_may_enter(customer, plant, kind, reason_id) -> None:
    user = context.current().user
    if customer.plant_id != plant.id:
        raise UserError(_("This customer belongs to another plant."), field="customer")
    if kind == "claim" and not (user is None or may(user, "returns.claim", plant.id)):
        raise PermissionDenied(_("You may not enter a refund without a return."))
    if reason_id and not ReturnReason.select().where((ReturnReason.id == reason_id)
                                                     & (ReturnReason.plant == plant.id)).exists():
        raise UserError(_("Choose a reason of this plant."), field="reason")


def _claim_and_rows(customer, inputs, kind, claimed, order, note, day, record) -> tuple[Decimal, list]:
    """What the customer asks back and the lines: a claim is an amount without goods; a return is its lines
    coming back (negative) and going out (positive), no more than the named note delivered."""
    if kind == "claim":
        amount = _decimal(claimed or "0", 2, _("Amount"), "claimed")
        if amount <= 0:
            raise UserError(_("A claim needs an amount more than zero."), field="claimed")
        return amount, []
    if not inputs:
        raise UserError(_("A return needs at least one line."), field="lines")
    rows = build_rows(customer, inputs, order, note, day)
    if note is not None:
        check_against_delivery(note.id, rows, exclude_id=record.id if record else None)
    return sum((r["amount"] for r in rows if r["quantity"] < 0), Decimal("0.00")), rows


def _create(plant, customer, day, fields) -> tuple:
    record = ReturnOrder.create(plant=plant.id, number=numbering.next_number(plant, "RT", day), date=day,
                                customer=customer, created_by=context.current().user, **fields)
    return record, "create", None


def _rewrite(record, fields) -> tuple:
    """A draft's new header; its old lines go (the new ones are inserted by the caller)."""
    record = lock_get(ReturnOrder, record.id)
    if record.state != "draft":
        raise UserError(_("Only a draft return can be changed."))
    old = {"claimed": record.claimed}
    for name, value in fields.items():
        if name != "kind":
            setattr(record, name, value)
    record.save()
    ReturnLine.delete().where(ReturnLine.order == record.id).execute()
    return record, "write", old
