"""Where stock meets the shipping desk: the dispatch and sales hooks this addon answers."""
from __future__ import annotations

from decimal import Decimal

from flask import url_for
from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.sales_order.models.planning import Availability
from addons.stock.lots import in_stock_of
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock_dispatch import containers, desk_lots, goods, reservation, temperatures
from addons.stock.settings import settings_of
from addons.stock_dispatch.models.temperature import NoteTemperature
from core.db import instances, run_composed
from core.hooks import hookimpl


@hookimpl
def batch_recorded(batch):
    desk_lots.assign_lot(batch)


@hookimpl
def delivery_shipped(note):
    goods.ship_out(note)
    containers.ship_out(note)


@hookimpl
def goods_received(note):
    goods.take_back(note)
    containers.came_back_with(note)


@hookimpl
def desk_panels(note):
    """The lots to pick from at the desk, first-expiring first, per product of the note."""
    from addons.dispatch.models.line import DeliveryLine
    from addons.master_data.models.product import Product
    products = {p.id: p for p in instances(Product, run_composed("stock_dispatch.note_products", lambda wanted: Product
                                                                  .select().where(Product.id.in_(DeliveryLine.select(
                                                                      DeliveryLine.product).where(DeliveryLine.note == wanted))),
                                                                  note.id))}
    choices = in_stock_of(note.plant_id, products, limit=10)
    panels = [("stock_dispatch/desk_lots.html", {"choices": choices, "products": products,
                                                 "inbound": note.kind == "inbound"})]
    if note.kind != "inbound":
        panels.append(_temperature_panel(note, "loading" if note.state in ("planned", "loading") else None))
    return panels


def _temperature_panel(note, step):
    return ("stock_dispatch/temperature.html", {
        "temperature": next(iter(instances(NoteTemperature, run_composed(
            "stock_dispatch.note_temperature", lambda wanted: NoteTemperature.select().where(
                NoteTemperature.note_id == wanted), note.id))), None), "note_id": note.id,
        "ranges": temperatures.ranges_of(note.id), "step": step,
        "permission": "dispatch.ship" if step == "loading" else "dispatch.receive"})


@hookimpl
def note_sections(note):
    """The lots and certificates of the goods on the note, printed with it."""
    from addons.dispatch.models.batch import ShipmentBatch
    from addons.dispatch.models.line import DeliveryLine
    rows = (ShipmentBatch.select(DeliveryLine.seq, ShipmentBatch.lot_code, fn.SUM(ShipmentBatch.quantity),
                                 fn.SUM(ShipmentBatch.net))
            .join(DeliveryLine).where((DeliveryLine.note == note.id) & (ShipmentBatch.voided == False))  # noqa: E712
            .group_by(DeliveryLine.seq, ShipmentBatch.lot_code).order_by(DeliveryLine.seq, ShipmentBatch.lot_code).tuples())
    rows = [(seq, code, ShipmentBatch.quantity.python_value(q), ShipmentBatch.net.python_value(kg))
            for seq, code, q, kg in rows]
    codes = {code for _s, code, _q, _k in rows} - {""}
    lots = {lot.number: lot for lot in Lot.select().where((Lot.plant == note.plant_id) & Lot.number.in_(list(codes)))} \
        if codes else {}
    sections = [("stock_dispatch/note_lots.html", {"rows": rows, "lots": lots})] if rows else []
    if note.kind != "inbound":
        sections.append(_temperature_panel(note, "receipt" if note.state in ("shipped", "received") else None))
    return sections


@hookimpl
def lot_links(lot):
    return [(_l("Recall list"), url_for("stock_dispatch.recall", pk=lot.id))]


@hookimpl
def availability(plant_id, product_ids, day):
    """Real stock on hand plus what the plant plans to produce that day (the figure entered on the
    availability screen), in the selling unit."""
    on_hand = dict(StockLevel.select(StockLevel.product, fn.SUM(StockLevel.quantity))
                   .where((StockLevel.plant == plant_id) & StockLevel.product.in_(list(product_ids))
                          & (StockLevel.quantity > 0)).group_by(StockLevel.product).tuples())
    if not on_hand:
        return {}
    planned = {a.product_id: a.quantity for a in Availability.select().where(
        (Availability.plant == plant_id) & (Availability.day == day) & Availability.product.in_(list(product_ids)))}
    return {pid: StockLevel.quantity.python_value(qty) + planned.get(pid, Decimal("0"))
            for pid, qty in on_hand.items()}


@hookimpl
def production_proposal(plant_id, day):
    """The production plan's demand of the day and the heads it takes (ordering is the sales addon's)."""
    from addons.sales_order.production import plan
    from core.models import Plant
    found = plan(Plant.get_by_id(plant_id), day, day)
    lines = [(pid, qty, kg) for (pid, d), (qty, kg) in found["cells"].items() if d == day]
    return {"heads": found["heads"].get(day, 0), "lines": lines} if lines else None


@hookimpl
def state_changed(record, old, new, comment):
    """Where the plant reserves stock at approval, an order is approved only if its day's supply, less what
    other approved orders hold, covers every line; raising here refuses the approval whole."""
    from addons.sales_order.models.order import Order
    if isinstance(record, Order) and new == "approved" and settings_of(record.plant_id).reserve_at_approval:
        reservation.check(record)
