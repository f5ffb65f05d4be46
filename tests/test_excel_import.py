"""Importing customers, products and prices from messy real-world workbooks: all rows or none."""
import datetime
from decimal import Decimal

import pytest
from flask_babel import force_locale

from addons.master_data.excel import CUSTOMERS, PRICES, PRODUCTS
from addons.master_data.models.customer import Customer
from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from core.excel.importer import run_import
from core.excel.reader import FileError
from tests.excel_files import workbook

HEADER_ZH = ["信用额度", "客户名称", "备注（多余的列）", "客户编码", "地区编码", "启用", "业务员"]


def test_messy_customer_file_imports(ctx, demo):
    data = workbook([
        HEADER_ZH,
        ["１２，３４５．５０", "  全角客户  ", "ignored", "００１２３", "310100", "是", "sales"],
        [50000, "Numeric code", "", 456, "320100", "否", ""],
        [None, None, None, None, None, None, None],          # empty row inside the data
        ["0", "Text number", "x", "00789", "", "yes", "sales"],
    ], title_rows=["华东肉联厂 客户资料 2026"])
    result = run_import(CUSTOMERS, data, demo["P1"], dry_run=False)
    assert result.ok, result.problems
    assert (result.total, result.created) == (3, 3)
    first = Customer.get(plant=demo["P1"], code="00123")
    assert first.name == "全角客户" and first.credit_limit == Decimal("12345.50")
    assert first.region.city == "上海市" and first.salesperson.login == "sales" and first.active
    assert Customer.get(plant=demo["P1"], code="456").active is False
    assert Customer.get(plant=demo["P1"], code="00789").credit_limit == Decimal("0")


def test_english_headers_in_any_order_update_existing_rows(ctx, demo):
    data = workbook([["Customer name", "Customer code", "Payment days"], ["Renamed", "P1C001", 45]])
    result = run_import(CUSTOMERS, data, demo["P1"], dry_run=False)
    assert (result.created, result.updated) == (0, 1)
    customer = Customer.get(plant=demo["P1"], code="P1C001")
    assert customer.name == "Renamed" and customer.payment_days == 45
    assert customer.credit_limit == Decimal("50000")  # a column not in the file is left alone


BAD_ROWS = [
    ["客户编码", "客户名称", "信用额度", "账期天数", "地区编码", "客户类别", "价格表"],
    ["A1", "Good", "100", 30, "310100", "渠道客户", "WHS"],
    ["A2", "", "100", 30, "", "", ""],                   # name missing
    ["A3", "Bad limit", "-5", 30, "", "", ""],           # below zero
    ["A4", "Bad days", "100", 3.5, "", "", ""],          # fractional days
    ["A1", "Duplicate", "100", 30, "", "", ""],          # same key as row 3
    ["A 6", "Space code", "100", 30, "", "", ""],
    ["A7", "Unknown refs", "abc", 30, "999999", "alien", "NOLIST"],
]


def test_dry_run_reports_every_bad_row_and_writes_nothing(ctx, demo):
    before = Customer.select().count()
    result = run_import(CUSTOMERS, workbook(BAD_ROWS), demo["P1"], dry_run=True)
    found = {(p.row, p.column) for p in result.problems}
    assert found == {(3, "客户名称"), (4, "信用额度"), (5, "账期天数"), (6, "客户编码"), (7, "客户编码"),
                     (8, "信用额度"), (8, "地区编码"), (8, "客户类别"), (8, "价格表")}
    assert Customer.select().count() == before


def test_a_bad_row_stops_the_whole_import(ctx, demo):
    before = Customer.select().count()
    result = run_import(CUSTOMERS, workbook(BAD_ROWS), demo["P1"], dry_run=False)
    assert not result.ok and result.created == 0
    assert Customer.select().count() == before
    assert not Customer.select().where(Customer.code == "A1").exists()


def test_messages_are_in_the_users_language(ctx, demo):
    with force_locale("zh_Hans_CN"):
        zh = run_import(CUSTOMERS, workbook(BAD_ROWS), demo["P1"])
    with force_locale("en"):
        en = run_import(CUSTOMERS, workbook(BAD_ROWS), demo["P1"])
    assert "必填。" in [p.message for p in zh.problems]
    assert "Required." in [p.message for p in en.problems]
    assert "与第 2 行重复。" in [p.message for p in zh.problems]
    assert "必须是整数。" in [p.message for p in zh.problems]


@pytest.mark.parametrize("data, message", [
    (b"this is not a workbook", "not an Excel workbook"),
    (b"PK\x03\x04 broken zip", "not an Excel workbook"),
    (workbook([["name", "age"], ["x", 1]]), "No sheet in this workbook has the columns"),
    (workbook([["客户名称", "信用额度"], ["x", 1]]), "lacks the column 客户编码 / Customer code"),
])
def test_file_level_problems_are_clear(ctx, demo, data, message):
    with pytest.raises(FileError, match=message):
        run_import(CUSTOMERS, data, demo["P1"])


def test_the_right_sheet_is_found_among_others(ctx, demo):
    data = workbook([["产品编码", "产品名称", "销售单位", "计价单位"], ["N1", "New cut", "box", "kg"]],
                    sheet_title="产品", extra_sheets=["说明"])
    result = run_import(PRODUCTS, data, demo["P1"], dry_run=False)
    assert result.ok and Product.get(plant=demo["P1"], code="N1").pricing_unit.code == "kg"


def test_prices_on_lists_and_for_customers(ctx, demo):
    data = workbook([
        ["价格表", "客户编码", "产品编码", "单价", "最低价", "生效日期", "失效日期"],
        ["STD", "", "P002", "27.1234", "25", 46023, ""],                  # Excel serial for 2026-01-01
        ["", "P1C002", "P002", "26.5", "25", "2026/2/1", "2026-12-31"],
        ["STD", "P1C002", "P003", "30", "", "2026-01-01", ""],          # both scopes
        ["", "", "P003", "30", "", "2026-01-01", ""],                    # neither scope
        ["STD", "", "P004", "30", "31", "2026-01-01", ""],              # floor above price
        ["STD", "", "P005", "30", "", "2026-03-01", "2026-02-01"],      # ends before it starts
        ["STD", "", "NOPE", "30", "", "yesterday", ""],
    ])
    result = run_import(PRICES, data, demo["P1"], dry_run=True)
    assert {p.row for p in result.problems} == {4, 5, 6, 7, 8}
    good = workbook([["价格表", "客户编码", "产品编码", "单价", "最低价", "生效日期"],
                     ["STD", "", "P002", "27.1234", "25", 46023],
                     ["", "P1C002", "P002", "26.5", "25", "2026年2月1日"]])
    result = run_import(PRICES, good, demo["P1"], dry_run=False)
    assert result.ok and (result.created, result.updated) == (1, 1)  # the STD row of 2026-01-01 existed
    row = PriceRow.get(PriceRow.scope_key.startswith("C"), PriceRow.valid_from == datetime.date(2026, 2, 1))
    assert row.customer.code == "P1C002" and row.price == Decimal("26.5000")
    standard = PriceList.get(PriceList.plant == demo["P1"], PriceList.code == "STD")   # the wholesale list has one too
    assert PriceRow.get(PriceRow.price_list == standard, PriceRow.product == row.product,
                        PriceRow.valid_from == datetime.date(2026, 1, 1)).price == Decimal("27.1234")


def test_references_are_plant_scoped(ctx, demo):
    # P2 has no customer P1C001: a price for it is an unknown reference, not a leak across plants.
    data = workbook([["客户编码", "产品编码", "单价", "生效日期"], ["P1C001", "P001", "20", "2026-01-01"]])
    result = run_import(PRICES, data, demo["P2"])
    assert [p.column for p in result.problems] == ["客户编码"]


def test_a_huge_file_is_refused_before_it_is_read(ctx, demo, monkeypatch):
    import core.excel.reader as reader
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    with pytest.raises(FileError, match="larger than"):
        run_import(CUSTOMERS, workbook([["客户编码", "客户名称"]] + [[f"H{n}", "x" * 50] for n in range(200)]),
                   demo["P1"])


def test_an_imported_customers_salesperson_is_active_staff_of_the_plant(ctx, demo):
    from core.models import User
    User.update(active=False).where(User.login == "leader").execute()
    rows = [["客户编码", "客户名称", "业务员"],
            ["S1", "Staff of P1", "sales"],        # fine
            ["S2", "Staff of P2 only", "sales2"],  # another plant's salesperson
            ["S3", "A portal login", "customer"],  # acts for a customer
            ["S4", "Gone", "leader"],              # deactivated
            ["S5", "Nobody", "ghost"]]
    result = run_import(CUSTOMERS, workbook(rows), demo["P1"], dry_run=False)
    assert not result.ok and Customer.select().where(Customer.code.in_(["S1", "S2", "S3", "S4", "S5"])).count() == 0
    assert [(p.row, p.column) for p in result.problems] == [(3, "业务员"), (4, "业务员"), (5, "业务员"), (6, "业务员")]
    assert "sales2 is not an active staff member of this plant." in [p.message for p in result.problems]
