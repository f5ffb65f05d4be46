"""Lots imported from a workbook (both languages' headers), the opening stock posted from one: a wrong row is
named and nothing is posted; the right file gives the levels it says."""
import datetime
from decimal import Decimal as D

import pytest

from addons.stock import excel
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.models.move import StockMove
from core.errors import UserError
from core.excel.importer import run_import
from tests.excel_files import read, workbook
from tests.sales_helpers import as_user, product
from tests.stock_helpers import stores


def test_lots_from_a_chinese_workbook(ctx, demo):
    p1 = demo["P1"]
    data = workbook([["批次号", "屠宰/生产日期", "头数", "保质期(天)", "动物检疫合格证明", "肉品品质检验合格证", "非洲猪瘟检测报告"],
                     ["L-100", "2026-12-01", 40, 7, "3200120001", "QC-1", "ASF-1"],
                     ["L-101", datetime.date(2026, 12, 2), 38, 5, "3200120002", "QC-2", ""]])
    result = run_import(excel.LOTS, data, p1, dry_run=False)
    assert result.ok and result.created == 2, result.problems
    lot = Lot.get(Lot.number == "L-101")
    assert (lot.heads, lot.expires_on, lot.missing_certificates) == (38, datetime.date(2026, 12, 7), ["ASF test report"])


def test_opening_stock_from_a_workbook(ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    Lot.create(plant=p1, number="L-7", day=datetime.date(2026, 12, 1))
    blank = read(excel.opening_template("en"))
    assert blank[0] == ["Warehouse code", "Product code", "Lot number", "Quantity", "Weight (kg)"]
    bad = workbook([blank[0], ["CS", "P002", "L-7", 10, "125.5"], ["CS", "P999", "", 1, 2]])
    with as_user("manager", p1), pytest.raises(UserError, match="Row 3, Product code: There is no P999"):
        excel.post_opening(p1.id, bad, "en")
    assert StockMove.select().count() == 0
    good = workbook([blank[0], ["CS", "P002", "L-7", 10, "125.5"], ["DA", "P003", "", 2, 40]])
    with as_user("manager", p1):
        assert excel.post_opening(p1.id, good, "en") == 2
    levels = {(lv.warehouse_id, lv.product_id): (lv.quantity, lv.weight, lv.lot_id) for lv in StockLevel.select()}
    assert levels[(where["CS"].id, product("P002").id)][:2] == (D("10"), D("125.500"))
    assert levels[(where["DA"].id, product("P003").id)] == (D("2"), D("40.000"), None)
