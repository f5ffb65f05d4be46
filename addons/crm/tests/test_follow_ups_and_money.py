"""Follow-up reminders due and overdue on the plant's days; commissions exact to the fen; the accumulated cost
of commissions and expenses; a referred end customer's deal lifting its channel's grade."""
import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from addons.crm import commissions, grading
from addons.crm.costs import accumulated
from addons.crm.models.commission import CommissionRule
from addons.crm.models.event import CustomerEvent
from addons.crm.models.expense import Reimbursement
from addons.crm.models.followup import FollowUp
from addons.crm.models.settings import CrmSettings
from addons.crm.reminders import reminders
from addons.dispatch import desk, planning, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from addons.sales_order.models.line import OrderLine
from core import clock
from core.errors import UserError
from core.models import User
from tests.dispatch_helpers import approved_order, vehicle
from tests.sales_helpers import as_user, line

EVENING = datetime.datetime(2026, 12, 3, 16, 30, tzinfo=ZoneInfo("UTC"))     # 00:30 on 4 December in Shanghai
TODAY = datetime.date(2026, 12, 4)


def _follow(plant, code, day, next_day, user):
    return FollowUp.create(plant=plant, customer=Customer.get(Customer.code == code).id, user=user.id, day=day,
                           next_day=next_day, next_step=f"call {code}")


def test_reminders_fall_due_and_overdue_on_the_plants_days(ctx, demo):
    p1 = demo["P1"]
    sales = User.get(User.login == "sales")
    FollowUp.delete().execute()
    CrmSettings.create(plant=p1, remind_days=3)
    d = datetime.timedelta(days=1)
    _follow(p1, "P1C001", TODAY - 5 * d, TODAY, sales)               # due today: days 0
    _follow(p1, "P1C002", TODAY - 6 * d, TODAY + 3 * d, sales)       # due on the last day announced
    _follow(p1, "P1C004", TODAY - 6 * d, TODAY + 4 * d, sales)       # not yet
    _follow(p1, "P1C005", TODAY - 9 * d, TODAY - d, sales)           # overdue by one day
    _follow(p1, "P1C007", TODAY - 30 * d, TODAY - 10 * d, sales)     # overdue by ten days
    _follow(p1, "P1C008", TODAY - 20 * d, TODAY - 2 * d, sales)      # overdue, but followed up since:
    _follow(p1, "P1C008", TODAY - d, None, sales)                    # … the latest closes it
    with clock.travel(EVENING):
        assert clock.now().date() == TODAY - d                       # the server's UTC date is still yesterday
        due, overdue = reminders(p1.id, clock.plant_today(p1), 3, sales.id)
    assert [(r.customer.code, r.days) for r in due] == [("P1C001", 0), ("P1C002", 3)]
    assert [(r.customer.code, r.days) for r in overdue] == [("P1C007", 10), ("P1C005", 1)]
    with clock.travel(EVENING - datetime.timedelta(hours=1)):        # 23:30 on 3 December in Shanghai
        due, overdue = reminders(p1.id, clock.plant_today(p1), 3, sales.id)
    assert [(r.customer.code, r.days) for r in due] == [("P1C005", 0), ("P1C001", 1)]
    assert [(r.customer.code, r.days) for r in overdue] == [("P1C007", 9)]
    assert reminders(p1.id, TODAY, 3, User.get(User.login == "manager").id) == ([], [])   # not their customers


def _ship(plant, order):
    with as_user("scheduler", plant):
        (note,) = planning.assign(plant, planning.create_trip(plant, order.delivery_date, vehicle(plant, f"V{order.id}").id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, "10")])
    with as_user("shipper", plant):
        desk.add_batch(DeliveryLine.get(DeliveryLine.note == note.id).id, "10", "125.000")
        shipping.ship(note.id)
    return note


def test_a_commission_is_the_rate_of_the_money_received_exact_to_the_fen(ctx, demo):
    p1 = demo["P1"]
    channel, end = Customer.get(Customer.code == "P1C003"), Customer.get(Customer.code == "P1C002")
    Customer.update(referred_by=channel.id).where(Customer.id == end.id).execute()
    Customer.update(grade="C").where(Customer.id == channel.id).execute()
    CommissionRule.delete().execute()
    order = approved_order(p1, "P1C002", [line("P002", 10)])
    CommissionRule.create(plant=p1, order_channel="", grade="C", rate=D("1.00"))
    CommissionRule.create(plant=p1, order_channel=order.channel, grade="C", rate=D("3.35"))   # more specific: wins
    CommissionRule.create(plant=p1, order_channel=order.channel, grade="B", rate=D("9.00"))
    _ship(p1, order)
    with as_user("sales", p1):
        with pytest.raises(UserError, match="No money received"):
            commissions.apply(order)
    with as_user("finance", p1):
        record_receipt(end, "1234.57", plant=p1, order_id=order.id)
    assert commissions.received_on(order.id) == D("1234.57")
    with as_user("sales", p1):
        first = commissions.apply(order)
    assert (first.customer_id, first.received, first.rate, first.amount) == (channel.id, D("1234.57"), D("3.35"),
                                                                              D("41.36"))   # 41.358095 → 41.36
    with as_user("sales", p1):
        with pytest.raises(UserError, match="No money received"):
            commissions.apply(order)                                  # nothing new received
    with as_user("finance", p1):
        record_receipt(end, "100.15", plant=p1, order_id=order.id)
    with as_user("sales", p1):
        second = commissions.apply(order)
    assert (second.received, second.amount) == (D("100.15"), D("3.36"))     # 3.355025 → 3.36, half up
    with as_user("manager", p1):
        first.approve()
        second.refuse(comment="重复 duplicate")
    with as_user("finance", p1):
        with pytest.raises(UserError, match="Only 41.36 is left"):
            commissions.pay(first, "50")
        commissions.pay(first, "40.00", "BANK-1")
        assert commissions.pay(first, "1.36").state == "paid"
    with as_user("sales", p1):
        again = commissions.apply(order)                               # the refused part may be asked again
    assert (again.received, again.amount) == (D("100.15"), D("3.36"))

    expense = DictionaryEntry.create(kind="expense_type", code="taxi", name="打车 taxi")
    sales = User.get(User.login == "sales")
    Reimbursement.delete().execute()
    with as_user("sales", p1):
        taxi = Reimbursement.create(plant=p1, number="EX-T1", salesperson=sales.id, customer=channel.id,
                                    expense_type=expense.id, day=TODAY, amount=D("88.80"))
        dinner = Reimbursement.create(plant=p1, number="EX-T2", salesperson=sales.id, customer=channel.id,
                                      expense_type=expense.id, day=TODAY, amount=D("300.00"))
    with as_user("manager", p1):
        taxi.approve()
        dinner.refuse(comment="超标 over the limit")
    cost = accumulated(p1.id, "customer", [channel.id])[channel.id]
    assert cost == {"commission": D("41.36"), "expenses": D("88.80"), "total": D("130.16")}
    assert accumulated(p1.id, "salesperson")[sales.id]["total"] >= D("130.16")


def test_a_referred_end_customers_deal_lifts_its_channel(ctx, demo):
    p1 = demo["P1"]
    CrmSettings.create(plant=p1, upgrade_d=1, upgrade_c=2, upgrade_b=0, upgrade_a=0)
    channel = Customer.get(Customer.code == "P1C006")
    Customer.update(grade="E").where(Customer.id == channel.id).execute()
    Customer.update(referred_by=channel.id).where(Customer.code.in_(["P1C001", "P1C002"])).execute()
    approved_order(p1, "P1C001", [line("P002", 1)])
    assert Customer.get_by_id(channel.id).grade == "D"
    approved_order(p1, "P1C001", [line("P002", 1)])                 # the same end customer again: still one
    assert Customer.get_by_id(channel.id).grade == "D"
    approved_order(p1, "P1C002", [line("P002", 1)])
    assert Customer.get_by_id(channel.id).grade == "C"
    assert [(e.old_grade, e.new_grade, e.count) for e in CustomerEvent.select().where(
        (CustomerEvent.customer == channel.id) & (CustomerEvent.kind == "upgraded")).order_by(CustomerEvent.id)] == [
        ("E", "D", 1), ("D", "C", 2)]
    assert grading.earned_grade(Customer.get_by_id(channel.id)) == "C"     # no higher step is on
