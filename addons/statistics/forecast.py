"""The sales forecast (销售预测) of a month, per product (and customer group): the same month last year times
the recent growth, the growth being the last three complete months against the same months a year before
(the product's own, or the plant's where the product has no base). Firm orders by delivery day are the
history. Shown beside last year, the month's actual and the targets; offered to the production plan."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from peewee import fn

from addons.master_data.models.customer import Customer
from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import FIRM, Order
from addons.statistics.models.target import SalesTarget
from core.clock import plant_today
from core.fields import summed
from core.params import month_bounds
from core.periods import period_of

ZERO = Decimal("0")
QTY, CENT, RATIO = Decimal("0.001"), Decimal("0.01"), Decimal("0.0001")


def shift(month: str, months: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass
class Row:
    product: Product
    group: PriceList | None
    last_year: Decimal
    last_year_amount: Decimal
    growth: Decimal
    quantity: Decimal         # the forecast
    amount: Decimal
    actual: Decimal           # firm orders of the month so far
    actual_amount: Decimal


def _history(plant_id, first, last, by_group) -> dict:
    """{(product id, group id or None, "YYYY-MM"): [quantity, amount]} of firm orders delivered in [first, last].

    Per product it is the daily summary's (firm orders at their estimate by delivery day, a few hundred rows a
    day); per product and customer group, which the summary does not keep, the order lines themselves."""
    if not by_group:
        return _history_from_summary(plant_id, first, last)
    group = Customer.price_list
    fields = [OrderLine.product, Order.delivery_date, fn.SUM(OrderLine.quantity), fn.SUM(OrderLine.amount)]
    query = (OrderLine.select(*(fields + ([group] if by_group else [])))
             .join(Order).join(Customer, on=(Order.customer == Customer.id))
             .where((Order.plant == plant_id) & Order.state.in_(FIRM) & Order.delivery_date.between(first, last))
             .group_by(*([OrderLine.product, Order.delivery_date] + ([group] if by_group else []))))
    out = defaultdict(lambda: [ZERO, ZERO])
    for row in query.tuples():
        product_id, day, quantity, amount = row[:4]
        day = Order.delivery_date.python_value(day)
        key = (product_id, row[4] if by_group else None, day.isoformat()[:7])
        out[key][0] += summed(quantity, 3)
        out[key][1] += summed(amount, 2)
    return out


def _history_from_summary(plant_id, first, last) -> dict:
    from addons.statistics import summary
    from addons.statistics.models.daily_sales import DailySales as S
    summary.refresh(plant_id)
    month = period_of(S.day, 7)
    rows = (S.select(S.key_id, month, fn.SUM(S.quantity), fn.SUM(S.amount))
            .where((S.plant == plant_id) & (S.basis == "ordered") & (S.dimension == "product")
                   & S.day.between(first, last))
            .group_by(S.key_id, month).tuples())
    out = defaultdict(lambda: [ZERO, ZERO])
    for product_id, m, quantity, amount in rows:
        out[(product_id, None, m)] = [summed(quantity, 3), summed(amount, 2)]
    return out


def forecast(plant, month: str, by_group=False) -> list[Row]:
    current = plant_today(plant).isoformat()[:7]
    recent = [shift(current, -n) for n in (3, 2, 1)]
    base = [shift(m, -12) for m in recent]
    first = month_bounds(min(base + [shift(month, -12)]))[0]
    last = month_bounds(max(recent + [month]))[1]
    history = _history(plant.id, first, last, by_group)
    keys = {(p, g) for p, g, _m in history}

    def total(key, months, i=0):
        return sum((history.get((*key, m), [ZERO, ZERO])[i] for m in months), ZERO)

    plant_recent = sum((total(k, recent) for k in keys), ZERO)
    plant_base = sum((total(k, base) for k in keys), ZERO)
    plant_growth = (plant_recent / plant_base) if plant_base else Decimal("1")
    products = {p.id: p for p in Product.select().where(Product.id.in_([p for p, _g in keys] or [0]))}
    groups = {g.id: g for g in PriceList.select().where(PriceList.id.in_([g for _p, g in keys if g] or [0]))}
    rows = []
    for key in sorted(keys, key=lambda k: (products[k[0]].code, k[1] or 0)):
        ly, ly_amount = history.get((*key, shift(month, -12)), [ZERO, ZERO])
        own_base = total(key, base)
        growth = (total(key, recent) / own_base) if own_base else plant_growth
        actual, actual_amount = history.get((*key, month), [ZERO, ZERO])
        if not (ly or actual):
            continue
        rows.append(Row(products[key[0]], groups.get(key[1]), ly, ly_amount, growth.quantize(RATIO, ROUND_HALF_UP),
                        (ly * growth).quantize(QTY, ROUND_HALF_UP), (ly_amount * growth).quantize(CENT, ROUND_HALF_UP),
                        actual, actual_amount))
    return rows


def target_of(plant_id, month: str) -> Decimal:
    return summed(SalesTarget.select(fn.SUM(SalesTarget.amount)).where(
        (SalesTarget.plant == plant_id) & (SalesTarget.period == month)).scalar(), 2)


def daily_suggestion(plant, first: datetime.date, last: datetime.date) -> dict:
    """{(product id, day): forecast quantity of the day's month spread evenly over its days}."""
    out = {}
    months = sorted({(first + datetime.timedelta(days=n)).isoformat()[:7] for n in range((last - first).days + 1)})
    for month in months:
        m_first, m_last = month_bounds(month)
        days = (m_last - m_first).days + 1
        per_product = defaultdict(lambda: ZERO)
        for row in forecast(plant, month):
            per_product[row.product.id] += row.quantity
        day = max(first, m_first)
        while day <= min(last, m_last):
            for product_id, quantity in per_product.items():
                out[(product_id, day)] = (quantity / days).quantize(QTY, ROUND_HALF_UP)
            day += datetime.timedelta(days=1)
    return out
