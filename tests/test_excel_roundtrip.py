"""Export then import gives the same data; exported text can never run as a formula."""
import datetime
from decimal import Decimal

from addons.master_data.excel import CUSTOMERS, PRICES
from addons.master_data.initials import initials
from addons.master_data.models.customer import Customer
from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from core.excel.importer import run_import
from core.excel.writer import export, template
from tests.excel_files import read

N_CUSTOMERS, N_PRICES = 10_000, 50_000


def _snapshot(model, plant):
    fields = [f for f in model._meta.sorted_field_names if f != "id"]
    rows = [tuple(row[f] for f in fields) for row in model.select().where(model.plant == plant).dicts()]
    return sorted(rows, key=repr)  # None sorts with the rest


def _name(n):
    return f"=HYPERLINK(\"x\") 客户{n}" if n == 7 else f"客户 {n}"


def _generate(plant):
    lists = list(PriceList.select().where(PriceList.plant == plant))
    products = list(Product.select().where(Product.plant == plant))
    customers = [{"plant": plant.id, "code": f"G{n:05d}", "name": _name(n), "initials": initials(_name(n)),
                  "credit_limit": Decimal(n) / 4, "payment_days": n % 90,
                  "kind": "channel" if n % 2 else "end", "phone": f"+86 21 {n:08d}" if n % 5 == 0 else "",
                  "active": n % 11 != 0} for n in range(N_CUSTOMERS)]
    for start in range(0, len(customers), 1000):
        Customer.insert_many(customers[start:start + 1000]).execute()
    rows = []
    for n in range(N_PRICES):
        price = Decimal(1000 + n) / 100 + Decimal("0.0001") * (n % 7)
        rows.append({"plant": plant.id, "price_list": lists[n % len(lists)].id, "scope_key": f"L{lists[n % len(lists)].id}",
                     "product": products[n % len(products)].id, "price": price, "floor_price": price - 1,
                     "valid_from": datetime.date(1990, 1, 1) + datetime.timedelta(days=n // 10),
                     "valid_to": None if n % 3 else datetime.date(2030, 1, 1)})
    for start in range(0, len(rows), 1000):
        PriceRow.insert_many(rows[start:start + 1000]).execute()


def test_export_import_export_is_identical_for_10k_customers_and_50k_prices(ctx, demo):
    plant = demo["P1"]
    _generate(plant)
    customers, prices = _snapshot(Customer, plant), _snapshot(PriceRow, plant)
    first_customers, first_prices = export(CUSTOMERS, plant, "zh_Hans_CN"), export(PRICES, plant, "en")
    assert len(read(first_customers)) == Customer.select().where(Customer.plant == plant).count() + 1

    result = run_import(CUSTOMERS, first_customers, plant, dry_run=False)
    assert result.ok, result.problems[:5]
    assert result.created == 0 and result.updated == len(customers)
    result = run_import(PRICES, first_prices, plant, dry_run=False)
    assert result.ok, result.problems[:5]
    assert result.created == 0 and result.updated == len(prices)

    assert _snapshot(Customer, plant) == customers
    assert _snapshot(PriceRow, plant) == prices
    assert read(export(CUSTOMERS, plant, "zh_Hans_CN")) == read(first_customers)


def test_exported_text_is_never_a_formula(ctx, demo):
    from io import BytesIO

    from openpyxl import load_workbook
    Customer.create(plant=demo["P1"], code="F1", name="=1+2", phone="+86 123", address="@SUM(A1)")
    Customer.create(plant=demo["P1"], code="F2", name="-2+3", phone="", address="")
    sheet = load_workbook(BytesIO(export(CUSTOMERS, demo["P1"], "en"))).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in cells} >= {"=1+2", "+86 123", "@SUM(A1)", "-2+3"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_template_has_the_headers_in_the_users_language(ctx):
    assert read(template(CUSTOMERS, "zh_Hans_CN"))[0][:2] == ["* 客户编码", "* 客户名称"]
    assert read(template(CUSTOMERS, "en"))[0][:2] == ["* Customer code", "* Customer name"]


def test_a_template_filled_in_imports(ctx, demo):
    from openpyxl import load_workbook
    from io import BytesIO
    wb = load_workbook(BytesIO(template(CUSTOMERS, "zh_Hans_CN")))
    wb.active.append(["T1", "From template"])
    out = BytesIO()
    wb.save(out)
    assert run_import(CUSTOMERS, out.getvalue(), demo["P1"], dry_run=False).created == 1
