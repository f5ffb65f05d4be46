"""Fields a plant adds with no code: an administrator adds a delivery slot to orders and a stall number to
customers; they appear on the forms (required where said), in the lists with a filter, in the Excel export,
on the printed order and on a delivery note's own form."""
import re

from addons.plant_fields.models.field import PlantField, PlantFieldValue
from addons.sales_order.models.order import Order
from core.models import User
from tests.excel_files import read
from tests.sales_helpers import customer, days_ahead, product


def test_an_order_field_and_a_customer_field_added_by_the_administrator(browser, ctx, demo):
    User.update(lang="en").execute()
    admin, sales = browser("admin"), browser("sales")
    made = admin.post("/plant-fields/fields/new", {"target": "order", "code": "slot", "label": "Delivery slot",
                                                   "kind": "choice", "choices": "am=Morning\npm=Afternoon",
                                                   "required": "y", "sequence": "10", "active": "y"})
    assert made.status_code == 302
    admin.post("/plant-fields/fields/new", {"target": "customer", "code": "stall", "label": "Stall number",
                                            "kind": "number", "sequence": "10", "active": "y"})
    bad = admin.post("/plant-fields/fields/new", {"target": "order", "code": "Bad Code", "label": "x", "kind": "text",
                                                  "sequence": "1", "active": "y"})
    assert bad.status_code == 200 and PlantField.select().count() == 2

    form = sales.get("/sales/orders/new").get_data(as_text=True)
    assert 'name="x_slot"' in form and "Delivery slot" in form
    post = {"customer": customer("P1C002").id, "delivery_date": days_ahead(5).isoformat(), "channel": "phone",
            "delivery_address": "", "remarks": "", "lines-0-product": product("P002").id, "lines-0-quantity": "2"}
    refused = sales.post("/sales/orders/new", post)
    assert refused.status_code == 200 and Order.select().count() == 0          # the slot is required
    assert sales.post("/sales/orders/new", {**post, "x_slot": "pm"}).status_code == 302
    assert sales.post("/sales/orders/new", {**post, "x_slot": "am"}).status_code == 302
    pm = Order.select().order_by(Order.id).first()
    assert PlantFieldValue.get(PlantFieldValue.record_id == pm.id).value == "pm"

    listing = sales.get("/sales/orders").get_data(as_text=True)
    assert "Delivery slot" in listing and "Afternoon" in listing and "Morning" in listing
    only_pm = sales.get("/sales/orders?x_slot=pm").get_data(as_text=True)
    assert pm.number in only_pm and "Morning" not in re.sub(r"<select.*?</select>", "", only_pm, flags=re.S)
    sheet = read(sales.get("/sales/orders?export=xlsx").get_data())
    column = sheet[0].index("Delivery slot")
    assert sorted(row[column] for row in sheet[1:]) == ["Afternoon", "Morning"]
    printed = sales.get(f"/sales/orders/{pm.id}/print").get_data(as_text=True)
    assert "Delivery slot: Afternoon" in printed

    edit = sales.get(f"/sales/orders/{pm.id}/edit").get_data(as_text=True)
    assert re.search(r'<option selected value="pm">|<option value="pm" selected', edit)

    stall = admin.get(f"/master/customers/{customer('P1C002').id}").get_data(as_text=True)
    assert 'name="x_stall"' in stall
    page = admin.get(f"/master/customers/{customer('P1C002').id}").get_data(as_text=True)
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    fields = dict(re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', page))
    fields.update({"x_stall": "12", "csrf_token": token, "kind": "end", "rating": "B"})
    admin.post(f"/master/customers/{customer('P1C002').id}", fields)
    stalls = admin.get("/master/customers?q=P1C002").get_data(as_text=True)
    assert "Stall number" in stalls and ">12<" in stalls.replace(" ", "")


def test_the_api_reads_a_records_plant_fields(call, ctx, demo):
    from addons.plant_fields.values import save
    field = PlantField.create(plant=demo["P1"], target="customer", code="stall", label="Stall", kind="number")
    save(demo["P1"].id, customer("P1C002").id, {field: "12.5"})
    send = call("admin")
    one = send("GET", f"/customers/{customer('P1C002').id}")
    assert one.get_json()["plant_fields"] == {"stall": "12.5"}
    listed = {c["code"]: c for c in send("GET", "/customers?q=P1C00").get_json()["items"]}
    assert listed["P1C002"]["plant_fields"] == {"stall": "12.5"} and listed["P1C001"]["plant_fields"] == {"stall": None}


def test_a_customer_field_goes_out_to_excel_and_comes_back_in(browser, ctx, demo):
    from addons.master_data.excel import CUSTOMERS
    from core.excel.importer import run_import
    from openpyxl import load_workbook
    import io
    p1 = demo["P1"]
    User.update(lang="en").execute()
    stall = PlantField.create(plant=p1, target="customer", code="stall", label="Stall number", kind="number")
    PlantField.create(plant=p1, target="customer", code="market", label="Market", kind="choice",
                      choices="n=North market\ns=South market")
    from addons.plant_fields.values import save
    save(p1.id, customer("P1C002").id, {stall: "12"})
    data = browser("admin").get("/master/customers?q=P1C00&export=xlsx").get_data()
    sheet = read(data)
    assert sheet[0][-2:] == ["Stall number", "Market"]
    row = next(r for r in sheet[1:] if r[0] == "P1C002")
    assert row[-2] in (12, "12", 12.0)
    book = load_workbook(io.BytesIO(data))
    ws = book.active
    for cells in ws.iter_rows(min_row=2):
        if cells[0].value == "P1C001":
            cells[-2].value, cells[-1].value = 7.5, "South market"       # by the label, as a user types it
        if cells[0].value == "P1C002":
            cells[-2].value = "x"                                     # not a number: the whole file is refused
    out = io.BytesIO()
    book.save(out)
    refused = run_import(CUSTOMERS, out.getvalue(), p1, dry_run=False)
    assert not refused.ok and any(p.column == "Stall number" for p in refused.problems)
    for cells in ws.iter_rows(min_row=2):
        if cells[0].value == "P1C002":
            cells[-2].value = 12
    out = io.BytesIO()
    book.save(out)
    done = run_import(CUSTOMERS, out.getvalue(), p1, dry_run=False)
    assert done.ok, done.problems[:3]
    values = {(v.field.code, v.record_id): v.value for v in PlantFieldValue.select()}
    assert values[("stall", customer("P1C001").id)] == "7.5" and values[("market", customer("P1C001").id)] == "s"
    assert values[("stall", customer("P1C002").id)] == "12"


def test_the_api_writes_a_records_plant_fields_as_checked_as_the_form(call, ctx, demo):
    PlantField.create(plant=demo["P1"], target="customer", code="stall", label="Stall", kind="number")
    PlantField.create(plant=demo["P1"], target="customer", code="market", label="Market", kind="choice",
                      choices="n=North\ns=South")
    send = call("admin")
    who = customer("P1C002").id
    bad = send("PATCH", f"/customers/{who}", json={"plant_fields": {"stall": "many"}})
    assert bad.status_code == 422 and "plant_fields.stall" in bad.get_json()["error"]["details"]
    unknown = send("PATCH", f"/customers/{who}", json={"plant_fields": {"colour": "red"}})
    assert unknown.status_code == 422
    ok = send("PATCH", f"/customers/{who}", json={"name": "客户2 Customer 2", "plant_fields": {"stall": "8", "market": "s"}})
    assert ok.status_code == 200, ok.get_json()
    assert ok.get_json()["plant_fields"] == {"stall": "8", "market": "s"}
