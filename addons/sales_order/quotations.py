"""Quotations: priced like orders, valid until a date; accepting one copies it into a draft order."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.sales_order.lines import LineInput, build_lines, totals
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.models.quotation import Quotation, QuotationLine
from addons.sales_order.orders import _check_customer, check_dates
from core import audit, clock, context, numbering
from core.db import lock_get, transaction
from core.errors import UserError
from core.security import may

QUOTE_FIELDS = ("seq", "product", "quantity", "expected_weight", "unit_price", "amount")


def _quote_rows(customer, day, inputs):
    rows = build_lines(customer, day, inputs)
    user = context.current().user
    if any(r["price_status"] == "pending" for r in rows) and not (
            user is None or may(user, "sales_order.price_approve", customer.plant_id)):
        bad = next(r for r in rows if r["price_status"] == "pending")
        raise UserError(_("Line %(n)d: a quoted price may not be below the floor price %(floor)s.",
                          n=bad["seq"], floor=bad["floor_price"]), field="lines")
    return rows


def save_quotation(customer, valid_until, inputs, *, quotation=None, delivery_date=None, remarks="") -> Quotation:
    plant = customer.plant
    _check_customer(customer, plant)
    if valid_until is None:
        raise UserError(_("Please give the date the quotation is valid until."), field="valid_until")
    rows = _quote_rows(customer, delivery_date or valid_until, inputs)
    amount, _weight = totals(rows)
    with transaction():
        if quotation is None:
            quotation = Quotation.create(plant=plant, number=numbering.next_number(plant, "QT", valid_until),
                                         customer=customer, salesperson=context.current().user,
                                         valid_until=valid_until, delivery_date=delivery_date, amount=amount,
                                         remarks=remarks or "")
            audit.log("create", Quotation._meta.table_name, quotation.id, plant=plant.id,
                      new={"number": quotation.number, "amount": amount})
        else:
            quotation = lock_get(Quotation, quotation.id)
            if quotation.state != "draft":
                raise UserError(_("Only a draft quotation can be changed."))
            old = {"amount": quotation.amount, "valid_until": quotation.valid_until}
            quotation.valid_until, quotation.delivery_date = valid_until, delivery_date
            quotation.amount, quotation.remarks = amount, remarks or ""
            quotation.save()
            QuotationLine.delete().where(QuotationLine.quotation == quotation.id).execute()
            audit.log("update", Quotation._meta.table_name, quotation.id, plant=plant.id, old=old,
                      new={"amount": amount, "valid_until": valid_until})
        QuotationLine.insert_many([{k: r[k] for k in QUOTE_FIELDS} | {"quotation": quotation.id}
                                   for r in rows]).execute()
    return quotation


def on_accept(quotation):
    """Inside the accept move: a draft order at the quoted prices (floors read again, as for any order)."""
    if quotation.valid_until < clock.plant_today(quotation.plant_id):
        raise UserError(_("This quotation expired on %(day)s.", day=quotation.valid_until.isoformat()))
    if quotation.delivery_date is None:
        raise UserError(_("Give the quotation a delivery date before accepting it."), field="delivery_date")
    customer = quotation.customer
    _check_customer(customer, customer.plant)
    check_dates(customer.plant, quotation.delivery_date, context.current().user, "order")
    lines = list(quotation.lines.order_by(QuotationLine.seq))
    rows = build_lines(customer, quotation.delivery_date,
                       [LineInput(x.product_id, x.quantity, x.expected_weight, x.unit_price) for x in lines])
    for row in rows:   # the price was agreed when the quotation was made
        if row["price_status"] == "pending":
            row["price_status"] = "approved"
    amount, weight = totals(rows)
    plant = customer.plant
    order = Order.create(plant=plant, number=numbering.next_number(plant, "SO", quotation.delivery_date),
                         channel="quotation", customer=customer, salesperson=quotation.salesperson_id,
                         created_by=context.current().user, delivery_date=quotation.delivery_date,
                         delivery_address=customer.address, amount=amount, weight=weight,
                         remarks=_("From quotation %(number)s", number=quotation.number))
    OrderLine.insert_many([dict(r, order=order.id) for r in rows]).execute()
    audit.log("create", Order._meta.table_name, order.id, plant=plant.id,
              new={"number": order.number, "quotation": quotation.number})
    quotation.order = order


def expire_quotations(plant, today) -> int:
    count = 0
    for quotation in Quotation.select().where((Quotation.plant == plant.id) & Quotation.state.in_(["draft", "sent"])
                                              & (Quotation.valid_until < today)):
        quotation.expire(comment=str(_("Validity ended")))
        count += 1
    return count
