"""The audit log as people read it: the action in their language, the document by its number (all of its
history from a click), what changed field by field, filtered by who did it."""
from addons.sales_order.orders import create_order
from core.models import User
from tests.sales_helpers import as_user, customer, days_ahead, line


def test_an_orders_history_by_its_number(browser, ctx, demo):
    p1 = demo["P1"]
    User.update(lang="zh_Hans_CN").execute()
    with as_user("sales", p1):
        order = create_order(customer("P1C001"), days_ahead(5), [line("P002", 2)])
        order.submit()
    with as_user("manager", p1):
        order.reject(comment="改日期")
    admin = browser("admin")
    page = admin.get(f"/audit?number={order.number}").get_data(as_text=True)
    table = page[page.index('id="audit"'):]
    assert "状态变更" in table and "改日期" in table and f">{order.number}</a>" in table
    assert "<strong>state</strong>: <span class=\"text-decoration-line-through text-muted\">submitted</span> → draft" in table
    sales = User.get(User.login == "sales")
    mine = admin.get(f"/audit?number={order.number}&user={sales.id}").get_data(as_text=True)
    assert "改日期" not in mine[mine.index('id="audit"'):]                  # the rejection was the manager's
