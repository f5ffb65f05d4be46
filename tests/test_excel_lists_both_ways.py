"""Every list with an Excel import exports, from its own page and filtered as shown, a workbook that imports
back unchanged; dictionary values are read by code or name, and a wrong one is refused naming the codes."""
from flask import current_app

from addons.master_data.excel import CUSTOMERS
from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core.excel.importer import run_import
from tests.excel_files import read, workbook

# the list page of each importer; an importer without a list says so here
LISTS = {"customers": "/master/customers", "products": "/master/products", "prices": "/master/price_rows",
         "categories": "/master/categories", "regions": "/master/regions", "dictionaries": "/master/dictionaries",
         "vehicles": "/dispatch/vehicles", "container_types": "/dispatch/container_types",
         "return_reasons": "/returns/reasons", "warehouses": "/stock/warehouses", "lots": "/stock/lots",
         "suppliers": "/purchase/suppliers", "leads": "/crm/leads"}
NO_LIST = set()     # an importer without a list would be named here, with the reason


def _seed(plant):
    """A record in each list the master-data demo leaves empty, with every column filled."""
    import datetime
    from decimal import Decimal

    from addons.crm.models.lead import Lead
    from addons.dispatch.models.container import ContainerType
    from addons.master_data.models.dictionary import DictionaryEntry
    from core.models import User
    from addons.dispatch.models.vehicle import Vehicle
    from addons.purchase.models.supplier import Supplier
    from addons.returns.models.reason import ReturnReason
    from addons.stock.models.lot import Lot
    from addons.stock.models.warehouse import Warehouse
    Vehicle.create(plant=plant, plate="沪C·10001", capacity_kg=Decimal("9500.5"), driver="王师傅", phone="139",
                   carrier="=顺丰", active=False)
    ContainerType.create(plant=plant, code="CR18", name="周转箱", tare_kg=Decimal("1.8"))
    ReturnReason.create(plant=plant, code="Q", name="质量问题")
    Warehouse.create(plant=plant, code="F1", name="冷库一", kind="freezer")
    Supplier.create(plant=plant, code="S9", name="东台养殖场", category="live_hogs", contact="李", phone="0515",
                    address="东台", tax_id="9132", bank_name="农行", bank_account="1040", payment_days=7)
    Lead.create(plant=plant, name="城南团餐中心", contact="李经理", phone="137", address="城南路 1 号", notes="=先电话",
                source=DictionaryEntry.get(DictionaryEntry.kind == "customer_source"),
                salesperson=User.get(User.login == "sales"))
    Lot.create(plant=plant, number="L-20261201", day=datetime.date(2026, 12, 1), heads=40, origin="江苏",
               shelf_life_days=7, expires_on=datetime.date(2026, 12, 8), quarantine_cert="3200120001")


def _rows(spec, plant):
    model = spec.model
    query = model.select()
    if spec.plant_scoped:
        query = query.where(model.plant == plant)
    return sorted((tuple(row.values()) for row in query.dicts()), key=repr)


def test_every_importer_has_a_list_whose_export_imports_back_unchanged(browser, ctx, demo):
    importers = current_app.extensions["erp"].registry.importers
    assert set(importers) == set(LISTS) | NO_LIST
    _seed(demo["P1"])
    admin = browser("admin")
    for name, url in LISTS.items():
        spec = importers[name][1]
        answer = admin.get(url + "?export=xlsx")
        assert answer.status_code == 200, name
        data = answer.get_data()
        sheet = read(data)
        assert sheet[0] == [c.header("zh_Hans_CN") for c in spec.columns], name
        assert len(sheet) > 1, f"{name}: the demo has rows to export"
        before = _rows(spec, demo["P1"])
        result = run_import(spec, data, demo["P1"], dry_run=False)
        assert result.ok, (name, result.problems[:3])
        assert result.created == 0 and result.updated == len(sheet) - 1, name
        assert _rows(spec, demo["P1"]) == before, name


def test_a_filtered_list_exports_only_what_it_shows(browser, ctx, demo):
    sheet = read(browser("admin").get("/master/customers?q=P1C002&export=xlsx").get_data())
    assert [row[0] for row in sheet[1:]] == ["P1C002"]
    assert sheet[1][10] == "sales"                       # the salesperson by login, as the importer reads it


def test_dictionary_values_by_code_or_name_and_the_valid_codes_named(ctx, demo):
    nature = DictionaryEntry.get((DictionaryEntry.kind == "customer_nature") & (DictionaryEntry.code == "retail"))
    data = workbook([["客户编码", "客户名称", "客户性质"], ["D1", "按编码", "retail"], ["D2", "按名称", nature.name]])
    result = run_import(CUSTOMERS, data, demo["P1"], dry_run=False)
    assert result.ok, result.problems
    assert {c.code: c.nature_id for c in Customer.select().where(Customer.code.in_(["D1", "D2"]))} == {
        "D1": nature.id, "D2": nature.id}
    bad = run_import(CUSTOMERS, workbook([["客户编码", "客户名称", "客户性质"], ["D3", "错", "零售商"]]),
                     demo["P1"], dry_run=True)
    message = bad.problems[0].message
    assert "零售商" in message and "retail (" in message and "wholesale (" in message
