"""Master data screens: forms with references, validation per field, addresses and contacts."""
from decimal import Decimal

from addons.master_data.models.customer import Customer, CustomerAddress, CustomerContact
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.region import Region
from addons.master_data.models.unit import Unit


def test_customer_form_saves_references_and_shows_field_errors(browser, ctx, demo):
    b = browser("manager")
    region = Region.get(Region.code == "320500")
    bad = b.post("/master/customers/new", {"code": "N1", "name": "", "kind": "end", "credit_limit": "-3",
                                           "payment_days": "0", "rating": "B", "region": str(region.id)})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 200 and page.count("invalid-feedback") >= 2
    ok = b.post("/master/customers/new", {"code": "N1", "name": "苏州客户", "kind": "channel", "credit_limit": "8000.5",
                                          "payment_days": "20", "rating": "A", "region": str(region.id)})
    assert ok.status_code == 302
    customer = Customer.get(Customer.code == "N1")
    assert customer.region.city == "苏州市" and customer.credit_limit == Decimal("8000.50")
    edit_page = b.get(f"/master/customers/{customer.id}").get_data(as_text=True)
    assert f'<option selected value="{region.id}">' in edit_page or f'value="{region.id}" selected' in edit_page


def test_addresses_and_contacts_on_the_customer_page(browser, ctx, demo):
    customer = Customer.get(Customer.code == "P1C001")
    b = browser("sales")
    b.post(f"/master/customers/{customer.id}/addresses", {"address-address": "上海市浦东新区 1 号",
                                                          "address-is_default": "y"})
    b.post(f"/master/customers/{customer.id}/addresses", {"address-address": "上海市闵行区 2 号",
                                                          "address-is_default": "y"})
    addresses = list(CustomerAddress.select().where(CustomerAddress.customer == customer).order_by(CustomerAddress.id))
    assert [a.is_default for a in addresses] == [False, True]  # one default at a time
    b.post(f"/master/customers/{customer.id}/contacts", {"contact-name": "周老板", "contact-phone": "13800000000"})
    page = b.get(f"/master/customers/{customer.id}").get_data(as_text=True)
    assert "浦东新区" in page and "周老板" in page
    b.post(f"/master/customers/{customer.id}/addresses/{addresses[0].id}/delete")
    assert CustomerAddress.select().where(CustomerAddress.customer == customer).count() == 1
    empty = b.post(f"/master/customers/{customer.id}/contacts", {"contact-name": ""}, follow_redirects=True)
    assert CustomerContact.select().count() == 1 and "alert-danger" in empty.get_data(as_text=True)


def test_another_plants_customer_parts_are_out_of_reach(browser, ctx, demo):
    north = Customer.get(Customer.code == "P2C001")
    b = browser("sales")
    assert b.post(f"/master/customers/{north.id}/addresses", {"address-address": "x"}).status_code == 404
    assert CustomerAddress.select().count() == 0


def test_price_form_rules(browser, ctx, demo):
    from addons.master_data.models.price import PriceList
    from addons.master_data.models.product import Product
    b = browser("manager")
    std = PriceList.get(PriceList.plant == demo["P1"], PriceList.code == "STD")
    product = Product.get(Product.plant == demo["P1"], Product.code == "P002")
    before = PriceRow.select().count()
    page = b.post("/master/price_rows/new", {"price_list": str(std.id), "product": str(product.id), "price": "20",
                                             "floor_price": "25", "valid_from": "2026-05-01"}).get_data(as_text=True)
    assert "最低价高于单价" in page
    duplicate = b.post("/master/price_rows/new", {"price_list": str(std.id), "product": str(product.id),
                                                  "price": "30", "floor_price": "25", "valid_from": "2026-01-01"})
    assert "已存在相同的记录" in duplicate.get_data(as_text=True)
    assert b.post("/master/price_rows/new", {"price_list": str(std.id), "product": str(product.id), "price": "30.1234",
                                             "floor_price": "25", "valid_from": "2026-05-01"}).status_code == 302
    assert PriceRow.select().count() == before + 1
    assert "¥30.1234" in b.get("/master/price_rows").get_data(as_text=True)


def test_company_wide_lists_need_admin_rights_to_change(browser, ctx, demo):
    assert browser("manager").get("/master/units").status_code == 200
    assert browser("manager").post("/master/units/new", {"code": "bag", "name": "袋", "kind": "count"}).status_code == 403
    admin = browser("admin")
    bad = admin.post("/master/units/new", {"code": "lb", "name": "磅", "kind": "weight", "kg_factor": "0"})
    assert "需要填写与千克的换算系数" in bad.get_data(as_text=True)
    admin.post("/master/units/new", {"code": "lb", "name": "磅", "kind": "weight", "kg_factor": "0.453592"})
    assert Unit.get(Unit.code == "lb").kg_factor == Decimal("0.453592")


def test_portal_users_are_linked_to_one_customer(browser, ctx, demo):
    from addons.master_data.models.customer import CustomerLogin
    from core.users import create_user
    portal = create_user("buyer2", "Buyer Two", "password123", roles=["customer"], plants=["P1"])
    create_user("clerk9", "Not a customer", "password123", roles=["sales"], plants=["P1"])
    second = Customer.get(Customer.code == "P1C002")
    b = browser("manager")
    page = b.get(f"/master/customers/{second.id}").get_data(as_text=True)
    choices = page[page.index('id="add-login"'):].split("</form>")[0]
    assert "buyer2" in choices and "clerk9" not in choices and ">customer " not in choices  # demo user is taken
    b.post(f"/master/customers/{second.id}/logins", {"login-user": str(portal.id)})
    assert CustomerLogin.get(CustomerLogin.user == portal.id).customer_id == second.id
    other = Customer.get(Customer.code == "P1C003")
    b.post(f"/master/customers/{other.id}/logins", {"login-user": str(portal.id)})  # already taken: refused
    assert CustomerLogin.select().where(CustomerLogin.user == portal.id).count() == 1
