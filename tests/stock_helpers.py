"""Setting the stage for stock tests: a plant's warehouses and lots produced into the cold store."""
import datetime
from decimal import Decimal as D

from addons.stock import moves
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from tests.sales_helpers import as_user, product


def stores(plant) -> dict:
    """A cold store, the dispatch area and the returns area."""
    return {code: Warehouse.create(plant=plant, code=code, name=name, kind=kind)
            for code, name, kind in (("CS", "冷库 Cold store", "cold"), ("DA", "发货区 Dispatch", "dispatch"),
                                     ("RT", "退货区 Returns", "returns"))}


def produced_lot(plant, number, day: datetime.date, warehouse, goods, certificates=True, shelf_life=7) -> Lot:
    """A slaughter lot of `day` with `goods` [(product code, pieces, kg)] produced into `warehouse`."""
    lot = Lot.create(plant=plant, number=number, day=day, heads=10, origin="东台 Dongtai farm", shelf_life_days=shelf_life,
                     quarantine_cert=f"Q-{number}" if certificates else "", quality_cert=f"M-{number}" if certificates else "",
                     asf_report=f"ASF-{number}" if certificates else "")
    with as_user("manager", plant):
        moves.post(plant.id, "production", [moves.Item(warehouse.id, product(code).id, lot.id, D(str(q)), D(str(kg)))
                                            for code, q, kg in goods], reference=number, day=day)
    return lot


__all__ = ["stores", "produced_lot"]
