"""Sales figures: firm orders (approved or completed) by their delivery day, summed in the database.

Every figure is one GROUP BY over the daily sales summary (`summary.py` keeps it in step with the order
lines); Python only arranges the grouped rows (a few hundred) into series, growth rates and shares.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import JOIN, SQL, Cast, Select, fn

from addons.master_data.models.category import Category
from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.product import Product
from addons.master_data.models.region import Region
from addons.sales_order.models.order import Order
from addons.statistics import periods, summary
from addons.statistics.models.daily_sales import DailySales, PeriodSales
from core.models import User
from core.db import run_composed, run_composed_ids
from core.periods import month_in_year, period_of, pieces, shaped, union_all, unshaped

BASES = {"shipped": _l("Shipped: billed on the weighed kg, by ship date"),
         "ordered": _l("Ordered: firm orders at their estimate, by delivery day")}
PERIODS = {"day": _l("Day"), "month": _l("Month"), "quarter": _l("Quarter"), "year": _l("Year")}
DIMENSIONS = {"none": _l("Total"), "salesperson": _l("Salesperson"), "province": _l("Province"), "city": _l("City"),
              "product": _l("Product"), "category": _l("Category"), "customer": _l("Customer"),
              "channel": _l("Channel"), "customer_type": _l("Customer type")}
PCT = Decimal("0.01")
S = DailySales


@dataclass
class Figure:
    period: str
    key: object            # the name shown, or the id with labels=False
    amount: Decimal
    weight: Decimal
    quantity: Decimal


def period_expr(period, column=Order.delivery_date):
    if period in ("day", "month", "year"):
        return period_of(column, {"day": 10, "month": 7, "year": 4}[period])
    month = month_in_year(column)
    # "2026-Q1": the year, then the quarter from the month (integer division on both databases)
    return period_of(column, 4).concat(SQL("'-Q'")).concat(Cast((month - SQL("1")) / SQL("3") + SQL("1"), "text"))


def _names(model, label, *fields):
    """The names of a figure's keys: composed once per model and number of keys (a table names a page of them)."""
    def read(ids):
        ids = sorted(set(ids))
        if not ids:
            return {}
        rows = run_composed_ids(("statistics.names", model), lambda wanted: model.select(model.id, *fields).where(
            model.id.in_(wanted)), ids)
        return {pk: label(*values) for pk, *values in rows.fetchall()}
    return read


# The summary's own dimension behind each one offered: category is read through the product, region and customer
# type through the customer. The total reads the channel rows: every firm line has exactly one channel.
SOURCE = {"none": "channel", "channel": "channel", "salesperson": "salesperson", "customer": "customer",
          "product": "product", "category": "product", "customer_type": "customer", "province": "customer",
          "city": "customer"}


def _dimension(query, dimension, rows=S):
    """The grouping column (an id where there is one: grouping on integers is cheaper than on names) and the
    joins it needs. `rows`: where the key columns are read (the summary, or the signed rows of periods.py)."""
    if dimension in ("none", "channel"):
        return query, SQL("''") if dimension == "none" else rows.key_text
    if dimension in ("salesperson", "customer", "product"):
        return query, rows.key_id
    if dimension == "category":
        return query.join(Product, on=(Product.id == rows.key_id)), Product.category
    query = query.join(Customer, on=(Customer.id == rows.key_id))
    if dimension == "customer_type":
        return query, Customer.customer_type
    if dimension in ("province", "city"):
        query = query.join(Region, JOIN.LEFT_OUTER, on=(Region.id == Customer.region))
        return query, (Region.province if dimension == "province" else Region.city)
    raise KeyError(dimension)


# How the keys of a dimension become the names shown (none: the key is the name).
_NAMERS = {"salesperson": _names(User, lambda name: name, User.name),
           "customer": _names(Customer, lambda code, name: f"{code} {name}", Customer.code, Customer.name),
           "product": _names(Product, lambda code, name: f"{code} {name}", Product.code, Product.name),
           "category": _names(Category, lambda name: name, Category.name),
           "customer_type": _names(DictionaryEntry, lambda name: name, DictionaryEntry.name)}


def default_basis(plant_id) -> str:
    """Where the plant sells by weight (catch weight), what was billed on the weighed kg is the figure to
    trust; elsewhere the ordered figure is the same money, known days earlier."""
    weighed = run_composed("statistics.default_basis", lambda plant: Product.select(Product.id).where(
        (Product.plant == plant) & Product.catch_weight & Product.active).limit(1), plant_id).fetchone() is not None
    return "shipped" if weighed else "ordered"


def _month_span(first: datetime.date, last: datetime.date):
    """The whole months inside [first, last] as (first day, last day), or None when there is none."""
    start = first if first.day == 1 else (first.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    end = (last + datetime.timedelta(days=1)).replace(day=1) - datetime.timedelta(days=1)   # last, at a month's end
    return (start, end) if start <= end else None


def _rows_by_period(plant_id, first, last, period, basis, dimension):
    """(p, key_id, key_text, amount, weight, quantity) rows whose sums by period and key are the figures of
    [first, last]: the whole months from the kept months (periods.py), the days at either end from the days.
    A year by month is two dozen rows a key, not seven hundred. Not core.periods.pieces: the rows are grouped by
    period, so no piece may be taken away across a period's edge (a year less its December)."""
    P = PeriodSales
    where_days = (S.plant == plant_id) & (S.basis == basis) & (S.dimension == dimension)
    span = _month_span(first, last) if period != "day" else None
    parts = []
    if span is not None:
        months = (P.period.between(span[0].isoformat()[:7], span[1].isoformat()[:7]) & (fn.LENGTH(P.period) == 7))
        parts.append(P.select(period_expr(period, P.period).alias("p"), P.key_id, P.key_text, P.amount, P.weight,
                              P.quantity)
                     .where((P.plant == plant_id) & (P.basis == basis) & (P.dimension == dimension) & months))
        days = [(a, b) for a, b in ((first, span[0] - datetime.timedelta(days=1)),
                                    (span[1] + datetime.timedelta(days=1), last)) if a <= b]
    else:
        days = [(first, last)]
    for a, b in days:
        parts.append(S.select(period_expr(period, S.day).alias("p"), fn.COALESCE(S.key_id, 0).alias("key_id"),
                              fn.COALESCE(S.key_text, "").alias("key_text"), S.amount, S.weight, S.quantity)
                     .where(where_days & S.day.between(a, b)))
    return union_all(parts)


def figures(plant_id, first: datetime.date, last: datetime.date, period="month", dimension="none",
            labels=True, basis="ordered") -> list[Figure]:
    """Amount, weight and quantity by period and by `dimension`, read from the daily summary and its kept months
    (brought up to date first). `basis` "ordered": firm orders at their estimate by delivery day; "shipped":
    what notes billed (catch weight: on the weighed kg) by ship date. `labels=False` keeps the ids as the keys."""
    summary.refresh(plant_id)
    u = _rows_by_period(plant_id, first, last, period, basis, SOURCE[dimension]).alias("u")
    query, key = _dimension(Select([u]), dimension, u.c)
    names = _NAMERS.get(dimension)
    rows = list(query.select(u.c.p, key.alias("k"), fn.SUM(u.c.amount), fn.SUM(u.c.weight), fn.SUM(u.c.quantity))
                .group_by(*((u.c.p,) if dimension == "none" else (u.c.p, key))).tuples().execute(S._meta.database))
    names = names if labels else None
    label = names([k for _p, k, *_rest in rows if k is not None]) if names else {}
    amount, weight, qty = S.amount.python_value, S.weight.python_value, S.quantity.python_value
    return [Figure(p, (label.get(k, "") if names else k) or "", amount(a or 0), weight(w or 0), qty(q or 0))
            for p, k, a, w, q in rows]


def growth(current: Decimal, base: Decimal | None) -> Decimal | None:
    if not base:
        return None
    return ((current - base) * 100 / base).quantize(PCT)


def previous(period: str, key: str) -> str:
    """The period before `key` ("2026-01" -> "2025-12", "2026-Q1" -> "2025-Q4")."""
    if period == "year":
        return str(int(key) - 1)
    if period == "month":
        year, month = int(key[:4]), int(key[5:7])
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    if period == "quarter":
        year, quarter = int(key[:4]), int(key[-1])
        return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"
    return (datetime.date.fromisoformat(key) - datetime.timedelta(days=1)).isoformat()


def year_before(period: str, key: str) -> str:
    if period == "day":
        day = datetime.date.fromisoformat(key)
        return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day).isoformat()
    return str(int(key[:4]) - 1) + key[4:]


def series(plant_id, first, last, period="month", dimension="none", basis="ordered") -> list[dict]:
    """Each period and key with its figures, the previous period's and the same period a year before,
    and the growth against both. The comparison periods are read in the same query (a wider range)."""
    wide_first = first.replace(year=first.year - 1, day=1) if period != "day" else first - datetime.timedelta(days=366)
    found = {(f.period, f.key): f for f in figures(plant_id, wide_first, last, period, dimension, basis=basis)}
    first_key = {"day": first.isoformat(), "month": first.isoformat()[:7], "year": first.isoformat()[:4],
                 "quarter": f"{first.year}-Q{(first.month - 1) // 3 + 1}"}[period]
    rows = []
    for (p, k), f in sorted(found.items()):
        if p < first_key:
            continue
        before, last_year = found.get((previous(period, p), k)), found.get((year_before(period, p), k))
        rows.append({"period": p, "key": k, "amount": f.amount, "weight": f.weight, "quantity": f.quantity,
                     "previous": before.amount if before else Decimal("0.00"),
                     "growth": growth(f.amount, before.amount if before else None),
                     "last_year": last_year.amount if last_year else Decimal("0.00"),
                     "yoy": growth(f.amount, last_year.amount if last_year else None)})
    return rows


def _with_measures(ranked, plant_id, basis, values, shape, dimension, signed_by_key) -> list[tuple]:
    """The top keys' rows (key, amount, total) with their weight and quantity: summed for those keys only. Four
    sums over every key of a year were most of the ranking's read; a key with no value (no category) is a shape."""
    known = [k for k, *_rest in ranked if k is not None]
    with_null = len(known) != len(ranked)

    def build(plant, basis_, *both):
        signed, query, key = signed_by_key(plant, basis_, both[:len(values)])
        wanted = key.in_(list(both[len(values):])) if known else SQL("1 = 0")
        return (query.select(key, fn.SUM(signed.c.weight), fn.SUM(signed.c.quantity))
                .where(wanted | key.is_null() if with_null else wanted).group_by(key).bind(S._meta.database))
    measures = {k: (w, q) for k, w, q in run_composed(("statistics.ranking_measures", dimension, shape, len(known),
                                                       with_null), build, plant_id, basis, *values, *known).fetchall()}
    return [(k, a, *measures.get(k, (0, 0)), everything) for k, a, everything in ranked]


def ranking(plant_id, first, last, dimension="product", top=10, basis="ordered", today=None) -> list[dict]:
    """The top keys by amount over the range, each with its share of the total: ranked in the database over the
    summary's months, years and days (periods.py), so that only the top rows are read and named."""
    summary.refresh(plant_id)
    shape, values = shaped(pieces(first, last, today))     # today: the plant's, for the days after it (periods)

    def signed_by_key(plant, basis_, pieces_values):
        signed = periods.signed_rows(plant, basis_, SOURCE[dimension], unshaped(shape, pieces_values)).alias("u")
        query, key = _dimension(Select([signed]), dimension, signed.c)
        return signed, query, key

    def build(plant, basis_, *pieces_values):
        signed, query, key = signed_by_key(plant, basis_, pieces_values)
        amount = fn.SUM(signed.c.amount)
        everything = fn.SUM(amount).over()     # the total of every key, in the same read (before the LIMIT)
        if dimension == "none":     # one row: the total (PostgreSQL takes no constant to group or sort by)
            grouped = query.select(SQL("''"), amount, fn.SUM(signed.c.weight), fn.SUM(signed.c.quantity), everything)
        else:     # ranked on the amount alone: weight and quantity are summed for the top keys only (below)
            grouped = query.select(key, amount, everything).group_by(key).order_by(amount.desc(), key)
        # a key whose pieces cancel out (a year less its month) is not in the range: it has no order
        return grouped.having(fn.SUM(signed.c.orders) != 0).limit(top).bind(S._meta.database)
    # composed once per dimension, size and shape of the range (core.periods.shaped)
    ranked = run_composed(("statistics.ranking", dimension, top, shape), build, plant_id, basis, *values).fetchall()
    if dimension != "none" and ranked:
        ranked = _with_measures(ranked, plant_id, basis, values, shape, dimension, signed_by_key)
    names = _NAMERS.get(dimension)
    label = names([k for k, *_rest in ranked if k is not None]) if names else {}
    money, kg, pieces_ = S.amount.python_value, S.weight.python_value, S.quantity.python_value
    grand = money(ranked[0][4] or 0) if ranked else money(0)
    rows = [{"key": (label.get(k, "") if names else k) or "", "amount": money(a or 0), "weight": kg(w or 0),
             "quantity": pieces_(q or 0), "share": (money(a or 0) * 100 / grand).quantize(PCT) if grand else Decimal("0")}
            for k, a, w, q, _all in ranked]
    rest = grand - sum((r["amount"] for r in rows), Decimal("0.00"))
    return rows, rest, grand

