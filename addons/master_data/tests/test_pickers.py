"""Customers and products are chosen by typing: the server suggests by code, name or pinyin initials, only
the plant's (and, where a form says so, only the user's own), and what a form receives is checked again."""
import pytest

from addons.master_data.initials import initials
from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import Order
from core.models import User
from tests.sales_helpers import customer, days_ahead, product


@pytest.fixture(autouse=True)
def english(demo):
    User.update(lang="en").execute()


def _labels(client, url):
    answer = client.get(url)
    assert answer.status_code == 200
    return [row["label"] for row in answer.get_json()]


def test_initials_of_chinese_names_letters_and_digits():
    assert initials("周记肉铺1 Customer 1") == "zjrp1customer1"
    assert initials("猪后腿") == "zht"
    assert initials("华东肉联厂") == "hdrlc"
    assert initials("Ａ·—") == ""        # full-width and punctuation add nothing


def test_suggestions_by_code_name_and_initials_of_this_plant_only(browser, ctx, demo):
    sales = browser("sales")
    assert _labels(sales, "/master/pick/customers?q=P1C00")[:2] == ["P1C001 周记肉铺1 Customer 1",
                                                                   "P1C002 客户2 Customer 2"]
    assert _labels(sales, "/master/pick/customers?q=周记") == ["P1C001 周记肉铺1 Customer 1"]
    assert _labels(sales, "/master/pick/customers?q=zjrp") == ["P1C001 周记肉铺1 Customer 1"]
    assert _labels(sales, "/master/pick/customers?q=P2C001") == []          # another plant's customer
    assert _labels(sales, "/master/pick/products?q=zht") == ["P002 猪后腿 Hind leg"]
    assert len(_labels(sales, "/master/pick/customers?q=")) == 8


def test_a_form_offering_own_customers_shows_a_salesperson_only_theirs(browser, ctx, demo):
    Customer.update(salesperson=None).where(Customer.code == "P1C003").execute()
    own = _labels(browser("sales"), "/master/pick/customers?q=P1C&own_unless=ledger.all_customers")
    assert "P1C002 客户2 Customer 2" in own and not any(label.startswith("P1C003") for label in own)
    everyone = _labels(browser("finance"), "/master/pick/customers?q=P1C&own_unless=ledger.all_customers")
    assert any(label.startswith("P1C003") for label in everyone)


def test_suggestions_need_the_right_to_read_customers(browser, ctx, demo):
    assert browser("customer").get("/master/pick/customers?q=P").status_code == 403
    assert browser(None).get("/master/pick/customers?q=P").status_code in (302, 401)


def _order(cust, **extra):
    return {"customer": cust, "delivery_date": days_ahead(5).isoformat(), "channel": "phone",
            "delivery_address": "", "remarks": "", **extra}


def test_an_order_takes_the_customer_and_product_typed_by_code(browser, ctx, demo):
    sales = browser("sales")
    answer = sales.post("/sales/orders/new", _order("", customer_text="P1C002", **{
        "lines-0-product": "", "lines-0-product_text": "P005 猪蹄", "lines-0-quantity": "2"}))
    assert answer.status_code == 302
    order = Order.get()
    assert order.customer.code == "P1C002" and [x.product.code for x in order.lines] == ["P005"]


def test_an_unknown_or_foreign_choice_is_refused_naming_what_was_typed(browser, ctx, demo):
    sales = browser("sales")
    unknown = sales.post("/sales/orders/new", _order("", customer_text="NOBODY", **{
        "lines-0-product": str(product("P005").id), "lines-0-quantity": "2"}))
    assert unknown.status_code == 200 and "nothing matches “NOBODY”" in unknown.get_data(as_text=True)
    foreign = sales.post("/sales/orders/new", _order(str(customer("P2C001").id), customer_text="P1C002", **{
        "lines-0-product": str(product("P005", "P2").id), "lines-0-quantity": "2"}))
    text = foreign.get_data(as_text=True)
    assert foreign.status_code == 200 and "Choose one of the suggestions" in text     # the id wins, and is refused
    assert Order.select().count() == 0


def test_the_form_shows_the_chosen_customer_and_products_by_label(browser, ctx, demo):
    sales = browser("sales")
    page = sales.get(f"/sales/orders/new?customer={customer('P1C002').id}").get_data(as_text=True)
    assert f'name="customer" value="{customer("P1C002").id}"' in page and 'value="P1C002 客户2 Customer 2"' in page
    refused = sales.post("/sales/orders/new", _order(str(customer("P1C002").id), **{
        "lines-0-product": str(product("P005").id), "lines-0-quantity": "1.5"})).get_data(as_text=True)
    assert 'name="lines-0-product_text" value="P005 猪蹄 Trotters (box)"' in refused
