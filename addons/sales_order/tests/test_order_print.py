"""The order confirmation prints for the customer: the lines, prices and amounts, the company's header, and
none of the review's figures (floor prices, price checks, credit)."""
from addons.sales_order.orders import create_order
from core.models import User
from tests.sales_helpers import as_user, customer, days_ahead, line


def test_the_order_confirmation(browser, ctx, demo):
    p1 = demo["P1"]
    User.update(lang="en").execute()
    with as_user("sales", p1):
        order = create_order(customer("P1C001"), days_ahead(3), [line("P002", 10), line("P005", 2)])
    sales = browser("sales")
    assert 'id="print-order"' in sales.get(f"/sales/orders/{order.id}").get_data(as_text=True)
    page = sales.get(f"/sales/orders/{order.id}/print").get_data(as_text=True)
    assert "Order confirmation" in page and f'<span id="doc-number">{order.number}</span>' in page
    assert "P002 猪后腿 Hind leg" in page and "P005 猪蹄 Trotters (box)" in page
    assert f'id="doc-amount">CN¥{order.amount:,.2f}</td>' in page and "billed on the kilograms weighed" in page
    for internal in ("Floor", "List / floor", "Price check", "credit", "navbar"):
        assert internal not in page
