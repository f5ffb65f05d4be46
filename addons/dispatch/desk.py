"""The shipping desk (发货台): steps and weighed batches, line by line.

A batch locks the order line it ships against (or the delivery line, for goods coming back), so two
desks working the same line, on one note or on two, run one after the other and cannot together ship
more than the order allows.
"""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import OPEN, DeliveryNote
from addons.dispatch.models.settings import DispatchSettings
from addons.dispatch.models.trip import Trip
from addons.master_data.models.product import Product
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.line import OrderLine
from core import audit, clock, context
from core.cache import cached
from core.db import joined_instances, lock, lock_get, run_composed, transaction
from core.errors import UserError
from core.numbers import decimal_input
from core.kernel import current_kernel
from core.security import may

GRAM = Decimal("0.001")
STEPS = ("picked", "loaded")


def settings_of(plant_id) -> DispatchSettings:
    return cached(("dispatch.settings", plant_id), lambda: DispatchSettings.get_or_none(
        DispatchSettings.plant == plant_id) or DispatchSettings(plant=plant_id))


def _number(raw, name, label, places=3, allow_zero=False) -> Decimal:
    return decimal_input(raw, field=name, label=label, places=places, allow_zero=allow_zero)


def open_note(line_or_note) -> DeliveryNote:
    note = line_or_note if isinstance(line_or_note, DeliveryNote) else line_or_note.note
    if note.state not in OPEN:
        raise UserError(_("Delivery note %(number)s is %(state)s: it can no longer change.", number=note.number,
                          state=str(DeliveryNote.STATES[note.state])))
    return note


def _locked_line(line_id) -> DeliveryLine:
    """The delivery line, locked, with its note and product read in the same query."""
    rows = joined_instances(run_composed("dispatch.locked_line", lambda pk: lock(
        DeliveryLine.select(DeliveryLine, DeliveryNote, Product).join(DeliveryNote).switch(DeliveryLine).join(Product)
        .where(DeliveryLine.id == pk), DeliveryLine), line_id), DeliveryLine, DeliveryNote, Product)
    if not rows:
        raise UserError(_("There is no such line."))
    found, found.note, found.product = rows[0][0], rows[0][1], rows[0][2]
    return found


def _start_loading(note):
    """The first step or batch on a note puts it, and its trip, in loading."""
    if note.state != "planned":
        return
    note.start_loading()
    if note.trip_id:
        trip = lock_get(Trip, note.trip_id)      # as the UPDATE it replaces did: one desk moves the trip
        if trip.state == "planned":
            trip.start_loading()


def record_step(line_id, step):
    if step not in STEPS:
        raise UserError(_("Unknown step."))
    user = context.current().user
    with transaction():
        line = _locked_line(line_id)
        note = open_note(line)
        setattr(line, f"{step}_at", clock.utcnow())
        setattr(line, f"{step}_by", user)
        line.save()
        _start_loading(note)
        audit.log(step, DeliveryLine._meta.table_name, line.id, plant=note.plant_id, new={"note": note.number})
    return line


def keyed_weights_refused(note) -> str | None:
    """Why the desk may not take typed weights for `note` (a scale serves it), or None."""
    return next((r for r in current_kernel().hooks.call("keyed_weight_refused", note.plant_id, note=note) if r), None)


def add_batch(line_id, quantity, gross, container_id=None, container_count=0, source="keyed", weighing_id=None,
              tare=None, override=False, lot_code="") -> ShipmentBatch:
    """Record one weighed batch. `gross` in kg; the containers' tare is taken off (or `tare` given, e.g. by
    the scale). Shipping past the plant's tolerance over the order needs a manager and `override`.
    `lot_code` names the lot the goods came from; a stock addon checks it (or picks one) in `batch_recorded`."""
    user = context.current().user
    with transaction():
        line = _locked_line(line_id)
        note = open_note(line)
        refused = keyed_weights_refused(note) if source == "keyed" else None
        if refused:
            raise UserError(refused, field="gross")
        product = line.product
        count_unit = units_by_id()[product.selling_unit_id].kind == "count"
        qty = _number(quantity, "quantity", _l("Quantity"))    # lazy: a label is read only when refused
        if count_unit and qty != qty.to_integral_value():
            raise UserError(_("%(product)s is counted in whole pieces.", product=product.name), field="quantity")
        gross = _number(gross, "gross", _l("Gross weight"))
        count = int(container_count or 0)
        if count < 0:
            raise UserError(_("The number of containers cannot be negative."), field="container_count")
        container = None
        if container_id:
            container = ContainerType.get_or_none((ContainerType.id == int(container_id))
                                                  & (ContainerType.plant == note.plant_id))
            if container is None:
                raise UserError(_("Choose a container type of this plant."), field="container")
        if tare is None:
            tare = (container.tare_kg * count) if container is not None else Decimal("0")
        net = gross - tare
        if net <= 0:
            raise UserError(_("The tare (%(tare)s kg) is not less than the gross weight (%(gross)s kg).",
                              tare=tare, gross=gross), field="gross")
        _check_quantity(line, note, qty, user, override)
        _check_piece_weight(line, product, note, qty, net, user, override)
        line.batch_count += 1
        batch = ShipmentBatch.create(line=line, seq=line.batch_count, quantity=qty, gross=gross, tare=tare, net=net,
                                     container=container, container_count=count, source=source,
                                     lot_code=(lot_code or "").strip()[:40], weighing_id=weighing_id, operator=user)
        line.shipped_quantity += qty
        line.shipped_weight += net
        line.weighed_at, line.weighed_by = clock.utcnow(), user
        line.save(only=[DeliveryLine.batch_count, DeliveryLine.shipped_quantity, DeliveryLine.shipped_weight,
                        DeliveryLine.weighed_at, DeliveryLine.weighed_by])
        _start_loading(note)
        audit.log("batch", ShipmentBatch._meta.table_name, batch.id, plant=note.plant_id,
                  new={"note": note.number, "line": line.seq, "quantity": qty, "gross": gross, "tare": tare,
                       "net": net, "source": source, "lot": batch.lot_code})
        current_kernel().hooks.call("batch_recorded", note.plant_id, batch=batch)
    return batch


def _check_piece_weight(line, product, note, qty, net, user, override):
    """A batch whose kilograms per piece fall outside the product's range is a wrong count or a wrong product
    on the scale, until a manager says otherwise (audited)."""
    low, high = product.min_piece_kg, product.max_piece_kg
    each = net / qty
    if not ((low and each < low) or (high and each > high)):
        return
    if not (override and may(user, "dispatch.piece_weight", note.plant_id)):
        raise UserError(_("%(each)s kg a piece is outside %(low)s–%(high)s kg for %(product)s: check the count and "
                          "the product, or a manager must allow it.", each=each.quantize(Decimal("0.001")),
                          low=f"{low.normalize():f}", high=f"{high.normalize():f}" if high else "∞",
                          product=product.name), field="quantity")
    audit.log("piece_weight", DeliveryLine._meta.table_name, line.id, plant=note.plant_id,
              new={"quantity": qty, "net": net, "per_piece": each.quantize(Decimal("0.001"))})


def _check_quantity(line, note, qty, user, override):
    """Refuse what would pass the order (plus the plant's tolerance); a manager may override, audited."""
    if line.order_line_id is None:       # goods coming back: bounded by what the note expects
        if line.shipped_quantity + qty > line.quantity and not override:
            raise UserError(_("Line %(n)d expects %(qty)s; %(done)s are in already.", n=line.seq, qty=line.quantity,
                              done=line.shipped_quantity), field="quantity")
        return
    # The order line locked first: it serialises every desk shipping it. What its delivery lines have shipped is
    # read after, by a statement of its own: on PostgreSQL a statement sees what was committed when it began,
    # so a sum read in the locking statement would miss what the desk it waited for has just shipped.
    order_line = lock_get(OrderLine, line.order_line_id)
    (shipped,) = run_composed("dispatch.shipped_of_order_line", lambda ol: DeliveryLine.select(
        fn.SUM(DeliveryLine.shipped_quantity)).where(DeliveryLine.order_line == ol), order_line.id).fetchone()
    shipped = DeliveryLine.shipped_quantity.python_value(shipped) if shipped is not None else Decimal("0")
    allowed = order_line.quantity * (1 + settings_of(note.plant_id).over_ship_pct / 100)
    if shipped + qty > allowed:
        if not (override and may(user, "dispatch.over_ship", note.plant_id)):
            raise UserError(_("This would ship %(total)s of %(ordered)s ordered (tolerance %(pct)s%%); a manager "
                              "must allow it.", total=shipped + qty, ordered=order_line.quantity,
                              pct=settings_of(note.plant_id).over_ship_pct), field="quantity")
        audit.log("over_ship", DeliveryLine._meta.table_name, line.id, plant=note.plant_id,
                  new={"shipped": shipped + qty, "ordered": order_line.quantity})


def void_batch(batch_id, reason) -> ShipmentBatch:
    """Take a batch back before the note ships (a wrong weighing): the line loses its pieces and kilograms."""
    if not (reason or "").strip():
        raise UserError(_("Please give a reason."), field="reason")
    with transaction():
        batch = lock_get(ShipmentBatch, batch_id)
        line = _locked_line(batch.line_id)
        note = open_note(line)
        if batch.voided:
            raise UserError(_("This batch is already void."))
        batch.voided = True
        batch.save(only=[ShipmentBatch.voided])
        line.shipped_quantity -= batch.quantity
        line.shipped_weight -= batch.net
        line.save()
        audit.log("void", ShipmentBatch._meta.table_name, batch.id, plant=note.plant_id,
                  old={"quantity": batch.quantity, "net": batch.net}, comment=reason)
    return batch
