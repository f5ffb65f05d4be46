"""A counter sale takes its goods out of the dispatch area and a counter return brings them into the returns
area; with negative stock forbidden, selling more than is there is refused and nothing is written."""
from decimal import Decimal as D

import pytest

from addons.counter import selling
from addons.counter.models.counter import CounterSale
from addons.stock.models.level import StockLevel
from addons.stock.models.settings import StockSettings
from addons.stock.models.warehouse import Warehouse
from addons.stock.moves import Item, post
from core.errors import UserError
from core.users import create_user
from tests.sales_helpers import as_user, product
from tests.stock_helpers import stores


def test_counter_sales_and_returns_move_stock(ctx, demo):
    p1 = demo["P1"]
    create_user("cashier", "钱收银", "demo1234", roles=["cashier"], plants=["P1"])
    places = stores(p1)
    dispatch = Warehouse.get((Warehouse.plant == p1.id) & (Warehouse.kind == "dispatch"))
    trotters = product("P005")
    StockSettings.create(plant=p1, allow_negative=False)
    with as_user("manager", p1):
        post(p1.id, "opening", [Item(dispatch.id, trotters.id, None, D("3"), D("30"))], reference="OPEN")
    with as_user("cashier", p1):
        selling.open_shift(p1, "0")
        sale = selling.sell(p1, [selling.CartLine(trotters.id, "2")], [selling.Paid("cash", "420.00")])
        with pytest.raises(UserError):
            selling.sell(p1, [selling.CartLine(trotters.id, "2")], [selling.Paid("cash", "420.00")])
        selling.return_goods(p1, sale, {sale.lines.get().id: ("1", "10")}, [selling.Paid("cash", "210.00")], "坏")
    level = StockLevel.get((StockLevel.warehouse == dispatch.id) & (StockLevel.product == trotters.id))
    assert (level.quantity, level.weight) == (D("1.000"), D("10.000"))
    back = StockLevel.get((StockLevel.product == trotters.id) & (StockLevel.warehouse != dispatch.id))
    assert back.warehouse.kind == "returns" and back.quantity == D("1.000")
    assert CounterSale.select().count() == 2 and places
