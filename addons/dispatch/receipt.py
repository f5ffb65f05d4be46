"""Customer receipt confirmation (签收) and transit loss.

Loss is shipped minus received weight. Within the product's normal-loss tolerance (a percentage of
the shipped weight) it is normal; beyond it the line is flagged for a manager. Where the plant bills
what was received, the loss is credited to the customer's account.
"""
from __future__ import annotations

from decimal import Decimal

import datetime

from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.dispatch.desk import _number, settings_of
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.ledger.posting import post
from addons.master_data.models.product import Product
from addons.sales_order.lines import line_amount, units_by_id
from core import audit, clock, notify
from core.messages import memo
from core.db import get_row, joined_instances, lock_get, run_composed, transaction, update_rows
from core.errors import UserError
from core.security import holders_of

ARRIVAL_DRIFT = datetime.timedelta(minutes=5)
# What a receipt writes of its lines and its note: the rest of their rows stays as it is.
RECEIVED = [DeliveryLine.received_quantity, DeliveryLine.received_weight, DeliveryLine.loss_weight,
            DeliveryLine.loss_status, DeliveryLine.quality_remarks]
SIGNED = [DeliveryNote.signed_by, DeliveryNote.received_at, DeliveryNote.received_on, DeliveryNote.receipt_remarks,
          DeliveryNote.loss_flagged]


def confirm_receipt(note_id, signed_by, received: dict[int, tuple], remarks="", at=None) -> DeliveryNote:
    """`received`: {delivery line id: (quantity, kg, quality remarks)}; lines left out arrived in full.
    `at`: when the goods arrived (an instant, naive UTC); entered later, it is not "now"."""
    if not (signed_by or "").strip():
        raise UserError(_("Who signed for the goods?"), field="signed_by")
    with transaction():
        note = lock_get(DeliveryNote, note_id)
        if note.state != "shipped" or note.kind != "delivery":
            raise UserError(_("Only a shipped delivery note can be signed for; %(number)s is %(state)s.",
                              number=note.number, state=str(DeliveryNote.STATES[note.state])))
        at = _arrival(note, at)
        lines = []
        for line, product in joined_instances(run_composed(
                "dispatch.lines_to_receive", lambda n: DeliveryLine.select(DeliveryLine, Product).join(Product)
                .where(DeliveryLine.note == n).order_by(DeliveryLine.seq), note.id), DeliveryLine, Product):
            line.product = product
            lines.append(line)
        known = {line.id for line in lines}
        if set(received) - known:
            raise UserError(_("A line does not belong to this note."), field="lines")
        units = units_by_id()
        credit = Decimal("0.00")
        flagged = []
        for line in lines:
            qty, kg, quality = received.get(line.id, (line.shipped_quantity, line.shipped_weight, ""))
            # lazy labels: read only when a figure is refused
            qty = _number(qty, f"line-{line.id}-quantity", _l("Received quantity"), allow_zero=True)
            kg = _number(kg, f"line-{line.id}-weight", _l("Received weight"), allow_zero=True)
            if qty > line.shipped_quantity or kg > line.shipped_weight:
                raise UserError(_("Line %(n)d: received %(qty)s / %(kg)s kg is more than shipped %(sq)s / %(sk)s kg.",
                                  n=line.seq, qty=qty, kg=kg, sq=line.shipped_quantity, sk=line.shipped_weight),
                                field=f"line-{line.id}-quantity")
            line.received_quantity, line.received_weight = qty, kg
            line.loss_weight = line.shipped_weight - kg
            tolerance = line.shipped_weight * line.product.loss_tolerance_pct / 100
            line.loss_status = "none" if line.loss_weight == 0 and qty == line.shipped_quantity else (
                "normal" if line.loss_weight <= tolerance and qty == line.shipped_quantity else "flagged")
            line.quality_remarks = (quality or "")[:300]
            if line.loss_status == "flagged":
                flagged.append(line)
            billed_now = line_amount(line.product, units, qty, kg, line.unit_price)
            credit += max(line.amount - billed_now, Decimal("0.00"))
        update_rows(lines, RECEIVED)
        note.signed_by = signed_by.strip()[:80]
        note.received_at = at
        note.received_on = clock.plant_date(note.plant_id, note.received_at)
        note.receipt_remarks, note.loss_flagged = remarks or "", bool(flagged)
        note.save(only=SIGNED)
        note.mark_received()
        if credit > 0 and settings_of(note.plant_id).bill_received:
            post(note.customer_id, "adjustment", -credit, plant=note.plant_id, reference=note.number, source=note,
                 memo=memo(_l("Transit loss on %(number)s"), number=note.number))
        audit.log("receipt", DeliveryNote._meta.table_name, note.id, plant=note.plant_id,
                  new={"signed_by": note.signed_by, "flagged": len(flagged), "credit": credit})
        if flagged:
            notify.notify(holders_of("dispatch.loss_review", note.plant_id),
                          _l("Delivery note %(number)s: loss beyond tolerance on %(n)s lines."),
                          params={"number": note.number, "n": len(flagged)}, link=f"/dispatch/notes/{note.id}",
                          plant=note.plant_id)
        if note.trip_id:
            _close_trip(note.trip_id)
    return note


def _arrival(note, at):
    """When the goods arrived: not before they left, not in the future (a few minutes of clock drift allowed)."""
    now = clock.utcnow()
    if at is None:
        return now
    if note.shipped_at and at < note.shipped_at.replace(second=0, microsecond=0):
        raise UserError(_("The goods cannot arrive before they were shipped (%(when)s).",
                          when=format_datetime(note.shipped_at, "short")), field="arrived_at")
    if at > now + ARRIVAL_DRIFT:
        raise UserError(_("The arrival time is in the future."), field="arrived_at")
    return at


def _close_trip(trip_id):
    """A trip on the road whose every note is signed for has delivered."""
    open_notes = run_composed("dispatch.open_notes_on_trip", lambda t: DeliveryNote.select(DeliveryNote.id).where(
        (DeliveryNote.trip == t) & DeliveryNote.state.in_(["planned", "loading", "shipped"])).limit(1), trip_id).fetchone()
    trip = get_row(Trip, trip_id)
    if not open_notes and trip.state == "on_road":
        trip.close(comment=str(_("Every note signed for")))
