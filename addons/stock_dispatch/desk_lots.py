"""The lot of each weighed batch: named at the desk (scanned or picked) or, left out, the first-expiring lot
with goods of the product. Checked there, inside the batch's transaction: the lot is this plant's, it has its
certificates where the plant requires them, and, where the plant forbids negative stock, what is left of it
after the batches already weighed and not yet shipped covers this one. The levels of the lot are locked
first, so two desks weighing the last kilograms of one lot run one after the other."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from peewee import fn

from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.product import Product
from addons.stock.lots import in_stock, lot_by_code
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.settings import settings_of
from addons.stock_dispatch.models.exit_record import ExitRecord
from core.db import get_row, lock
from core.errors import UserError

ZERO = Decimal("0")


def assign_lot(batch: ShipmentBatch) -> None:
    line = get_row(DeliveryLine, batch.line_id)
    note = get_row(DeliveryNote, line.note_id)
    plant_id = note.plant_id
    if batch.lot_code:
        lot = lot_by_code(plant_id, batch.lot_code)
    elif note.kind == "inbound":
        lot = last_lot_sent(note.customer_id, line.product_id)
    else:
        found = in_stock(plant_id, line.product_id, limit=1)
        lot = found[0][1] if found else None
    code = lot.number if lot is not None else ""
    if code != batch.lot_code:
        batch.lot_code = code
        batch.save(only=[ShipmentBatch.lot_code])
    if note.kind != "inbound":
        _check_outgoing(plant_id, line, lot)


def _check_outgoing(plant_id, line, lot) -> None:
    rules = settings_of(plant_id)
    if rules.require_certificates:
        if lot is None:
            raise UserError(_("Name the lot of this batch: this plant ships no goods without their certificates."),
                            field="lot")
        if lot.missing_certificates:
            raise UserError(_("Lot %(lot)s cannot be shipped: %(missing)s missing.", lot=lot.number,
                              missing=", ".join(lot.missing_certificates)), field="lot")
    if not rules.allow_negative:
        _check_left(plant_id, line.product_id, lot)


def _check_left(plant_id, product_id, lot):
    """What the lot holds of the product, less every weighed batch of it not yet shipped (this one included),
    may not fall below zero."""
    product = get_row(Product, product_id)
    if lot is None:
        raise UserError(_("No lot of %(product)s has goods in stock.", product=product.name), field="lot")
    levels = list(lock(StockLevel.select().where((StockLevel.product == product_id) & (StockLevel.lot == lot.id))
                       .order_by(StockLevel.id)))
    have_qty = sum((lv.quantity for lv in levels), ZERO)
    have_kg = sum((lv.weight for lv in levels), ZERO)
    qty, kg = (ShipmentBatch.select(fn.SUM(ShipmentBatch.quantity), fn.SUM(ShipmentBatch.net))
               .join(DeliveryLine).join(DeliveryNote)
               .where((DeliveryNote.plant == plant_id) & DeliveryNote.state.in_(["planned", "loading"])
                      & (DeliveryNote.kind != "inbound") & (DeliveryLine.product == product_id)
                      & (ShipmentBatch.lot_code == lot.number) & (ShipmentBatch.voided == False))  # noqa: E712
               .tuples().get())
    pending_qty = ShipmentBatch.quantity.python_value(qty) if qty is not None else ZERO
    pending_kg = ShipmentBatch.net.python_value(kg) if kg is not None else ZERO
    if pending_kg > have_kg or pending_qty > have_qty:
        raise UserError(_("Lot %(lot)s has %(kg)s kg of %(product)s left (%(qty)s); weighed and not yet shipped: "
                          "%(pending_kg)s kg (%(pending_qty)s).", lot=lot.number, product=product.name, kg=have_kg,
                          qty=have_qty, pending_kg=pending_kg, pending_qty=pending_qty), field="lot")


def last_lot_sent(customer_id, product_id) -> Lot | None:
    """The lot the customer last received of the product: where goods coming back most likely came from."""
    record = (ExitRecord.select(ExitRecord.lot).where((ExitRecord.customer == customer_id)
                                                      & (ExitRecord.product == product_id) & ExitRecord.lot.is_null(False))
              .order_by(ExitRecord.id.desc()).first())
    return get_row(Lot, record.lot_id) if record is not None else None
