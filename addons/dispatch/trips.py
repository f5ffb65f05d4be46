"""What departing or cancelling a trip checks (called inside the move's transaction)."""
from __future__ import annotations


from flask_babel import gettext as _

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from core import audit, clock
from core.db import lock_get, transaction
from core.errors import UserError, WorkflowError
from core.workflow import move_all


def on_depart(trip):
    notes = list(DeliveryNote.select().where((DeliveryNote.trip == trip.id) & (DeliveryNote.state != "cancelled")))
    if not notes:
        raise WorkflowError(_("Trip %(number)s has no delivery notes.", number=trip.number))
    waiting = [n.number for n in notes if n.state in ("planned", "loading")]
    if waiting:
        raise WorkflowError(_("Ship these notes first: %(numbers)s.", numbers=", ".join(waiting)))
    trip.departed_at = clock.utcnow()


def on_cancel(trip):
    notes = list(DeliveryNote.select().where(DeliveryNote.trip == trip.id))
    if any(n.state not in ("planned", "cancelled") for n in notes) or DeliveryLine.select().join(DeliveryNote).where(
            (DeliveryNote.trip == trip.id) & (DeliveryLine.shipped_quantity > 0)).exists():
        raise WorkflowError(_("Goods of trip %(number)s are being loaded or have left; it cannot be cancelled.",
                              number=trip.number))
    move_all([n for n in notes if n.state != "cancelled"], "cancel", comment=_("The trip is cancelled"))


def cancel_note(note):
    """A planned note nothing was weighed for goes back to planning."""
    with transaction():
        note = lock_get(DeliveryNote, note.id)
        if note.state not in ("planned", "loading") or DeliveryLine.select().where(
                (DeliveryLine.note == note.id) & (DeliveryLine.shipped_quantity > 0)).exists():
            raise UserError(_("Goods of %(number)s have been weighed or have left; it cannot be cancelled.",
                              number=note.number))
        note.cancel()


def reorder_stops(trip, notes, order: dict[int, int]) -> None:
    """The scheduler's stop order for the trip's notes (`order`: note id -> stop number), audited."""
    with transaction():
        for note in notes:
            if note.stop_seq != order[note.id]:
                DeliveryNote.update(stop_seq=order[note.id]).where(DeliveryNote.id == note.id).execute()
        audit.log("stops", trip._meta.table_name, trip.id, plant=trip.plant_id,
                  new={str(k): v for k, v in order.items()})
