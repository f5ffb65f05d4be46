"""Inbound notes: goods coming back from a customer (returns), weighed in at the same desk."""
from __future__ import annotations


from flask_babel import gettext as _

from addons.dispatch.desk import open_note
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from core import audit, clock, context, numbering
from core.db import lock_get, transaction
from core.errors import UserError
from core.kernel import current_kernel


def create_inbound(customer, day, lines, source="") -> DeliveryNote:
    """`lines`: [(product, expected quantity, expected kg, unit price)]. Inside or outside a transaction."""
    if not lines:
        raise UserError(_("Goods coming back need at least one line."), field="lines")
    with transaction():
        plant = customer.plant
        note = DeliveryNote.create(plant=plant.id, number=numbering.next_number(plant, "IN", day), kind="inbound",
                                   customer=customer, day=day, source=source[:40])
        DeliveryLine.insert_many([{"note": note.id, "seq": n + 1, "product": getattr(p, "id", p), "quantity": q,
                                   "weight": w, "unit_price": price} for n, (p, q, w, price) in enumerate(lines)]).execute()
        audit.log("create", DeliveryNote._meta.table_name, note.id, plant=plant.id,
                  new={"number": note.number, "kind": "inbound", "source": source})
    return note


def receive_inbound(note_id) -> DeliveryNote:
    """The goods are in: what was weighed stands as received; the `goods_received` hook tells the returns."""
    with transaction():
        note = lock_get(DeliveryNote, note_id)
        open_note(note)
        if note.kind != "inbound":
            raise UserError(_("Only goods coming back are received here."))
        lines = list(DeliveryLine.select().where(DeliveryLine.note == note.id))
        if not any(line.shipped_quantity > 0 for line in lines):
            raise UserError(_("Nothing on %(number)s has been weighed in.", number=note.number))
        for line in lines:
            line.received_quantity, line.received_weight, line.loss_status = (
                line.shipped_quantity, line.shipped_weight, "none")
            line.save(only=[DeliveryLine.received_quantity, DeliveryLine.received_weight, DeliveryLine.loss_status])
        note.received_at = clock.utcnow()
        note.shipped_on = note.received_on = clock.plant_date(note.plant_id, note.received_at)
        note.shipped_by = context.current().user
        note.save()
        note.mark_received()
        audit.log("receive", DeliveryNote._meta.table_name, note.id, plant=note.plant_id, new={"number": note.number})
        current_kernel().hooks.call("goods_received", note.plant_id, note=note)
    return note
