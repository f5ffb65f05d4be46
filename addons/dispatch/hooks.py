"""What dispatch tells the addons below it: the goods behind the ledger's shipment charges."""
from __future__ import annotations

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.items import Item
from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.product import Product
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.line import OrderLine
from core.db import joined_instances, run_composed
from core.hooks import hookimpl


@hookimpl
def entry_items(entry_ids):
    """A shipment charge is one order's lines on one note: those lines, as billed."""
    entries = list(AccountEntry.select(AccountEntry.id, AccountEntry.source_id, AccountEntry.order_id).where(
        AccountEntry.id.in_(entry_ids) & (AccountEntry.source_model == DeliveryNote._meta.table_name)))
    if not entries:
        return {}
    units = units_by_id()
    lines: dict = {}
    for line in (DeliveryLine.select(DeliveryLine, Product, OrderLine).join(Product).switch(DeliveryLine)
                 .join(OrderLine).where(DeliveryLine.note.in_({e.source_id for e in entries}))
                 .order_by(DeliveryLine.seq)):
        lines.setdefault((line.note_id, line.order_line.order_id), []).append(line)
    return {e.id: [Item(f"{x.product.code} {x.product.name}", x.shipped_quantity, units[x.product.selling_unit_id].name,
                        x.shipped_weight, x.unit_price, units[x.product.pricing_unit_id].name, x.amount,
                        x.product.tax_rate_pct)
                   for x in lines.get((e.source_id, e.order_id), [])] for e in entries}


@hookimpl
def order_timeline(order):
    """The order's deliveries: shipped (kg and what was billed for this order), received, loss beyond tolerance."""
    from flask_babel import format_decimal
    from flask_babel import gettext as _

    from addons.sales_order.timeline import Event
    from core.currency import money
    rows = joined_instances(run_composed("dispatch.order_timeline", lambda record: DeliveryLine.select(
        DeliveryLine, DeliveryNote).join(DeliveryNote).join_from(DeliveryLine, OrderLine).where(
        (OrderLine.order == record) & DeliveryNote.state.in_(["shipped", "received"])), order.id), DeliveryLine, DeliveryNote)
    notes: dict = {}
    for line, note in rows:     # composed once: every order's page asks
        seen = notes.setdefault(note.id, {"note": note, "kg": 0, "amount": 0, "lossy": False})
        seen["kg"] += line.shipped_weight
        seen["amount"] += line.amount
        seen["lossy"] = seen["lossy"] or line.loss_status == "flagged"
    out = []
    for seen in notes.values():
        note, link = seen["note"], f"/dispatch/notes/{seen['note'].id}"
        out.append(Event(note.shipped_at, _("Shipped on %(number)s", number=note.number),
                         _("%(kg)s kg, %(amount)s billed", kg=format_decimal(seen["kg"], "#,##0.000"),
                           amount=money(seen["amount"])), link, "primary"))
        if note.received_at and note.kind == "delivery":
            out.append(Event(note.received_at, _("Received: %(number)s signed by %(who)s", number=note.number,
                                                 who=note.signed_by),
                             _("Loss beyond tolerance") if seen["lossy"] else "", link,
                             "danger" if seen["lossy"] else "success"))
    return out


@hookimpl
def work_waiting(user, plant_id):
    """Notes to load today and tomorrow at the desk; deliveries whose receipt is still to be confirmed."""
    import datetime

    from flask_babel import gettext as _

    from core.clock import plant_today
    from core.security import may
    from core.work import Work
    out = []
    tomorrow = plant_today(plant_id) + datetime.timedelta(days=1)
    if may(user, "dispatch.ship", plant_id):
        n = DeliveryNote.select().where((DeliveryNote.plant == plant_id) & DeliveryNote.state.in_(["planned", "loading"])
                                        & (DeliveryNote.day <= tomorrow)).count()
        out.append(Work(_("Delivery notes to load today and tomorrow"), n, f"/dispatch/desk?day={tomorrow.isoformat()}", 20))
    if may(user, "dispatch.receive", plant_id):
        n = DeliveryNote.select().where((DeliveryNote.plant == plant_id) & (DeliveryNote.state == "shipped")
                                        & (DeliveryNote.kind == "delivery")).count()
        out.append(Work(_("Receipts to confirm"), n, "/dispatch/notes?state=shipped&kind=delivery", 21))
    return out
