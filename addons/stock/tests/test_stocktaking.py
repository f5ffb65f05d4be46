"""Stocktaking: the sheet made from the books, filled in on the screen and in Excel, the differences posted
as moves with their reasons; levels exact afterwards, in pieces and kg."""
import datetime
import io
from decimal import Decimal as D

import openpyxl
import pytest

from addons.stock import stocktaking
from addons.stock.models.count import StockCount
from addons.stock.models.level import StockLevel
from addons.stock.models.move import StockMove
from core.clock import plant_today
from core.errors import UserError
from tests.sales_helpers import as_user, product
from tests.stock_helpers import produced_lot, stores


@pytest.fixture
def counted_store(ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    today = plant_today(p1)
    lot = produced_lot(p1, "LC", today - datetime.timedelta(days=1), where["CS"], [("P002", 20, "250.000"),
                                                                                   ("P003", 10, "201.000")])
    with as_user("manager", p1):
        count = stocktaking.start(p1, where["CS"].id)
    return p1, where, lot, count


def test_a_count_sheet_filled_in_excel_and_posted(counted_store):
    p1, where, lot, count = counted_store
    lines = stocktaking.lines_of(count)
    assert [(p.code, lt.number, line.expected_quantity, line.expected_weight) for line, p, lt in lines] == [
        ("P002", "LC", D("20"), D("250.000")), ("P003", "LC", D("10"), D("201.000"))]
    with as_user("manager", p1):
        book = openpyxl.load_workbook(io.BytesIO(stocktaking.sheet(count)))
    sheet = book.active
    assert [c.value for c in sheet[1]][:2] == ["Line", "Product code"]
    sheet["G2"], sheet["H2"], sheet["I2"] = 19, 236.4, "一条后腿破损 one leg damaged"      # counted, P002
    sheet["G3"], sheet["H3"] = 10, "201"                                                # P003 as in the books
    out = io.BytesIO()
    book.save(out)
    with as_user("manager", p1):
        assert stocktaking.read_back(count.id, out.getvalue()) == 2
        stocktaking.post(count.id)
    assert StockCount.get_by_id(count.id).state == "posted"
    (move,) = StockMove.select().where(StockMove.kind == "count")
    assert (move.quantity, move.weight, move.reason, move.reference) == (
        D("-1"), D("-13.600"), "一条后腿破损 one leg damaged", count.number)
    levels = {(lv.product_id, lv.lot_id): (lv.quantity, lv.weight) for lv in StockLevel.select()}
    assert levels[(product("P002").id, lot.id)] == (D("19"), D("236.400"))
    assert levels[(product("P003").id, lot.id)] == (D("10"), D("201.000"))
    with as_user("manager", p1), pytest.raises(UserError, match="can no longer change"):
        stocktaking.record(count.id, {1: ("18", "200", "")})


def test_wrong_counts_name_their_line_and_nothing_is_written(counted_store):
    p1, _where, _lot, count = counted_store
    with as_user("manager", p1):
        with pytest.raises(UserError, match="Line 2: give the counted quantity and weight both"):
            stocktaking.record(count.id, {1: ("19", "240", ""), 2: ("10", "", "")})
        with pytest.raises(UserError, match="Line 1, Counted weight"):
            stocktaking.record(count.id, {1: ("19", "abc", "")})
        with pytest.raises(UserError, match="Nothing has been counted"):
            stocktaking.post(count.id)
    assert all(line.counted_quantity is None for line, _p, _l in stocktaking.lines_of(count))


def test_goods_found_that_the_books_do_not_hold(counted_store):
    p1, where, lot, count = counted_store
    with as_user("manager", p1):
        line = stocktaking.add_line(count.id, product("P004").id, "LC")
        with pytest.raises(UserError, match="already have a line"):
            stocktaking.add_line(count.id, product("P004").id, "LC")
        stocktaking.record(count.id, {line.seq: ("3", "45.3", "找到 found")})
        stocktaking.post(count.id)
    (level,) = StockLevel.select().where((StockLevel.product == product("P004").id) & (StockLevel.lot == lot.id))
    assert (level.quantity, level.weight, level.warehouse_id) == (D("3"), D("45.300"), where["CS"].id)
