"""Bad input on orders: a clear, translated refusal naming the field or line, and nothing written."""
from decimal import Decimal as D

import pytest

from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order, update_order
from core.errors import PermissionDenied, UserError
from tests.sales_helpers import as_user, customer, days_ahead, line, product


def _nothing_written():
    return Order.select().count() == 0 and OrderLine.select().count() == 0


@pytest.mark.parametrize("quantity, message", [("0", "more than zero"), ("-2", "more than zero"),
                                               ("1.5", "whole"), ("many", "Not a number"), ("1.0001", "decimals")])
def test_bad_quantities_name_the_line(ctx, demo, quantity, message):
    with as_user("sales", demo["P1"]), pytest.raises(UserError, match=message) as refused:
        create_order(customer("P1C002"), days_ahead(5), [line("P005", 1), line("P002", quantity)])
    assert "lines-1-quantity" in refused.value.details and "Line 2" in str(refused.value)
    assert _nothing_written()


def test_a_product_without_a_price_for_the_customer_cannot_be_ordered(ctx, demo):
    unpriced = Product.create(plant=demo["P1"], code="P099", name="Secret cut", selling_unit=product("P005").selling_unit,
                              pricing_unit=product("P005").pricing_unit)
    with as_user("sales", demo["P1"]), pytest.raises(UserError, match="may not buy Secret cut"):
        create_order(customer("P1C002"), days_ahead(5), [line("P005", 1), line("P099", 1)])
    p2_product = product("P001", "P2")
    with as_user("sales", demo["P1"]), pytest.raises(UserError, match="product of this plant"):
        create_order(customer("P1C002"), days_ahead(5), [type(line("P005", 1))(p2_product.id, "1")])
    assert _nothing_written() and unpriced.id


def test_blocked_customer_and_empty_order_are_refused(ctx, demo):
    blocked = customer("P1C005")
    blocked.active = False
    blocked.save()
    with as_user("sales", demo["P1"]):
        with pytest.raises(UserError, match="blocked"):
            create_order(blocked, days_ahead(5), [line("P005", 1)])
        with pytest.raises(UserError, match="at least one line"):
            create_order(customer("P1C002"), days_ahead(5), [])
    assert _nothing_written()


def test_delivery_dates_outside_the_windows(ctx, demo):
    with as_user("sales", demo["P1"]):
        with pytest.raises(UserError, match="has passed"):
            create_order(customer("P1C002"), days_ahead(-1), [line("P005", 1)])
        with pytest.raises(UserError, match="only a manager"):
            create_order(customer("P1C002"), days_ahead(1), [line("P005", 1)])   # cut-off was today 00:00
    with as_user("customer", demo["P1"]):
        with pytest.raises(UserError, match="open at"):
            create_order(customer("P1C001"), days_ahead(5), [line("P005", 1)], kind="reservation", channel="portal")
        with pytest.raises(UserError, match="closed at"):
            create_order(customer("P1C001"), days_ahead(2), [line("P005", 1)], kind="reservation", channel="portal")
    assert _nothing_written()
    with as_user("manager", demo["P1"]):          # a manager may still take an order for tomorrow
        assert create_order(customer("P1C002"), days_ahead(1), [line("P005", 1)]).state == "draft"


def test_editing_after_submission_needs_a_manager(ctx, demo):
    with as_user("sales", demo["P1"]):
        order = create_order(customer("P1C002"), days_ahead(5), [line("P005", 1)])
        update_order(order, order.delivery_date, [line("P005", 2)])      # a draft: the orderer may
        order.submit()
        with pytest.raises(PermissionDenied, match="only a manager"):
            update_order(order, order.delivery_date, [line("P005", 9)])
    assert Order.get_by_id(order.id).amount == D("420.00")
    with as_user("manager", demo["P1"]):
        update_order(order, order.delivery_date, [line("P005", 3)])
    assert Order.get_by_id(order.id).amount == D("630.00")


def test_a_manager_cannot_slip_a_pending_price_into_a_submitted_order_without_the_right(ctx, demo):
    from core.models import Role, RolePermission
    manager_role = Role.get(Role.code == "manager")
    RolePermission.delete().where((RolePermission.role == manager_role)
                                  & (RolePermission.permission == "sales_order.price_approve")).execute()
    with as_user("sales", demo["P1"]):
        order = create_order(customer("P1C002"), days_ahead(5), [line("P005", 1)])
        order.submit()
    with as_user("manager", demo["P1"]), pytest.raises(UserError, match="price approval"):
        update_order(order, order.delivery_date, [line("P005", 1, price="100")])
    assert Order.get_by_id(order.id).amount == D("210.00")


def test_portal_user_cannot_reach_another_customers_order(browser, ctx, demo):
    with as_user("sales", demo["P1"]):
        other = create_order(customer("P1C002"), days_ahead(5), [line("P005", 1)])
    portal = browser("customer")
    assert portal.get(f"/portal/orders/{other.id}").status_code == 404
    assert portal.get(f"/portal/orders/{other.id}/edit").status_code == 404
    assert portal.post(f"/portal/orders/{other.id}/cancel", {"comment": ""}).status_code == 404
    assert portal.get(f"/sales/orders/{other.id}").status_code == 403
    assert Order.get_by_id(other.id).state == "draft"


def test_portal_user_token_cannot_use_the_order_api(ctx, demo):
    from core.api import tokens
    from core.models import User
    token = tokens.issue(User.get(User.login == "customer"), "portal")
    client = ctx.test_client()
    with as_user("sales", demo["P1"]):
        other = create_order(customer("P1C002"), days_ahead(5), [line("P005", 1)])
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/v1/orders/{other.id}", headers=headers).status_code == 403
    assert client.post("/api/v1/orders", json={"customer": other.customer_id}, headers=headers).status_code == 403
