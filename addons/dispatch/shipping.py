"""Shipping a note: amounts from the weighed kilograms, the ledger entry, the order's delivered quantities."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import JOIN

from addons.dispatch.desk import open_note
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.posting import post
from addons.master_data.models.customer import CustomerLogin
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.fulfilment import record_delivery
from addons.sales_order.lines import line_amount, units_by_id
from core import audit, clock, context, notify
from core.db import joined_instances, lock_get, run_composed, transaction, update_rows
from core.errors import UserError
from core.kernel import current_kernel


def ship(note_id) -> DeliveryNote:
    """The note leaves: every line is billed on what was weighed (catch weight) or counted, the customer's
    account is charged per order, the orders' delivered quantities grow. One transaction."""
    user = context.current().user
    with transaction():
        note = lock_get(DeliveryNote, note_id)
        open_note(note)
        if note.kind == "inbound":
            raise UserError(_("Goods coming back are received, not shipped."))
        lines = []
        for line, product, order_line in joined_instances(run_composed(
                "dispatch.lines_to_ship", lambda n: DeliveryLine.select(DeliveryLine, Product, OrderLine).join(Product)
                .switch(DeliveryLine).join(OrderLine, JOIN.LEFT_OUTER).where(DeliveryLine.note == n)
                .order_by(DeliveryLine.seq), note.id), DeliveryLine, Product, OrderLine):
            line.product, line.order_line = product, order_line
            lines.append(line)
        if not any(line.shipped_quantity > 0 for line in lines):
            raise UserError(_("Nothing on delivery note %(number)s has been weighed or counted.", number=note.number))
        units = units_by_id()
        per_order = defaultdict(lambda: Decimal("0.00"))
        delivered = {}
        for line in lines:
            line.amount = line_amount(line.product, units, line.shipped_quantity, line.shipped_weight, line.unit_price)
            if line.order_line_id:
                per_order[line.order_line.order_id] += line.amount
                done = delivered.get(line.order_line_id, (Decimal("0"), Decimal("0")))
                delivered[line.order_line_id] = (done[0] + line.shipped_quantity, done[1] + line.shipped_weight)
        update_rows(lines, [DeliveryLine.amount])
        note.amount = sum((line.amount for line in lines), Decimal("0.00"))
        note.shipped_at, note.shipped_by = clock.utcnow(), user
        note.shipped_on = clock.plant_date(note.plant_id, note.shipped_at)
        pickup = note.kind == "pickup"     # collected at the gate: received as shipped
        if pickup:
            note.received_at, note.signed_by = note.shipped_at, note.customer.name
            note.received_on = note.shipped_on
            for line in lines:
                line.received_quantity, line.received_weight, line.loss_status = (
                    line.shipped_quantity, line.shipped_weight, "none")
                line.save(only=[DeliveryLine.received_quantity, DeliveryLine.received_weight, DeliveryLine.loss_status])
        note.save()
        note.mark_shipped()
        if pickup:
            note.mark_received()
        for order_id, amount in per_order.items():
            if amount > 0:
                post(note.customer_id, "shipment", amount, plant=note.plant_id, reference=note.number,
                     source=note, order_id=order_id)
        record_delivery(delivered)
        audit.log("ship", DeliveryNote._meta.table_name, note.id, plant=note.plant_id,
                  new={"number": note.number, "amount": note.amount, "state": note.state})
        current_kernel().hooks.call("delivery_shipped", note.plant_id, note=note)
        _tell_the_customer(note, lines)
    return note


def _tell_the_customer(note, lines) -> None:
    """The customer's own logins hear the goods have left, with the delivery note attached to the e-mail."""
    users = [u for (u,) in run_composed("dispatch.customer_logins", lambda c: CustomerLogin.select(CustomerLogin.user)
                                        .where(CustomerLogin.customer == c), note.customer_id).fetchall()]
    kilograms = sum((line.shipped_weight for line in lines), Decimal("0"))
    notify.notify(users, _l("Your goods have left: delivery note %(number)s, %(kg)s kg, %(amount)s."),
                  params={"number": note.number, "kg": f"{kilograms:f}", "amount": notify.money(note.amount)},
                  plant=note.plant_id, email=True, attachment=f"dispatch.delivery_note:{note.id}")
