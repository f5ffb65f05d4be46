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


def _moves(order):
    return [(e.old, e.new) for e in AuditLog.select().where(
        (AuditLog.model == "sales_order_order") & (AuditLog.record_id == order.id)
        & (AuditLog.action == "transition")).order_by(AuditLog.id)]


def test_a_row_locked_in_the_transaction_is_moved_without_reading_it_again(order, demo):
    import peewee
    from core.db import lock_get, transaction
    reads = []
    execute = peewee.Database.execute_sql

    def counting(database, sql, params=None, *args, **kwargs):
        if sql.startswith("SELECT") and 'FROM "sales_order_order"' in sql:
            reads.append(sql)
        return execute(database, sql, params, *args, **kwargs)
    with as_user("sales", demo["P1"]), transaction():
        held = lock_get(Order, order.id)
        peewee.Database.execute_sql = counting
        try:
            held.submit()
        finally:
            peewee.Database.execute_sql = execute
    assert reads == [] and held.state == "submitted"
    assert Order.get_by_id(order.id).state == "submitted"
    assert _moves(order) == [('{"state": "draft"}', '{"state": "submitted"}')]


def test_an_instance_another_has_since_moved_is_read_again_and_refused(order, demo):
    from core.db import lock_get, transaction
    with as_user("sales", demo["P1"]), pytest.raises(WorkflowError), transaction():
        first = lock_get(Order, order.id)
        second = lock_get(Order, order.id)
        second.submit()
        first.submit()
    assert Order.get_by_id(order.id).state == "draft"       # the refusal rolled the whole step back


def test_a_held_instance_with_unsaved_changes_is_read_again(order, demo):
    from core.db import lock_get, transaction
    with as_user("sales", demo["P1"]), transaction():
        held = lock_get(Order, order.id)
        held.remarks = "typed, not saved"
        held.submit()                            # not the row as stored: the move reads it, as it always did
    assert held.state == "submitted" and held.remarks != "typed, not saved"
    assert Order.get_by_id(order.id).remarks != "typed, not saved"


def test_a_row_held_in_a_savepoint_rolled_back_is_read_again(order, demo):
    from core.db import lock_get, transaction
    with as_user("manager", demo["P1"]), pytest.raises(WorkflowError), transaction():
        try:
            with transaction():                  # a savepoint
                inner = lock_get(Order, order.id)
                inner.submit()
                raise RuntimeError("undone")
        except RuntimeError:
            pass
        assert inner.state == "submitted"        # the instance says so; the database is back at draft
        inner.approve()                          # read again: a draft cannot be approved


def test_a_held_move_writes_only_what_it_changed(order, demo):
    from core.db import lock_get, transaction
    with as_user("sales", demo["P1"]), transaction():
        held = lock_get(Order, order.id)
        Order.update(remarks="written behind it").where(Order.id == order.id).execute()
        held.submit()
    stored = Order.get_by_id(order.id)
    assert stored.state == "submitted" and stored.remarks == "written behind it"


def test_a_refused_move_leaves_the_held_instance_as_it_was(order, demo):
    from core.db import lock_get, transaction
    with as_user("sales", demo["P1"]), pytest.raises(UserError), transaction():
        held = lock_get(Order, order.id)
        held.submit()
        before = dict(held.__data__)
        held.reject()                            # a rejection needs a reason
    assert held.__data__ == before and not held._dirty


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
