"""The CRM of the demo's East plant: channels with grades and the end customers they referred, a public pool,
follow-ups due and overdue, this week's plans, commission rules, a lead and an expense to approve."""
import datetime
from decimal import Decimal

from addons.crm.models.commission import CommissionRule
from addons.crm.models.expense import Reimbursement
from addons.crm.models.followup import FollowUp
from addons.crm.models.lead import Lead
from addons.crm.models.plan import WorkPlan
from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core import clock
from core.context import acting_as
from core.models import User
from core.numbering import next_number

ENTRIES = [("channel_type", "agent", "代理商 agent"), ("channel_type", "distributor", "经销商 distributor"),
           ("channel_type", "canteen", "团餐 canteen"), ("expense_type", "travel", "差旅 travel"),
           ("expense_type", "meals", "招待 meals"), ("expense_type", "fuel", "油费 fuel")]
POOL = [("P1C101", "公海客户1 Pool customer 1", "channel", "D"), ("P1C102", "公海客户2 Pool customer 2", "end", "C"),
        ("P1C103", "公海客户3 Pool customer 3", "channel", "B")]


def load(plants):
    plant = next((p for p in plants if p.code == "P1"), None)
    sales = User.get_or_none(User.login == "sales")
    if plant is None or sales is None:
        return
    entries = {(k, c): DictionaryEntry.get_or_create(kind=k, code=c, defaults={"name": n})[0] for k, c, n in ENTRIES}
    today = clock.plant_today(plant)
    day = datetime.timedelta(days=1)
    code = {c.code: c for c in Customer.select().where(Customer.plant == plant.id)}
    Customer.update(grade="C", channel_type=entries[("channel_type", "agent")], assigned_on=today - 10 * day).where(
        Customer.id == code["P1C003"].id).execute()
    Customer.update(grade="E", channel_type=entries[("channel_type", "distributor")], assigned_on=today - 40 * day).where(
        Customer.id == code["P1C006"].id).execute()
    Customer.update(referred_by=code["P1C003"].id).where(Customer.id.in_([code["P1C004"].id, code["P1C005"].id])).execute()
    Customer.update(assigned_on=today - 60 * day).where((Customer.plant == plant.id) & Customer.assigned_on.is_null()
                                                        & Customer.salesperson.is_null(False)).execute()
    for c, name, kind, grade in POOL:
        Customer.create(plant=plant, code=c, name=name, kind=kind, grade=grade, public_pool=True, phone="13900000000",
                        channel_type=entries[("channel_type", "canteen")] if kind == "channel" else None)
    phone, visit = (DictionaryEntry.get((DictionaryEntry.kind == "followup_method") & (DictionaryEntry.code == m))
                    for m in ("phone", "visit"))
    for c, done, next_day, step, method in [
            ("P1C001", -5, 2, "送新品样品 Bring samples of the new cuts", visit),
            ("P1C002", -10, -3, "催回款 Chase the overdue payment", phone),
            ("P1C003", -7, 0, "谈下季度返点 Discuss next quarter's rebate", visit)]:
        FollowUp.create(plant=plant, customer=code[c].id, user=sales.id, day=today + done * day, method=method,
                        content="电话沟通订货量 Talked over the weekly volumes", next_day=today + next_day * day,
                        next_step=step)
    monday = today - datetime.timedelta(days=today.weekday())
    for title, state in [("拜访三家新渠道 Visit three new channels", "done"), ("回款 8 万 Collect 80,000", "open"),
                         ("整理公海客户 Sort out the pool", "open")]:
        WorkPlan.create(plant=plant, salesperson=sales.id, week=monday, title=title, state=state,
                        done_on=today if state == "done" else None)
    for channel, grade, rate in [("", "", "2.00"), ("", "C", "2.50"), ("salesperson", "A", "3.50")]:
        CommissionRule.create(plant=plant, order_channel=channel, grade=grade, rate=Decimal(rate))
    Lead.create(plant=plant, name="城南团餐中心 Chengnan canteen", contact="李经理 Li", phone="13700001111",
                source=DictionaryEntry.get((DictionaryEntry.kind == "customer_source") & (DictionaryEntry.code == "visit")),
                salesperson=sales.id)
    with acting_as(sales, plant):
        Reimbursement.create(plant=plant, number=next_number(plant, "EX", today), salesperson=sales.id,
                             customer=code["P1C003"].id, expense_type=entries[("expense_type", "travel")],
                             day=today - day, amount=Decimal("326.50"), description="拜访代理商 Visit to the agent")
