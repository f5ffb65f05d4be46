"""Stock follows the goods: a shipped note takes each batch out of its lot and writes the exit record; goods
coming back (a return weighed in) go back into their lot in the plant's returns warehouse."""
from __future__ import annotations

from decimal import Decimal

from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.master_data.models.customer import Customer, CustomerContact
from addons.master_data.models.product import Product
from addons.stock import moves
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.warehouses import active_warehouses
from addons.stock.settings import settings_of
from addons.stock_dispatch import profit
from addons.stock_dispatch.models.exit_record import ExitRecord
from core.db import get_row, insert_rows

SOURCE = ShipmentBatch._meta.table_name


def _batches(note) -> list[tuple[ShipmentBatch, DeliveryLine, Product]]:
    return [(b, b.line, b.line.product) for b in ShipmentBatch.select(ShipmentBatch, DeliveryLine, Product)
            .join(DeliveryLine).join(Product).where((DeliveryLine.note == note.id) & (ShipmentBatch.voided == False))  # noqa: E712
            .order_by(DeliveryLine.seq, ShipmentBatch.seq)]


def _lots(plant_id, batches) -> dict:
    codes = {b.lot_code for b, _l, _p in batches} - {""}
    return {lot.number: lot for lot in Lot.select().where((Lot.plant == plant_id) & Lot.number.in_(list(codes)))} \
        if codes else {}


def _default_warehouse(kind, chosen_id, warehouses):
    if chosen_id:
        return chosen_id
    preferred = [w for w in warehouses if w.kind == kind] or warehouses
    return preferred[0].id


def _levels(plant_id, batches, lots) -> dict:
    """{(product id, lot id or 0): its levels, fullest first} for every batch of the note, in one query."""
    products = {product.id for _b, _l, product in batches}
    keys = {lots[b.lot_code].id if b.lot_code in lots else 0 for b, _l, _p in batches}
    found: dict = {}
    for level in (StockLevel.select().where((StockLevel.plant == plant_id) & StockLevel.product.in_(list(products))
                                            & StockLevel.lot_key.in_(list(keys))).order_by(StockLevel.weight.desc())):
        found.setdefault((level.product_id, level.lot_key), []).append(level)
    return found


def _source_warehouse(levels, net, fallback) -> int:
    """The plant's shipping warehouse when it holds enough of the lot, else the one holding the most."""
    if any(level.warehouse_id == fallback and level.weight >= net for level in levels):
        return fallback
    return levels[0].warehouse_id if levels and levels[0].weight > 0 else fallback


def ship_out(note) -> None:
    """Every batch of the shipped note leaves its lot: sale moves and the exit record, in the note's transaction.
    A plant with no warehouse yet keeps no stock: nothing moves, the exit record is still written."""
    plant_id = note.plant_id
    batches = _batches(note)
    lots = _lots(plant_id, batches)
    warehouses = active_warehouses(plant_id)
    if warehouses:
        start = _default_warehouse("dispatch", settings_of(plant_id).ship_from_id, warehouses)
        levels = _levels(plant_id, batches, lots)
        items = []
        for batch, _line, product in batches:
            lot = lots.get(batch.lot_code)
            lot_id = lot.id if lot else None
            source = _source_warehouse(levels.get((product.id, lot_id or 0), []), batch.net, start)
            items.append(moves.Item(source, product.id, lot_id, -batch.quantity, -batch.net, source_id=batch.id))
        posted = moves.post(plant_id, "sale", items, reference=note.number, source_model=SOURCE, day=note.shipped_on)
        profit.record_shipment(note, batches, [-m.cost for m in posted])
    else:
        profit.record_shipment(note, batches, [Decimal("0")] * len(batches))
    _write_exit_records(note, batches, lots)


def _write_exit_records(note, batches, lots) -> None:
    customer = get_row(Customer, note.customer_id)
    contact = CustomerContact.select().where(CustomerContact.customer == customer.id).order_by(CustomerContact.id).first()
    rows = []
    for batch, _line, product in batches:
        lot = lots.get(batch.lot_code)
        rows.append({"plant": note.plant_id, "day": note.shipped_on, "shipped_at": note.shipped_at, "note_id": note.id,
                     "note_number": note.number, "batch_id": batch.id, "customer": customer.id,
                     "customer_code": customer.code, "customer_name": customer.name,
                     "contact": contact.name if contact else "", "phone": (contact.phone if contact and contact.phone
                                                                           else customer.phone),
                     "address": note.address or customer.address, "product": product.id, "product_code": product.code,
                     "product_name": product.name, "lot": lot.id if lot else None, "lot_number": batch.lot_code,
                     "quarantine_cert": lot.quarantine_cert if lot else "", "quality_cert": lot.quality_cert if lot else "",
                     "asf_report": lot.asf_report if lot else "", "quantity": batch.quantity, "weight": batch.net})
    insert_rows(ExitRecord, rows)


def take_back(note) -> None:
    """Goods weighed back in go into their lot in the plant's returns warehouse."""
    plant_id = note.plant_id
    warehouses = active_warehouses(plant_id)
    if not warehouses:
        return
    batches = _batches(note)
    lots = _lots(plant_id, batches)
    target = _default_warehouse("returns", settings_of(plant_id).returns_to_id, warehouses)
    items = [moves.Item(target, product.id, lots[b.lot_code].id if b.lot_code in lots else None, b.quantity, b.net,
                        source_id=b.id) for b, _line, product in batches]
    moves.post(plant_id, "return", items, reference=note.number, source_model=SOURCE, day=note.received_on)
