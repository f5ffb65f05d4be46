"""Posting moves by hand: signs follow the kind, a transfer moves both sides, another plant's warehouse is
refused, and a level never goes below zero where the plant forbids it (nothing half-written)."""
import datetime
from decimal import Decimal as D

import pytest

from addons.stock import posting
from addons.stock.models.level import StockLevel
from addons.stock.models.move import StockMove
from addons.stock.models.settings import StockSettings
from addons.stock.models.warehouse import Warehouse
from core import plant_settings
from core.clock import plant_today
from core.errors import UserError
from tests.sales_helpers import as_user, product
from tests.stock_helpers import produced_lot, stores


def _levels():
    return {(lv.warehouse.code, lv.product_id): (lv.quantity, lv.weight) for lv in StockLevel.select()}


def test_moves_by_hand(ctx, demo):
    p1, p2 = demo["P1"], demo["P2"]
    where = stores(p1)
    produced_lot(p1, "LH", plant_today(p1) - datetime.timedelta(days=1), where["CS"], [("P002", 10, "125")])
    leg = product("P002").id
    with as_user("manager", p1):
        posting.post_by_hand(p1.id, "transfer", where["CS"].id, leg, "LH", D("4"), D("50"), "", where["DA"].id)
        posting.post_by_hand(p1.id, "loss", where["DA"].id, leg, "LH", D("0"), D("0.4"), "drip")
        with pytest.raises(UserError, match="Please give a reason"):
            posting.post_by_hand(p1.id, "loss", where["DA"].id, leg, "LH", D("0"), D("1"), "")
        with pytest.raises(UserError, match="comes from its document"):
            posting.post_by_hand(p1.id, "sale", where["DA"].id, leg, "LH", D("1"), D("1"), "")
        elsewhere = Warehouse.create(plant=p2, code="X", name="North store")
        with pytest.raises(UserError, match="Choose a warehouse of this plant"):
            posting.post_by_hand(p1.id, "receipt", elsewhere.id, leg, "", D("1"), D("1"))
    assert _levels() == {("CS", leg): (D("6"), D("75.000")), ("DA", leg): (D("4"), D("49.600"))}
    assert StockMove.select().where(StockMove.kind == "transfer").count() == 2


def test_a_level_never_goes_below_zero_where_the_plant_forbids_it(ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    produced_lot(p1, "LZ", plant_today(p1) - datetime.timedelta(days=1), where["CS"], [("P002", 2, "25")])
    leg = product("P002").id
    with as_user("manager", p1):
        posting.post_by_hand(p1.id, "loss", where["CS"].id, leg, "LZ", D("0"), D("26"), "allowed here: goes below")
        plant_settings.save(StockSettings, p1, {"allow_negative": False}, cache_key=("stock.settings", p1.id))
        posting.post_by_hand(p1.id, "adjustment", where["CS"].id, leg, "LZ", D("0"), D("1"), "found")
        with pytest.raises(UserError, match="Not enough 猪后腿 Hind leg of lot LZ in 冷库 Cold store"):
            posting.post_by_hand(p1.id, "transfer", where["CS"].id, leg, "LZ", D("1"), D("1"), "", where["DA"].id)
    assert _levels() == {("CS", leg): (D("2"), D("0.000"))}
    assert StockMove.select().where(StockMove.kind == "transfer").count() == 0
