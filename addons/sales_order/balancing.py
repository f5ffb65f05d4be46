"""Balancing a day's approved demand against what the plant can supply.

Supply is the `availability` hook's answer (a stock addon may give one) or, without one, the figure a
manager entered. Where demand exceeds supply the proposal serves better-rated customers first and
shares the rest of a rating pro rata, in whole pieces for counted units (largest remainders get the
odd pieces). The manager adjusts and confirms; cut lines keep their original quantity and the
customers are told.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.master_data.models.customer import Customer, CustomerLogin
from addons.master_data.models.product import Product
from addons.sales_order.lines import line_amount, units_by_id
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.models.planning import Availability
from core import audit, notify
from core.db import bulk_upsert, lock, transaction
from core.errors import UserError
from core.kernel import current_kernel

GRAM = Decimal("0.001")


def supply(plant, day, product_ids) -> dict:
    """{product id: available quantity or None when nobody knows}."""
    answers = current_kernel().hooks.call("availability", plant.id, plant_id=plant.id,
                                          product_ids=list(product_ids), day=day)
    known: dict = {}
    for answer in answers:
        for pid, qty in (answer or {}).items():
            known.setdefault(pid, Decimal(qty))
    entered = {a.product_id: a.quantity for a in Availability.select().where(
        (Availability.plant == plant.id) & (Availability.day == day) & Availability.product.in_(list(product_ids)))}
    return {pid: known.get(pid, entered.get(pid)) for pid in product_ids}


REVIEWED = ("draft", "submitted", "held", "price_review")


def stock_check(order, lines) -> dict:
    """The automatic stock check of an order under review: {product id: (available, approved for others,
    what is left for this order)} on its delivery day; empty when nobody knows the supply."""
    return left_for(order, lines) if order.state in REVIEWED else {}


def left_for(order, lines) -> dict:
    """What the supply of the order's day leaves for it after the other approved orders, per product."""
    product_ids = {line.product_id for line in lines}
    available = {pid: qty for pid, qty in supply(order.plant, order.delivery_date, product_ids).items() if qty is not None}
    if not available:
        return {}
    others = dict(OrderLine.select(OrderLine.product, fn.SUM(OrderLine.quantity)).join(Order).where(
        (Order.plant == order.plant_id) & (Order.delivery_date == order.delivery_date) & (Order.state == "approved")
        & (Order.id != order.id) & OrderLine.product.in_(list(available))).group_by(OrderLine.product).tuples())
    out = {}
    for pid, have in available.items():
        taken = OrderLine.quantity.python_value(others[pid]) if others.get(pid) is not None else Decimal("0")
        out[pid] = (have, taken, have - taken)
    return out


def demand(plant, day) -> list[dict]:
    """Approved demand per product for the day, with supply and shortfall."""
    rows = (OrderLine.select(OrderLine.product, fn.SUM(OrderLine.quantity).alias("qty"))
            .join(Order).where((Order.plant == plant.id) & (Order.delivery_date == day) & (Order.state == "approved"))
            .group_by(OrderLine.product).tuples())
    totals = {pid: OrderLine.quantity.python_value(q) for pid, q in rows}
    products = {p.id: p for p in Product.select().where(Product.id.in_(list(totals)))} if totals else {}
    available = supply(plant, day, list(totals))
    out = []
    for pid, qty in sorted(totals.items(), key=lambda kv: products[kv[0]].code):
        have = available.get(pid)
        out.append({"product": products[pid], "demand": qty, "available": have,
                    "short": (qty - have) if have is not None and qty > have else Decimal("0")})
    return out


def _lines(plant, day, product_id):
    return list(OrderLine.select(OrderLine, Order, Customer)
                .join(Order).join(Customer)
                .where((Order.plant == plant.id) & (Order.delivery_date == day) & (Order.state == "approved")
                       & (OrderLine.product == product_id))
                .order_by(Customer.rating, Order.id, OrderLine.seq))


def propose(plant, day, product) -> tuple[list, Decimal | None]:
    """[(line, proposed quantity)] for the product's approved lines that day, and the supply used."""
    lines = _lines(plant, day, product.id)
    have = supply(plant, day, [product.id]).get(product.id)
    if have is None:
        return [(line, line.quantity) for line in lines], None
    whole = units_by_id()[product.selling_unit_id].kind == "count"
    step = Decimal("1") if whole else GRAM
    left = have
    proposal = {}
    tiers = defaultdict(list)
    for line in lines:
        tiers[line.order.customer.rating or "Z"].append(line)
    for rating in sorted(tiers):
        tier = tiers[rating]
        wanted = sum((line.quantity for line in tier), Decimal("0"))
        if wanted <= left:
            proposal.update({line.id: line.quantity for line in tier})
            left -= wanted
            continue
        shares = []
        for line in tier:
            exact = left * line.quantity / wanted if wanted else Decimal("0")
            base = exact.quantize(step, rounding=ROUND_DOWN)
            shares.append([line, base, exact - base])
        rest = left - sum((s[1] for s in shares), Decimal("0"))
        for share in sorted(shares, key=lambda s: (-s[2], s[0].order_id, s[0].seq)):
            if rest >= step and share[1] + step <= share[0].quantity:
                share[1] += step
                rest -= step
        proposal.update({s[0].id: s[1] for s in shares})
        left = rest
    return [(line, proposal.get(line.id, Decimal("0"))) for line in lines], have


def confirm(plant, day, product, allocation: dict[int, Decimal], comment="") -> int:
    """Apply a manager's allocation; returns how many lines were cut. One transaction."""
    whole = units_by_id()[product.selling_unit_id].kind == "count"
    have = supply(plant, day, [product.id]).get(product.id)
    with transaction():
        lines = {line.id: line for line in lock(
            OrderLine.select(OrderLine, Order).join(Order)
            .where((Order.plant == plant.id) & (Order.delivery_date == day) & (Order.state == "approved")
                   & (OrderLine.product == product.id)))}
        for line_id, qty in allocation.items():
            line = lines.get(line_id)
            if line is None:
                raise UserError(_("A line in this allocation is no longer an approved line of that day."))
            if qty < 0 or qty > line.quantity:
                raise UserError(_("Order %(number)s: allocate between 0 and %(qty)s.", number=line.order.number,
                                  qty=line.quantity), field=f"line-{line_id}")
            if whole and qty != qty.to_integral_value():
                raise UserError(_("Order %(number)s: %(product)s is allocated in whole pieces.",
                                  number=line.order.number, product=product.name), field=f"line-{line_id}")
        total = sum((allocation.get(i, line.quantity) for i, line in lines.items()), Decimal("0"))
        if have is not None and total > have:
            raise UserError(_("The allocation (%(total)s) is more than is available (%(have)s).", total=total,
                              have=have), field="allocation")
        units = units_by_id()
        cut, orders = [], set()
        for line_id, qty in allocation.items():
            line = lines[line_id]
            if qty == line.quantity:
                continue
            old_qty = line.quantity
            line.original_quantity = line.original_quantity if line.original_quantity is not None else old_qty
            line.expected_weight = (line.expected_weight * qty / old_qty).quantize(GRAM, rounding=ROUND_HALF_UP)
            line.quantity = qty
            line.amount = line_amount(product, units, qty, line.expected_weight, line.unit_price)
            line.save()
            audit.log("allocate", OrderLine._meta.table_name, line.id, plant=plant.id,
                      old={"quantity": old_qty}, new={"quantity": qty}, comment=comment)
            cut.append((line, old_qty, qty))
            orders.add(line.order_id)
        for order in Order.select().where(Order.id.in_(list(orders))):
            sums = (OrderLine.select(fn.SUM(OrderLine.amount), fn.SUM(OrderLine.expected_weight))
                    .where(OrderLine.order == order.id).tuples().get())
            order.amount = OrderLine.amount.python_value(sums[0] or 0)
            order.weight = OrderLine.expected_weight.python_value(sums[1] or 0)
            order.save(only=[Order.amount, Order.weight])
        if cut:
            current_kernel().hooks.call("firm_orders_changed", plant.id, plant_id=plant.id, days=[day])
        _tell_customers(plant, product, cut)
    return len(cut)


def _tell_customers(plant, product, cut):
    if not cut:
        return
    customer_ids = {line.order.customer_id for line, _o, _n in cut}
    logins = defaultdict(list)
    for login in CustomerLogin.select().where(CustomerLogin.customer.in_(list(customer_ids))):
        logins[login.customer_id].append(login.user_id)
    for line, old_qty, new_qty in cut:
        order = line.order
        params = {"number": order.number, "product": product.name, "old": f"{old_qty.normalize():f}",
                  "new": f"{new_qty.normalize():f}"}
        message = _l("Order %(number)s: %(product)s cut from %(old)s to %(new)s.")
        notify.notify(logins[order.customer_id], message, params=params, link=f"/portal/orders/{order.id}",
                      plant=plant, email=True)
        if order.salesperson_id:
            notify.notify([order.salesperson_id], message, params=params, link=f"/sales/orders/{order.id}",
                          plant=plant)


def save_availability(plant, day, entered: dict) -> None:
    """What the plant can supply of each product on `day` (`entered`: product id -> quantity, None clears it);
    products of other plants are ignored. One transaction, audited."""
    products = {p.id for p in Product.select(Product.id).where((Product.plant == plant.id)
                                                              & Product.id.in_(list(entered)))}
    with transaction():
        Availability.delete().where((Availability.plant == plant.id) & (Availability.day == day)
                                    & Availability.product.in_([k for k, v in entered.items() if v is None])).execute()
        bulk_upsert(Availability, [{"plant": plant.id, "product": pid, "day": day, "quantity": qty}
                                   for pid, qty in entered.items() if qty is not None and pid in products],
                    conflict=["plant", "day", "product"], update=["quantity"])
        audit.log("availability", Availability._meta.table_name, None, plant=plant.id,
                  new={"day": day, "products": {str(k): v for k, v in entered.items()}})
