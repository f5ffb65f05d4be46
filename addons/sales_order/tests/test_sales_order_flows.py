"""Sales order scenarios from the issue: each path from entry to approval, as users would walk it."""
import datetime
from decimal import Decimal as D

import pytest
import time_machine

from addons.ledger.exposure import CreditLimitExceeded, exposure
from addons.master_data.models.customer import CustomerLogin
from addons.sales_order import windows
from addons.sales_order.balancing import confirm, propose
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.models.planning import Availability
from addons.sales_order.orders import create_order, update_order
from core.errors import PermissionDenied, UserError, WorkflowError
from core.jobs import run_job, shown
from core.models import AuditLog, Notification, User
from core.security import hash_password
from tests.sales_helpers import as_user, customer, days_ahead, line, local_today, product


def _lines_of(order):
    return list(OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.seq))


def test_portal_reservation_is_firmed_by_the_cut_off_job_then_reviewed_and_approved(browser, ctx, demo, monkeypatch):
    day = days_ahead(3)            # reservations for it opened at today 00:00, firm ordering closes tomorrow 00:00
    portal = browser("customer")
    page = portal.get("/portal/orders/new").get_data(as_text=True)
    assert f'value="{day.isoformat()}"' in page and f'value="{days_ahead(2).isoformat()}"' not in page
    carcass, trotters = product("P001"), product("P005")
    response = portal.post("/portal/orders/new", {
        "delivery_date": day.isoformat(), "delivery_address": "",
        "lines-0-product": carcass.id, "lines-0-quantity": "2",
        "lines-0-unit_price": "1.00",                      # a portal user cannot set a price: ignored
        "lines-1-product": trotters.id, "lines-1-quantity": "3"})
    assert response.status_code == 302
    order = Order.get(Order.channel == "portal")
    assert (order.state, order.kind, order.customer.code) == ("reserved", "reservation", "P1C001")
    first, second = _lines_of(order)
    # 周记's own carcass price 23.20/kg on 2 × 90 kg; trotters 210.00 a box from the standard list
    assert (first.unit_price, first.expected_weight, first.amount) == (D("23.2000"), D("180.000"), D("4176.00"))
    assert second.amount == D("630.00") and order.amount == D("4806.00")

    # still inside the window: the customer changes the reservation
    response = portal.post(f"/portal/orders/{order.id}/edit", {
        "delivery_date": day.isoformat(), "lines-0-product": carcass.id, "lines-0-quantity": "3"})
    assert response.status_code == 302 and Order.get_by_id(order.id).amount == D("6264.00")

    # the cut-off passes: the scheduled job turns the reservation into a firm order and locks it
    cutoff = windows.window(demo["P1"], day).closes
    with time_machine.travel(cutoff + datetime.timedelta(minutes=1), tick=False):
        runs = run_job(ctx, "sales_order.cutoff")
    assert any(shown(r).startswith("1 firmed") for r in runs)
    order = Order.get_by_id(order.id)
    assert (order.state, order.kind) == ("submitted", "order") and order.firmed_at is not None
    portal_user = User.get(User.login == "customer")
    assert Notification.select().where(Notification.user == portal_user.id).count() == 1
    page = portal.get(f"/portal/orders/{order.id}").get_data(as_text=True)
    assert "edit-reservation" not in page
    assert portal.post(f"/portal/orders/{order.id}/edit", {"delivery_date": day.isoformat()}).status_code == 302
    assert Order.get_by_id(order.id).amount == D("6264.00")      # refused: no longer a reservation

    # after the cut-off only a manager may change it; the manager reviews and approves
    with as_user("sales", demo["P1"]), pytest.raises(PermissionDenied):
        update_order(order, day, [line("P001", 1)])
    manager = browser("manager")
    assert manager.post(f"/sales/orders/{order.id}/approve", {"comment": ""}).status_code == 302
    order = Order.get_by_id(order.id)
    assert order.state == "approved" and exposure(order.customer).committed == D("6264.00")


def test_phone_order_below_floor_needs_a_managers_price_approval(ctx, demo):
    with as_user("sales", demo["P1"]):
        order = create_order(customer("P1C002"), days_ahead(5), [line("P002", 10, price="25.00"), line("P005", 1)])
        first = _lines_of(order)[0]
        # standard list: 26.80 with floor 25.46; 10 hind legs × 12.5 kg × 25.00
        assert (first.price_status, first.list_price, first.floor_price, first.amount) == (
            "pending", D("26.8000"), D("25.4600"), D("3125.00"))
        with pytest.raises(WorkflowError, match="price approval"):
            order.submit()
        order.request_price_approval()
        assert order.state == "price_review"
        with pytest.raises(PermissionDenied):
            order.approve_prices()
    with as_user("manager", demo["P1"]):
        order.approve_prices()
        assert order.state == "submitted"
        order.approve()
    assert Order.get_by_id(order.id).state == "approved"
    assert _lines_of(order)[0].price_status == "approved"
    audit = AuditLog.get(AuditLog.action == "price_approved")
    assert audit.user.login == "manager" and '"unit_price": "25.0000"' in audit.new and "25.46" in audit.old


def test_price_between_floor_and_list_or_above_list_needs_no_approval(ctx, demo):
    with as_user("sales", demo["P1"]):
        order = create_order(customer("P1C002"), days_ahead(5), [line("P002", 1, price="25.46"),
                                                                 line("P002", 1, price="30")])
        assert [x.price_status for x in _lines_of(order)] == ["ok", "ok"]
        order.submit()
    assert order.state == "submitted"


def test_a_half_fen_rounds_up_on_every_line_and_the_total_adds_the_lines(ctx, demo):
    # 猪后腿 is billed by the kilogram: 0.125 kg at 26.84 is 3.355, 0.375 kg at 26.84 is 10.065
    with as_user("sales", demo["P1"]):
        order = create_order(customer("P1C002"), days_ahead(5), [line("P002", 1, price="26.84", weight="0.125"),
                                                                 line("P002", 1, price="26.84", weight="0.375")])
    assert [x.amount for x in _lines_of(order)] == [D("3.36"), D("10.07")]
    assert Order.get_by_id(order.id).amount == D("13.43")


def test_over_limit_order_is_held_and_a_manager_overrides_with_a_reason(ctx, demo):
    buyer = customer("P1C002")                   # limit 100,000
    with as_user("sales", demo["P1"]):
        order = create_order(buyer, days_ahead(5), [line("P001", 50)])    # 50 × 90 kg × 23.50 = 105,750
        assert order.amount == D("105750.00")
        order.submit()
    assert order.state == "held" and order.credit_over == D("5750.00")
    with as_user("manager", demo["P1"]):
        with pytest.raises(CreditLimitExceeded):
            order.approve()                      # still over: refused, still held
        assert Order.get_by_id(order.id).state == "held"
        with pytest.raises(UserError, match="reason"):
            order.override_credit(comment="")
        order.override_credit(comment="Pays on Friday; agreed with finance")
    assert Order.get_by_id(order.id).state == "approved"
    audit = AuditLog.get(AuditLog.action == "credit_override")
    assert '"over": "5750.00"' in audit.new and audit.user.login == "manager"
    assert exposure(buyer).total == D("105750.00")


def test_approving_within_the_limit_and_editing_after_approval_rechecks_credit(ctx, demo):
    buyer = customer("P1C001")                   # limit 50,000
    with as_user("sales", demo["P1"]):
        order = create_order(buyer, days_ahead(6), [line("P005", 100)])   # 21,000
        order.submit()
    with as_user("manager", demo["P1"]):
        order.approve()
        assert order.state == "approved"
        update_order(order, order.delivery_date, [line("P005", 200)])     # 42,000: still inside
        assert Order.get_by_id(order.id).state == "approved"
        update_order(order, order.delivery_date, [line("P005", 300)])     # 63,000: over by 13,000
    order = Order.get_by_id(order.id)
    assert order.state == "held" and order.credit_over == D("13000.00")
    assert exposure(buyer).committed == D("0")   # a held order holds no headroom


def test_reopening_a_cancelled_order_checks_credit(ctx, demo):
    buyer = customer("P1C001")
    with as_user("manager", demo["P1"]):
        big = create_order(buyer, days_ahead(6), [line("P005", 200)])     # 42,000
        big.submit()
        big.approve()
        small = create_order(buyer, days_ahead(6), [line("P005", 50)])    # 10,500
        small.submit()
        small.cancel(comment="customer changed their mind")
        small.reopen(comment="customer wants it after all")
    assert small.state == "held" and small.credit_over == D("2500.00")


def test_oversubscribed_day_is_allocated_by_rating_then_pro_rata_and_customers_are_told(ctx, demo):
    day = days_ahead(8)
    p1 = demo["P1"]
    third = customer("P1C003")
    watcher = User.create(login="c3", name="Customer 3 portal", password_hash=hash_password("demo12345"))
    CustomerLogin.create(customer=third, user=watcher)
    orders = {}
    with as_user("manager", p1):
        for code, qty in [("P1C001", 10), ("P1C003", 30), ("P1C004", 20)]:   # ratings A, B, B
            order = create_order(customer(code), day, [line("P002", qty)])
            order.submit()
            order.approve()
            orders[code] = order
    Availability.create(plant=p1, product=product("P002"), day=day, quantity=41)
    with as_user("manager", p1):
        proposal, have = propose(p1, day, product("P002"))
    by_customer = {ln.order.customer.code: qty for ln, qty in proposal}
    # A is served in full (10); B shares 31 pro rata: 18.6 → 18 + the odd piece, 12.4 → 12
    assert have == D("41") and by_customer == {"P1C001": D("10"), "P1C003": D("19"), "P1C004": D("12")}
    allocation = {ln.id: qty for ln, qty in proposal}
    # the manager moves one piece from customer 3 to customer 4 and confirms
    allocation[next(ln.id for ln, _q in proposal if ln.order.customer.code == "P1C003")] = D("18")
    allocation[next(ln.id for ln, _q in proposal if ln.order.customer.code == "P1C004")] = D("13")
    c4_line = next(ln.id for ln, _q in proposal if ln.order.customer.code == "P1C004")
    with as_user("manager", p1):
        with pytest.raises(UserError, match="more than is available"):
            confirm(p1, day, product("P002"), {**allocation, c4_line: D("14")})
        with pytest.raises(UserError, match="whole pieces"):
            confirm(p1, day, product("P002"), {**allocation, c4_line: D("12.5")})
        assert OrderLine.select().where(OrderLine.original_quantity.is_null(False)).count() == 0
        assert confirm(p1, day, product("P002"), allocation) == 2
    cut = OrderLine.get(OrderLine.order == orders["P1C003"].id)
    # wholesale list 25.80/kg; expected weight scaled 375 kg → 225 kg
    assert (cut.original_quantity, cut.quantity, cut.expected_weight, cut.amount) == (
        D("30"), D("18"), D("225.000"), D("5805.00"))
    assert Order.get_by_id(orders["P1C003"].id).amount == D("5805.00")
    told = list(Notification.select().where(Notification.user == watcher.id))
    assert len(told) == 1 and "30" in told[0].params and "18" in told[0].params
    sales = User.get(User.login == "sales")
    cuts = Notification.select().where((Notification.user == sales.id)
                                       & (Notification.subject == "Order %(number)s: %(product)s cut from %(old)s to %(new)s."))
    assert cuts.count() == 2                   # beside the approvals they hear of


def test_an_accepted_quotation_becomes_a_draft_order_and_old_ones_expire(ctx, demo):
    from addons.sales_order.models.quotation import Quotation
    from addons.sales_order.quotations import save_quotation
    with as_user("sales", demo["P1"]):
        quote = save_quotation(customer("P1C002"), local_today() + datetime.timedelta(days=7),
                               [line("P003", 4, price="31.00")], delivery_date=days_ahead(9))
        old = save_quotation(customer("P1C002"), local_today() - datetime.timedelta(days=1),
                             [line("P003", 1)], delivery_date=days_ahead(9))
        with pytest.raises(UserError, match="floor"):
            save_quotation(customer("P1C002"), days_ahead(7), [line("P003", 4, price="20.00")])
        quote.send()
        quote.accept()
    order = Order.get_by_id(Quotation.get_by_id(quote.id).order_id)
    assert (order.channel, order.state, order.amount) == ("quotation", "draft", D("2480.00"))   # 4 × 20 kg × 31
    run_job(ctx, "sales_order.expire_quotations")
    assert Quotation.get_by_id(old.id).state == "expired" and Quotation.get_by_id(quote.id).state == "accepted"


def test_production_plan_sums_demand_and_heads_from_yields(ctx, demo):
    from addons.sales_order.models.planning import ProductYield
    from addons.sales_order.production import plan
    day = days_ahead(9)
    p1 = demo["P1"]
    with as_user("sales", p1):
        create_order(customer("P1C002"), day, [line("P002", 30), line("P001", 5)]).submit()
        create_order(customer("P1C004"), day, [line("P002", 11)]).submit()
        create_order(customer("P1C004"), day, [line("P002", 100)]).withdraw()     # cancelled: not demand
    ProductYield.create(plant=p1, product=product("P002"), per_head=D("2"))    # two hind legs a head
    ProductYield.create(plant=p1, product=product("P001"), per_head=D("1"))
    data = plan(p1, day, day)
    assert data["cells"][(product("P002").id, day)][0] == D("41")
    assert data["heads"][day] == D("21")      # 41 legs need 21 heads; 5 carcasses need 5
