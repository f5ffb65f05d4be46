"""Counter sales (门市销售): a sale of what the cashier put on the scale, priced from the day's prices of the
customer's group (the price board's, once published), paid at once by one method or several, posted to the
customer's account (a walk-in or a named customer) in the same transaction, with its stock hook. Weights
come from weighings the server captured, never from a number the browser sends."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _
from peewee import IntegrityError

from addons.counter.models.counter import METHODS, CounterLine, CounterPayment, CounterSale, CounterSettings, Shift
from addons.ledger.exposure import check_credit
from addons.ledger.posting import lock_customer, post
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.master_data.pricing_units import amount as priced
from addons.sales_order.pricing import prices_for
from addons.weighing.models.weighing import Weighing
from core import audit, context
from core.clock import plant_today
from core.db import transaction
from core.errors import UserError
from core.kernel import current_kernel
from core.numbering import next_number
from core.numbers import decimal_input
from core.params import is_id

ZERO = Decimal("0.00")
WALK_IN = "WALK-IN"


@dataclass
class CartLine:
    product: object           # id
    quantity: object = "1"
    weighing: object = None   # the id of a weighing the counter captured


@dataclass
class Paid:
    method: str
    amount: object
    reference: str = ""


def settings_of(plant_id) -> CounterSettings:
    found = CounterSettings.get_or_none(CounterSettings.plant == plant_id)
    return found if found is not None else CounterSettings(plant=plant_id)


def walk_in(plant) -> Customer:
    """The plant's walk-in customer (散客): anonymous counter sales go on its account, paid at once."""
    settings = settings_of(plant.id)
    if settings.walk_in_id:
        return Customer.get_by_id(settings.walk_in_id)
    customer = Customer.get_or_none((Customer.plant == plant.id) & (Customer.code == WALK_IN))
    if customer is None:
        try:
            with transaction():       # a savepoint: another cashier's first sale may make it at the same time
                customer = Customer.create(plant=plant.id, code=WALK_IN, name=_("Walk-in customer"), kind="end",
                                           price_list=settings.price_list_id)
                audit.log("create", Customer._meta.table_name, customer.id, plant=plant.id,
                          new={"code": WALK_IN, "for": "counter"})
        except IntegrityError:
            customer = Customer.get((Customer.plant == plant.id) & (Customer.code == WALK_IN))
    return customer


def current_shift(plant, user) -> Shift | None:
    return Shift.get_or_none((Shift.plant == plant.id) & (Shift.cashier == user.id) & (Shift.state == "open"))


def open_shift(plant, opening_cash) -> Shift:
    user = context.current().user
    cash = decimal_input(opening_cash or "0", field="opening_cash", label=_("Cash in the drawer"), places=2)
    with transaction():
        if current_shift(plant, user) is not None:
            raise UserError(_("Your shift is open already."))
        today = plant_today(plant)
        shift = Shift.create(plant=plant.id, number=next_number(plant, "SH", today), cashier=user.id, day=today,
                             opening_cash=cash)
        audit.log("create", Shift._meta.table_name, shift.id, plant=plant.id, new={"opening_cash": str(cash)})
    return shift


def _payments(rows, total, customer, walk_in_id, refund=False) -> list[tuple]:
    out = []
    for n, row in enumerate(rows, 1):
        if not str(row.amount or "").strip():
            continue
        if row.method not in METHODS:
            raise UserError(_("Choose how it is paid."), field="payments")
        value = decimal_input(row.amount, field="payments", label=str(METHODS[row.method]), places=2, allow_zero=False)
        if row.method == "account" and customer.id == walk_in_id:
            raise UserError(_("A walk-in customer pays at once: choose a named customer to put it on account."),
                            field="customer")
        out.append((row.method, value, (row.reference or "").strip()[:80]))
    paid = sum((v for _m, v, _r in out), ZERO)
    if paid != total:
        raise UserError((_("The refunds come to %(paid)s, not %(total)s.") if refund else
                         _("The payments come to %(paid)s, not %(total)s.")) % {"paid": f"{paid:.2f}",
                                                                                 "total": f"{total:.2f}"},
                        field="payments")
    return out


def sell(plant, cart: list[CartLine], payments: list[Paid], customer_id=None) -> CounterSale:
    user = context.current().user
    shift = current_shift(plant, user)
    if shift is None:
        raise UserError(_("Open your shift first."))
    walk = walk_in(plant)
    customer = walk
    if customer_id:
        customer = None if not is_id(customer_id) else Customer.get_or_none((Customer.id == customer_id) & (Customer.plant == plant.id))
        if customer is None or not customer.active:
            raise UserError(_("Choose an active customer of this plant."), field="customer")
    ids = [int(c.product) for c in cart if is_id(c.product)]
    products = {p.id: p for p in Product.select().where((Product.plant == plant.id) & Product.id.in_(ids)
                                                          & (Product.active == True))}  # noqa: E712
    units = {u.id: u for u in Unit.select()}
    today = plant_today(plant)
    quotes = prices_for(customer, list(products), today)
    weighing_ids = [int(c.weighing) for c in cart if is_id(c.weighing)]
    weighings = {w.id: w for w in Weighing.select().where((Weighing.plant == plant.id) & Weighing.id.in_(weighing_ids)
                                                          & (Weighing.voided == False)  # noqa: E712
                                                          & Weighing.delivery_line_id.is_null()
                                                          & Weighing.ticket_id.is_null()
                                                          & (Weighing.operator == user.id))}
    if len(set(weighing_ids)) != len(weighing_ids):
        raise UserError(_("One weighing is one line."), field="lines")
    rows = []
    for n, item in enumerate(cart, 1):
        product = products.get(int(item.product)) if is_id(item.product) else None
        if product is None:
            raise UserError(_("Line %(n)d: choose a product of this plant.", n=n), field="lines")
        quote = quotes.get(product.id)
        if quote is None:
            raise UserError(_("Line %(n)d: %(product)s has no price today.", n=n, product=product.name), field="lines")
        quantity = decimal_input(item.quantity or "1", field="lines", label=_("Line %(n)d, quantity", n=n), places=3,
                                 allow_zero=False)
        weighing = weighings.get(int(item.weighing)) if is_id(item.weighing) else None
        if str(item.weighing or "").strip() and weighing is None:
            raise UserError(_("Line %(n)d: that weighing cannot be sold.", n=n), field="lines")
        pricing = units[product.pricing_unit_id]
        if pricing.kind == "weight" and weighing is None:
            raise UserError(_("Line %(n)d: %(product)s is sold by weight: weigh it.", n=n, product=product.name),
                            field="lines")
        weight = weighing.net if weighing is not None else (product.nominal_weight * quantity).quantize(Decimal("0.001"))
        rows.append({"seq": n, "product": product.id, "quantity": quantity, "weight": weight,
                     "unit_price": quote.price, "amount": priced(pricing, quantity, weight, quote.price),
                     "weighing": weighing.id if weighing is not None else None})
    if not rows:
        raise UserError(_("Nothing to sell yet."), field="lines")
    total = sum((r["amount"] for r in rows), ZERO)
    paid = _payments(payments, total, customer, walk.id)
    on_account = sum((v for m, v, _r in paid if m == "account"), ZERO)
    with transaction():
        locked = lock_customer(customer.id)
        if on_account:
            check_credit(locked, on_account, locked=True)
        if CounterLine.select().where(CounterLine.weighing.in_([r["weighing"] for r in rows if r["weighing"]])).exists():
            raise UserError(_("One weighing is one line."), field="lines")
        sale = CounterSale.create(plant=plant.id, number=next_number(plant, "CS", today), shift=shift.id,
                                  customer=customer.id, day=today, amount=total, cashier=user.id)
        CounterLine.insert_many([{"sale": sale.id, **r} for r in rows]).execute()
        CounterPayment.insert_many([{"sale": sale.id, "method": m, "amount": v, "reference": r}
                                    for m, v, r in paid]).execute()
        post(locked, "shipment", total, plant=plant, date=today, reference=sale.number, source=sale)
        for method, value, reference in paid:
            if method != "account":
                post(locked, "receipt", value, plant=plant, date=today, reference=sale.number, source=sale,
                     memo=f"{method} {reference}".strip())
        audit.log("create", CounterSale._meta.table_name, sale.id, plant=plant.id,
                  new={"number": sale.number, "amount": str(total), "lines": len(rows),
                       "payments": [[m, str(v)] for m, v, _r in paid]})
        current_kernel().hooks.call("counter_sold", plant.id, sale=sale)
    return sale


def returnable(sale) -> dict[int, tuple]:
    """{line id: (quantity, weight) still returnable} of a sale."""
    left = {x.id: [x.quantity, x.weight] for x in sale.lines}
    for back in CounterLine.select().join(CounterSale).where(CounterSale.original == sale.id):
        left[back.returned_of_id][0] -= back.quantity
        left[back.returned_of_id][1] -= back.weight
    return {k: (q, w) for k, (q, w) in left.items()}


def return_goods(plant, sale, items: dict, refunds: list[Paid], reason) -> CounterSale:
    """Goods brought back to the counter: `items` {line id: (quantity, kg)} of `sale`, refunded at the price
    sold by the methods given (or credited on account); the account, and stock through its hook, follow."""
    user = context.current().user
    shift = current_shift(plant, user)
    if shift is None:
        raise UserError(_("Open your shift first."))
    if sale.kind != "sale" or sale.plant_id != plant.id:
        raise UserError(_("Choose a counter sale of this plant."))
    if not (reason or "").strip():
        raise UserError(_("Please give a reason."), field="reason")
    units = {u.id: u for u in Unit.select()}
    lines = {x.id: x for x in sale.lines}
    left = returnable(sale)
    rows = []
    for n, (line_id, (raw_qty, raw_kg)) in enumerate(sorted(items.items()), 1):
        line = lines.get(line_id)
        if line is None:
            raise UserError(_("Choose lines of this sale."), field="lines")
        label = f"{line.product.code} {line.product.name}"
        quantity = decimal_input(raw_qty or "0", field="lines", label=label, places=3)
        weight = decimal_input(raw_kg or "0", field="lines", label=label, places=3)
        if not quantity and not weight:
            continue
        if quantity > left[line_id][0] or weight > left[line_id][1]:
            raise UserError(_("%(product)s: more than is left to return.", product=label), field="lines")
        rows.append({"seq": n, "product": line.product_id, "quantity": quantity, "weight": weight,
                     "unit_price": line.unit_price, "returned_of": line.id,
                     "amount": priced(units[line.product.pricing_unit_id], quantity, weight, line.unit_price)})
    if not rows:
        raise UserError(_("Give what comes back."), field="lines")
    total = sum((r["amount"] for r in rows), ZERO)
    customer = Customer.get_by_id(sale.customer_id)
    paid = _payments(refunds, total, customer, walk_in(plant).id, refund=True)
    today = plant_today(plant)
    with transaction():
        locked = lock_customer(customer.id)
        back = CounterSale.create(plant=plant.id, number=next_number(plant, "CR", today), kind="return",
                                  shift=shift.id, customer=customer.id, original=sale.id, day=today, amount=total,
                                  reason=reason.strip()[:300], cashier=user.id)
        CounterLine.insert_many([{"sale": back.id, **r} for r in rows]).execute()
        CounterPayment.insert_many([{"sale": back.id, "method": m, "amount": v, "reference": r}
                                    for m, v, r in paid]).execute()
        post(locked, "return_credit", total, plant=plant, date=today, reference=back.number, source=back)
        for method, value, reference in paid:
            if method != "account":
                post(locked, "refund", value, plant=plant, date=today, reference=back.number, source=back,
                     memo=f"{method} {reference}".strip())
        audit.log("create", CounterSale._meta.table_name, back.id, plant=plant.id,
                  new={"number": back.number, "return_of": sale.number, "amount": str(total)}, comment=reason)
        current_kernel().hooks.call("counter_returned", plant.id, sale=back)
    return back
