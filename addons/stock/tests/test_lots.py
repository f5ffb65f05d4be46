"""The lots offered at the desk: first-expiring first, the shipping warehouse before the others, then the
fullest; read for all of a note's products at once, each product's own first few, as one product at a time."""
import datetime

from addons.stock import lots
from addons.stock.models.settings import StockSettings
from core import plant_settings
from core.clock import plant_today
from tests.sales_helpers import product
from tests.stock_helpers import produced_lot, stores


def _numbers(found):
    return [(lot.number, warehouse.code, level.weight) for level, lot, warehouse in found]


def test_every_products_first_lots_in_one_read(ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    today = plant_today(p1)
    plant_settings.save(StockSettings, p1, {"ship_from": where["DA"].id}, cache_key=("stock.settings", p1.id))
    for n, (days_ago, shelf, store, kg) in enumerate([(3, 7, "CS", 30), (1, 7, "DA", 20), (2, 9, "CS", 50),
                                                      (1, 7, "CS", 40), (4, 3, "RT", 10)]):
        produced_lot(p1, f"L{n}", today - datetime.timedelta(days=days_ago), where[store],
                     [("P002", 2, kg), ("P005", 1, kg // 10 + 1)], shelf_life=shelf)
    legs, trotters, chops = product("P002").id, product("P005").id, product("P001").id
    for limit in (1, 2, 10):
        together = lots.in_stock_of(p1.id, [legs, trotters, chops], limit=limit)
        assert set(together) == {legs, trotters, chops} and together[chops] == []
        for pid in (legs, trotters):
            assert _numbers(together[pid]) == _numbers(lots.in_stock(p1.id, pid, limit=limit))
    first = _numbers(lots.in_stock_of(p1.id, [legs])[legs])
    # L4 expires first, then L0; L1 and L3 were made the same day with the same shelf life: the older lot (by id) first
    assert [number for number, _w, _kg in first] == ["L4", "L0", "L1", "L3", "L2"]
