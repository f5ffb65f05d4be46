"""Automatic upgrades (渠道客户升级): a channel rises to the best grade whose number of referred end customers
with a deal it has reached (the plant's steps). Never lowered here: a manager lowers a grade by hand."""
from __future__ import annotations

from peewee import fn

from addons.crm import owners
from addons.crm.settings import settings_of, upgrade_steps
from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import FIRM, Order

ORDER = "ABCDE"


def referred_with_deals(channel_id) -> int:
    return (Order.select(fn.COUNT(fn.DISTINCT(Order.customer))).join(Customer, on=(Order.customer == Customer.id))
            .where((Customer.referred_by == channel_id) & Order.state.in_(FIRM)).scalar() or 0)


def earned_grade(channel, count=None) -> str | None:
    count = referred_with_deals(channel.id) if count is None else count
    for grade, needed in upgrade_steps(settings_of(channel.plant_id)):
        if count >= needed:
            return grade
    return None


def upgrade(channel) -> Customer:
    count = referred_with_deals(channel.id)
    earned = earned_grade(channel, count)
    if earned is not None and ORDER.index(earned) < ORDER.index(channel.grade or "E"):
        return owners.set_grade(channel, earned, kind="upgraded", count=count)
    return channel


def deal_closed(order):
    """An order became firm: the channel that referred its customer may rise."""
    customer = Customer.get_by_id(order.customer_id)
    if customer.referred_by_id:
        channel = Customer.get_or_none(Customer.id == customer.referred_by_id)
        if channel is not None and channel.kind == "channel":
            upgrade(channel)
