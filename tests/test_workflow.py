"""The @transition decorator: strict moves, permissions, audit and hook in one transaction."""
import datetime

import pytest

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core import workflow
from core.context import acting_as
from core.errors import PermissionDenied, UserError, WorkflowError
from core.hooks import hookimpl
from core.models import AuditLog, User


@pytest.fixture
def order(ctx, demo):
    customer = Customer.create(plant=demo["P1"], code="C001", name="Zhou's butcher", credit_limit=100000)
    order = Order.create(plant=demo["P1"], number="SO-TEST-1", customer=customer,
                         delivery_date=datetime.date.today() + datetime.timedelta(days=10))
    OrderLine.create(order=order, seq=1, product=Product.get(Product.code == "P005"), quantity=1, unit_price=210,
                     amount=210)
    return order


def as_user(login, plant):
    return acting_as(User.get(User.login == login), plant)


def test_allowed_moves_write_state_and_audit(order, demo):
    with as_user("sales", demo["P1"]):
        order.submit()
    with as_user("manager", demo["P1"]):
        order.approve(comment="ok")
    assert Order.get_by_id(order.id).state == "approved"
    entries = list(AuditLog.select().where((AuditLog.model == "sales_order_order") & (AuditLog.record_id == order.id))
                   .order_by(AuditLog.id))
    assert [(e.old, e.new) for e in entries] == [('{"state": "draft"}', '{"state": "submitted"}'),
                                                 ('{"state": "submitted"}', '{"state": "approved"}')]
    assert entries[1].user.login == "manager" and entries[1].comment == "ok" and entries[1].plant_id == demo["P1"].id


def test_a_move_the_table_does_not_allow_is_refused(order, demo):
    with as_user("manager", demo["P1"]), pytest.raises(WorkflowError) as err:
        order.approve()  # still a draft
    assert "Draft" in str(err.value) and "Approved" in str(err.value)
    assert Order.get_by_id(order.id).state == "draft"


def test_a_move_the_user_may_not_make_is_refused(order, demo):
    with as_user("sales", demo["P1"]):
        order.submit()
        with pytest.raises(PermissionDenied):
            order.approve()
    assert Order.get_by_id(order.id).state == "submitted"


def test_member_of_another_plant_may_not_move_the_document(order, demo):
    with as_user("sales2", demo["P2"]), pytest.raises(PermissionDenied):
        order.submit()


def test_reason_required_where_declared(order, demo):
    with as_user("sales", demo["P1"]):
        order.submit()
    with as_user("manager", demo["P1"]):
        with pytest.raises(UserError, match="reason"):
            order.reject(comment="  ")
        order.reject(comment="price too low")
    assert Order.get_by_id(order.id).state == "draft"


def test_stale_object_is_reread_before_moving(order, demo):
    stale = Order.get_by_id(order.id)
    with as_user("sales", demo["P1"]):
        order.submit()
    with as_user("manager", demo["P1"]):
        order.cancel(comment="customer called")
        with pytest.raises(WorkflowError):
            stale.approve()  # the copy still says "draft"/"submitted"; the database says cancelled


class Exploding:
    @hookimpl
    def state_changed(self, record, old, new, comment):
        raise RuntimeError("downstream failure")


def test_a_failing_hook_rolls_back_state_and_audit(order, demo, ctx):
    kernel = ctx.extensions["erp"]
    plugin = Exploding()
    kernel.hooks.pm.register(plugin)
    try:
        with as_user("sales", demo["P1"]), pytest.raises(RuntimeError):
            order.submit()
    finally:
        kernel.hooks.pm.unregister(plugin)
    assert Order.get_by_id(order.id).state == "draft"
    assert AuditLog.select().where(AuditLog.action == "transition").count() == 0


def test_available_moves_depend_on_state_and_user(order, demo):
    with as_user("sales", demo["P1"]):
        assert sorted(m.name for m in workflow.available(order)) == ["submit", "withdraw"]
        order.submit()
        assert workflow.available(order) == []
    with as_user("manager", demo["P1"]):
        assert sorted(m.name for m in workflow.available(order)) == ["approve", "cancel", "reject"]


def test_order_screen_draws_buttons_and_moves(browser, order, demo):
    sales = browser("sales")
    page = sales.get(f"/sales/orders/{order.id}").get_data(as_text=True)
    assert 'value="submit"' in page and 'value="approve"' not in page
    assert sales.post(f"/sales/orders/{order.id}/approve").status_code in (302, 403)
    assert Order.get_by_id(order.id).state == "draft"
    sales.post(f"/sales/orders/{order.id}/submit")
    assert Order.get_by_id(order.id).state == "submitted"
    manager = browser("manager")
    manager.post(f"/sales/orders/{order.id}/approve")
    assert Order.get_by_id(order.id).state == "approved"


def test_a_right_held_in_one_plant_moves_nothing_in_another(order, demo):
    # sales2 submits orders in the north plant only; the order is the east plant's
    with as_user("sales2", demo["P2"]), pytest.raises(PermissionDenied):
        order.submit()
    assert Order.get_by_id(order.id).state == "draft"
    assert workflow.available(order, User.get(User.login == "sales2")) == []
