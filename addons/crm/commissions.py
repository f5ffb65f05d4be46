"""Commissions (佣金): a channel earns a rate of the money received on an order — its own, or one of an end
customer it referred. The rate is the plant's rule for the order's type (how it came) and the channel's
grade. An application covers what was received and not yet commissioned; exact to the fen, rounded half up."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from peewee import fn

from addons.crm.models.commission import CommissionApplication, CommissionRule
from addons.crm.models.commission_payment import CommissionPayment
from addons.ledger.models.allocation import Allocation
from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import Order
from core import audit, context
from core.clock import plant_today
from core.db import lock_get, transaction
from core.errors import UserError
from core.fields import summed
from core.numbering import next_number
from core.numbers import decimal_input

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass
class Quote:
    order: Order
    channel: Customer | None
    rule: CommissionRule | None
    received: Decimal          # all money received on the order
    covered: Decimal           # received money already in an application (not refused)
    base: Decimal              # what a new application covers
    rate: Decimal
    amount: Decimal


def received_on(order_id) -> Decimal:
    """Money the customer paid against the order's shipments: receipts applied to its debits."""
    credit = AccountEntry.alias()
    total = (Allocation.select(fn.SUM(Allocation.amount))
             .join(AccountEntry, on=(Allocation.debit == AccountEntry.id))
             .join_from(Allocation, credit, on=(Allocation.credit == credit.id))
             .where((AccountEntry.order_id == order_id) & (credit.kind == "receipt")).scalar())
    return summed(total, 2)


def earning_channel(order) -> Customer | None:
    customer = Customer.get_by_id(order.customer_id)
    if customer.kind == "channel":
        return customer
    if customer.referred_by_id:
        channel = Customer.get_or_none(Customer.id == customer.referred_by_id)
        if channel is not None and channel.kind == "channel":
            return channel
    return None


def rule_for(plant_id, order_channel, grade) -> CommissionRule | None:
    rules = list(CommissionRule.select().where((CommissionRule.plant == plant_id) & (CommissionRule.active == True)  # noqa: E712
                                               & CommissionRule.order_channel.in_([order_channel, ""])
                                               & CommissionRule.grade.in_([grade, ""])))
    rules.sort(key=lambda r: (r.order_channel == "", r.grade == ""))   # the most specific first
    return rules[0] if rules else None


def covered_on(order_id) -> Decimal:
    total = (CommissionApplication.select(fn.SUM(CommissionApplication.received))
             .where((CommissionApplication.order == order_id) & (CommissionApplication.state != "refused")).scalar())
    return summed(total, 2)


def quote(order) -> Quote:
    channel = earning_channel(order)
    rule = rule_for(order.plant_id, order.channel, channel.grade) if channel is not None else None
    received, covered = received_on(order.id), covered_on(order.id)
    base = max(received - covered, ZERO)
    rate = rule.rate if rule is not None else ZERO
    amount = (base * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return Quote(order, channel, rule, received, covered, base, rate, amount)


def order_by_number(plant, number) -> Order:
    order = Order.get_or_none((Order.plant == plant.id) & (Order.number == (number or "").strip()))
    if order is None:
        raise UserError(_("No order %(number)s in this plant.", number=number), field="order")
    return order


def apply(order) -> CommissionApplication:
    """A commission application for what was received on `order` and not yet commissioned."""
    user = context.current().user
    with transaction():
        lock_get(Order, order.id)               # two applications at once on one order: one waits, then sees the other
        q = quote(order)
        if q.channel is None:
            raise UserError(_("No channel customer earns a commission on order %(number)s.", number=order.number),
                            field="order")
        if q.rule is None:
            raise UserError(_("No commission rule covers orders of this type for grade %(grade)s.",
                              grade=q.channel.grade), field="order")
        if q.base <= 0:
            raise UserError(_("No money received on order %(number)s is left without a commission.",
                              number=order.number), field="order")
        plant = order.plant
        app = CommissionApplication.create(
            plant=order.plant_id, number=next_number(plant, "CM", plant_today(plant)), order=order.id,
            customer=q.channel.id, salesperson=order.salesperson_id or q.channel.salesperson_id,
            day=plant_today(plant), received=q.base, rate=q.rate, amount=q.amount,
            created_by=user.id if user else None)
        audit.log("create", CommissionApplication._meta.table_name, app.id, plant=order.plant_id,
                  new={"order": order.number, "received": str(q.base), "rate": str(q.rate), "amount": str(q.amount)})
    return app


def pay(app, raw_amount, reference="") -> CommissionApplication:
    """Finance pays an approved commission, whole or in parts; the last part settles it."""
    amount = decimal_input(raw_amount, field="amount", label=_("Amount"), places=2, allow_zero=False)
    with transaction():
        fresh = lock_get(CommissionApplication, app.id)
        if fresh.state != "approved":
            raise UserError(_("Only an approved commission can be paid."))
        left = fresh.amount - fresh.paid
        if amount > left:
            raise UserError(_("Only %(left)s is left to pay.", left=f"{left:.2f}"), field="amount")
        user = context.current().user
        CommissionPayment.create(plant=fresh.plant_id, application=fresh.id, day=plant_today(fresh.plant),
                                 amount=amount, reference=(reference or "")[:80], by=user.id if user else None)
        CommissionApplication.update(paid=fresh.paid + amount).where(CommissionApplication.id == fresh.id).execute()
        audit.log("pay", CommissionApplication._meta.table_name, fresh.id, plant=fresh.plant_id,
                  old={"paid": str(fresh.paid)}, new={"paid": str(fresh.paid + amount)})
        fresh = CommissionApplication.get_by_id(fresh.id)
        if fresh.paid == fresh.amount:
            fresh.settle()
    return CommissionApplication.get_by_id(app.id)


def totals(query) -> dict:
    """Received, commission and paid of the applications in `query` (a list's filtered query)."""
    row = query.select(fn.SUM(CommissionApplication.received), fn.SUM(CommissionApplication.amount),
                       fn.SUM(CommissionApplication.paid)).order_by().tuples().first() or (0, 0, 0)
    return {k: summed(v, 2) for k, v in zip(("received", "amount", "paid"), row)}


