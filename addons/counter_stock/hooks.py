"""The counter's sales leave the plant's dispatch area (or its first store) and its returns come back into the
returns area, as stock moves in the sale's own transaction; a shortage refuses the sale where the plant
forbids negative stock."""
from decimal import Decimal

from core.hooks import hookimpl

SOURCE = "counter_sale"


def _warehouse(plant_id, kind):
    from addons.stock.models.warehouse import Warehouse
    stores = list(Warehouse.select().where((Warehouse.plant == plant_id) & (Warehouse.active == True))  # noqa: E712
                  .order_by(Warehouse.code))
    preferred = [w for w in stores if w.kind == kind] or stores
    return preferred[0].id if preferred else None


def _post(sale, kind, sign, store_kind):
    from addons.counter.models.counter import CounterLine
    from addons.stock import moves
    warehouse = _warehouse(sale.plant_id, store_kind)
    if warehouse is None:
        return
    items = [moves.Item(warehouse, x.product_id, None, sign * x.quantity, sign * (x.weight or Decimal("0")), x.id)
             for x in CounterLine.select().where(CounterLine.sale == sale.id)]
    moves.post(sale.plant_id, kind, items, reference=sale.number, source_model=SOURCE, day=sale.day)


@hookimpl
def counter_sold(sale):
    _post(sale, "sale", -1, "dispatch")


@hookimpl
def counter_returned(sale):
    _post(sale, "return", 1, "returns")
