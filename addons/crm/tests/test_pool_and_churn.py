"""The public pool and the churn rules: a claim waits for approval; a release is not a loss; the churn job
drops exactly the customers its rules name, as of the plant's day."""
import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from addons.crm import churn, owners
from addons.crm.models.claim import PoolClaim
from addons.crm.models.event import CustomerEvent
from addons.crm.models.settings import CrmSettings
from addons.crm.stats import crm_statistics
from addons.master_data.models.customer import Customer
from core import clock
from core.errors import PermissionDenied, UserError
from core.models import Notification, User
from tests.dispatch_helpers import approved_order
from tests.sales_helpers import as_user, line

# 01:30 in Shanghai on 4 December is still 3 December on the server's UTC clock.
NIGHT = datetime.datetime(2026, 12, 3, 17, 30, tzinfo=ZoneInfo("UTC"))
TODAY = datetime.date(2026, 12, 4)


def _pool_customer(plant, code, kind="channel", grade="C"):
    return Customer.create(plant=plant, code=code, name=f"公海 {code}", kind=kind, grade=grade, public_pool=True)


def test_a_claim_from_the_pool_waits_for_an_administrators_approval(ctx, demo):
    p1 = demo["P1"]
    wanted = _pool_customer(p1, "POOL1")
    with as_user("sales", p1):
        claim = owners.submit_claim(wanted, "认识老板 knows the owner")
    assert Customer.get_by_id(wanted.id).salesperson_id is None          # still in the pool until approved
    assert Customer.get_by_id(wanted.id).public_pool
    with as_user("manager", p1):
        with pytest.raises(UserError, match="already claimed"):
            owners.submit_claim(wanted)
    with as_user("sales", p1):
        with pytest.raises(PermissionDenied):
            claim.approve()                                              # a salesperson cannot approve their own
    with as_user("admin", p1):
        claim.approve()
    taken = Customer.get_by_id(wanted.id)
    sales = User.get(User.login == "sales")
    assert (taken.salesperson_id, taken.public_pool, taken.assigned_on) == (sales.id, False, clock.plant_today(p1))
    (event,) = CustomerEvent.select().where(CustomerEvent.customer == wanted.id)
    assert (event.kind, event.to_user_id, event.note) == ("claimed", sales.id, "认识老板 knows the owner")

    other = _pool_customer(p1, "POOL2")
    with as_user("sales", p1):
        refused = owners.submit_claim(other)
    with as_user("admin", p1):
        with pytest.raises(UserError, match="reason"):
            refused.refuse()
        refused.refuse(comment="已有业务员在跟 another salesperson is on it")
    assert PoolClaim.get_by_id(refused.id).state == "refused"
    assert Customer.get_by_id(other.id).salesperson_id is None
    with as_user("sales", p1):
        with pytest.raises(UserError, match="not in the public pool"):
            owners.submit_claim(taken)


def test_a_release_by_hand_goes_to_the_pool_and_is_not_counted_as_lost(ctx, demo):
    p1 = demo["P1"]
    mine = Customer.get(Customer.code == "P1C005")
    with as_user("sales2", p1):
        with pytest.raises(PermissionDenied):
            owners.release(mine, "不是我的 not mine")
    with as_user("sales", p1):
        with pytest.raises(UserError, match="reason"):
            owners.release(mine, " ")
        owners.release(mine, "客户转行 the customer changed trade")
    back = Customer.get_by_id(mine.id)
    assert (back.salesperson_id, back.public_pool) == (None, True)
    today = clock.plant_today(p1)
    (row,) = [r for r in crm_statistics(p1, today, today) if r["salesperson"] == User.get(User.login == "sales").name]
    assert (row["released"], row["lost_end"], row["lost_channel"]) == (1, 0, 0)


def _channel(plant, code, grade, assigned_days_ago, salesperson):
    return Customer.create(plant=plant, code=code, name=f"渠道 {code}", kind="channel", grade=grade,
                           salesperson=salesperson, credit_limit=Decimal("100000"), assigned_on=TODAY - datetime.timedelta(days=assigned_days_ago))


def test_the_churn_job_drops_exactly_the_customers_its_rules_name(ctx, demo):
    p1 = demo["P1"]
    sales = User.get(User.login == "sales")
    Customer.update(kind="end").where(Customer.plant == p1.id).execute()       # only the generated channels count
    CrmSettings.create(plant=p1, low_grades="DE", low_grade_days=30, high_grades="ABC", high_grade_days=90)
    generated = {
        # low grades: lost when not converted within 30 days of assignment
        "E30": ("E", 30, None), "E29": ("E", 29, None), "D45": ("D", 45, None), "D31deal": ("D", 31, 5),
        # high grades: lost with no deal in the last 90 days (from assignment or the last deal)
        "C90": ("C", 90, None), "C89": ("C", 89, None), "B200old": ("B", 200, 95), "B200recent": ("B", 200, 89),
        "A120edge": ("A", 120, 90),
    }
    for code, (grade, assigned, deal_days_ago) in generated.items():
        customer = _channel(p1, code, grade, assigned, sales)
        if deal_days_ago is not None:
            with clock.travel(NIGHT - datetime.timedelta(days=deal_days_ago + 1)):
                approved_order(p1, code, [line("P002", 2)], day=TODAY - datetime.timedelta(days=deal_days_ago))
        assert customer.salesperson_id == sales.id
    Customer.create(plant=p1, code="POOLED", name="已在公海", kind="channel", grade="E", public_pool=True)
    with clock.travel(NIGHT):
        assert clock.plant_today(p1) == TODAY and clock.now().date() == TODAY - datetime.timedelta(days=1)
        listed = [c.customer.code for c in churn.candidates(p1, clock.plant_today(p1))]
        assert listed == sorted(["E30", "D45", "C90", "B200old", "A120edge"])
        outcome = churn.run(p1)
    assert outcome.params == {"n": 5}
    lost = {c.code for c in Customer.select().where((Customer.public_pool == True) & Customer.code.in_(list(generated)))}  # noqa: E712
    assert lost == {"E30", "D45", "C90", "B200old", "A120edge"}
    events = {e.customer.code: e for e in CustomerEvent.select().where(CustomerEvent.kind == "lost")}
    assert set(events) == lost
    assert (events["E30"].rule, events["E30"].count, events["E30"].day) == ("low", 30, TODAY)
    assert (events["B200old"].rule, events["B200old"].count) == ("high", 90)
    told = Notification.select().where(Notification.user == sales.id).count()
    assert told >= 5
    (row,) = [r for r in crm_statistics(p1, TODAY, TODAY) if r["salesperson_id"] == sales.id]
    assert (row["lost_channel"], row["released"]) == (5, 0)
    with clock.travel(NIGHT):
        assert churn.candidates(p1, TODAY) == []                      # run twice: nothing more to drop
