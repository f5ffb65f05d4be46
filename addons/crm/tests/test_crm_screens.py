"""The CRM's screens as its users click them, on the demo's CRM data: a salesperson's day in Chinese, a claim
from the pool approved, a follow-up written from the customer's page, a release, a week's plan, an expense
approved, a lead converted, the churn rules run by a manager, statistics and their Excel."""
import re
from decimal import Decimal

import pytest

from addons.crm.demo import load as load_crm_demo
from addons.crm.models.claim import PoolClaim
from addons.crm.models.expense import Reimbursement
from addons.crm.models.followup import FollowUp
from addons.crm.models.lead import Lead
from addons.crm.models.plan import WorkPlan
from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core import clock
from core.models import Plant
from tests.excel_files import read


@pytest.fixture
def crm(ctx, demo):
    load_crm_demo(list(Plant.select()))
    return demo["P1"]


def _code(code):
    return Customer.get(Customer.code == code)


def test_a_salespersons_day_in_chinese(browser, crm):
    sales = browser("sales")
    page = sales.get("/crm/").get_data(as_text=True)
    assert "逾期未跟的跟单" in page and "今日工作" in page
    overdue = re.search(r'<table class="table table-sm" id="overdue">(.*?)</table>', page, re.S).group(1)
    assert 'data-code="P1C002"' in overdue and '<td class="num" data-field="days">3</td>' in overdue
    due = re.search(r'<table class="table table-sm" id="due">(.*?)</table>', page, re.S).group(1)
    assert 'data-code="P1C001"' in due and 'data-code="P1C003"' in due
    assert 'id="all-overdue"' not in page                            # every salesperson's: for managers
    assert 'id="all-overdue"' in browser("manager").get("/crm/").get_data(as_text=True)
    home = sales.get("/").get_data(as_text=True)
    assert "/crm/" in home and "逾期未跟的跟单" in home                # the home page's work cards

    channel = _code("P1C003")
    today = clock.plant_today(crm).isoformat()
    sales.post("/crm/follow-ups/new", {"customer": channel.id, "day": today, "content": "谈返点 rebate talk",
                                       "next_day": "", "next_step": "", "next": f"/crm/customers/{channel.id}"})
    latest = FollowUp.select().where(FollowUp.customer == channel.id).order_by(FollowUp.id.desc()).first()
    assert latest.content == "谈返点 rebate talk" and latest.user.login == "sales"
    page = sales.get("/crm/").get_data(as_text=True)
    due = re.search(r'<table class="table table-sm" id="due">(.*?)</table>', page, re.S).group(1)
    assert 'data-code="P1C003"' not in due                            # followed up: no more reminder
    customer_page = sales.get(f"/crm/customers/{channel.id}").get_data(as_text=True)
    for part in ("P1C004", "累计费用", "谈返点 rebate talk", 'id="release"'):
        assert part in customer_page, part
    assert 'id="set-grade"' not in customer_page                     # a manager's move


def test_a_claim_from_the_pool_approved_and_a_customer_released(browser, crm):
    sales, manager = browser("sales"), browser("manager")
    pool = sales.get("/crm/pool").get_data(as_text=True)
    assert 'data-code="P1C101"' in pool and 'data-code="P1C001"' not in pool
    wanted = _code("P1C101")
    sales.post(f"/crm/pool/{wanted.id}/claim", {"note": "老乡 a townsman"})
    claim = PoolClaim.get(PoolClaim.customer == wanted.id)
    assert claim.state == "submitted" and _code("P1C101").salesperson_id is None
    assert "申请" in sales.get("/crm/pool").get_data(as_text=True)
    waiting = manager.get("/crm/pool").get_data(as_text=True)
    assert 'data-claim="P1C101"' in waiting
    manager.post(f"/crm/claims/{claim.id}/move/approve", {"comment": ""})
    assert _code("P1C101").salesperson.login == "sales"

    mine = _code("P1C007")
    sales.post(f"/crm/customers/{mine.id}/release", {"note": "搬迁 moved away"})
    assert _code("P1C007").public_pool and _code("P1C007").salesperson_id is None
    today = clock.plant_today(crm).isoformat()
    lost = manager.get(f"/crm/lost?first={today}&last={today}").get_data(as_text=True)
    assert 'data-code="P1C007"' not in lost                          # released is not lost …
    lost = manager.get(f"/crm/lost?first={today}&last={today}&released=1").get_data(as_text=True)
    assert 'data-code="P1C007"' in lost                              # … but traced
    assert browser("sales2").get(f"/crm/customers/{_code('P1C001').id}").status_code in (403, 404)

    manager.post(f"/crm/customers/{mine.id}/grade", {"grade": "A", "note": "大客户 a big one"})
    assert _code("P1C007").grade == "A"
    sales.post(f"/crm/customers/{mine.id}/grade", {"grade": "E", "note": ""})
    assert _code("P1C007").grade == "A"                              # a salesperson does not grade


def test_churn_run_by_a_manager_and_the_statistics(browser, crm):
    manager = browser("manager")
    page = manager.get("/crm/churn").get_data(as_text=True)
    assert 'data-code="P1C006"' in page                              # grade E, 40 days without a deal
    manager.post("/crm/churn", {"comment": ""})
    assert _code("P1C006").public_pool
    today = clock.plant_today(crm)
    stats = manager.get(f"/crm/statistics?first={today.isoformat()}&last={today.isoformat()}").get_data(as_text=True)
    row = re.search(r'<tr data-salesperson="[^"]*Wang[^"]*">(.*?)</tr>', stats, re.S) or \
        re.search(r'<tr data-salesperson="[^"]+">(.*?)</tr>', stats, re.S)
    assert '<td class="num" data-field="lost_channel">1</td>' in row.group(1)
    sheet = read(manager.get(f"/crm/statistics?first={today.isoformat()}&last={today.isoformat()}&export=xlsx").get_data())
    assert sheet[-1][0] in ("合计", "Total") and 1 in sheet[-1]
    assert browser("sales").get("/crm/churn").status_code == 403


def test_plans_expenses_and_leads(browser, crm):
    sales, manager = browser("sales"), browser("manager")
    sales.post("/crm/plans", {"title": "拜访周记 Visit Zhou's", "content": ""})
    plan = WorkPlan.get(WorkPlan.title == "拜访周记 Visit Zhou's")
    page = sales.get("/crm/plans").get_data(as_text=True)
    assert "已完成 1 / 4" in page                                      # the demo's three and this one
    sales.post(f"/crm/plans/{plan.id}/move/finish", {"comment": ""})
    assert WorkPlan.get_by_id(plan.id).state == "done"
    assert "已完成 2 / 4（50%）" in sales.get("/crm/plans").get_data(as_text=True)
    assert "拜访周记" in manager.get("/crm/plans").get_data(as_text=True)     # a manager sees everyone's

    fuel = DictionaryEntry.get((DictionaryEntry.kind == "expense_type") & (DictionaryEntry.code == "fuel"))
    today = clock.plant_today(crm).isoformat()
    sales.post("/crm/reimbursements/new", {"expense_type": fuel.id, "day": today, "amount": "123.45",
                                           "description": "油费 fuel", "customer": _code("P1C003").id})
    mine = Reimbursement.get(Reimbursement.amount == Decimal("123.45"))
    manager.post(f"/crm/reimbursements/{mine.id}/move/approve", {"comment": ""})
    assert Reimbursement.get_by_id(mine.id).state == "approved"
    listing = manager.get("/crm/reimbursements").get_data(as_text=True)
    assert "123.45" in listing and "449.95" in listing               # the total with the demo's 326.50 pending

    lead = Lead.get()
    sales.post(f"/crm/leads/{lead.id}/move/contact_made", {"comment": ""})
    sales.post(f"/crm/leads/{lead.id}/convert", {"code": "P1C201", "kind": "channel"})
    made = _code("P1C201")
    assert (made.name, made.kind, made.salesperson.login) == (lead.name, "channel", "sales")
    assert Lead.get_by_id(lead.id).state == "converted"
    assert made.assigned_on == clock.plant_today(crm)
    for url in ("/crm/channels", "/crm/end-customers", "/crm/follow-ups", "/crm/leads", "/crm/commissions",
                "/crm/commission_rules", "/crm/commissions/new?order=NOPE", "/crm/settings", "/crm/lost",
                "/crm/reimbursements?export=xlsx", "/crm/channels?export=xlsx", "/crm/leads?export=xlsx"):
        assert manager.get(url).status_code == 200, url
    assert "本厂没有订单 NOPE" in manager.get("/crm/commissions/new?order=NOPE").get_data(as_text=True)
