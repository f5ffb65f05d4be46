"""Standing orders: the weekly basket written whole, and the job that turns each open delivery day's part of
it into a reservation, once per day, each in its own transaction."""
from __future__ import annotations


from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import IntegrityError

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order import windows
from addons.sales_order.lines import LineInput
from addons.sales_order.orders import create_order
from addons.standing_order.models.standing import StandingLine, StandingOrder, StandingRun
from core import audit, clock, context
from core.db import transaction
from core.errors import UserError
from core.messages import Outcome
from core.notify import notify
from core.numbers import decimal_input


def save_basket(customer, cells: dict, *, starts_on, ends_on=None, active=True, remarks="") -> StandingOrder:
    """`cells`: {(weekday, product id): typed quantity}; blank or zero cells are left out."""
    if not customer.active:
        raise UserError(_("%(customer)s is blocked: no new orders.", customer=customer.name), field="customer")
    if ends_on is not None and starts_on is not None and ends_on < starts_on:
        raise UserError(_("The standing order ends before it starts."), field="ends_on")
    products = {p.id: p for p in Product.select().where((Product.plant == customer.plant_id) & (Product.active == True))}  # noqa: E712
    rows = []
    for (weekday, product_id), raw in sorted(cells.items()):
        if not str(raw or "").strip():
            continue
        product = products.get(product_id)
        if product is None or weekday not in range(7):
            raise UserError(_("Choose active products of this plant."), field="cells")
        quantity = decimal_input(raw, field="cells", label=f"{product.code} {product.name}", places=3)
        if quantity > 0:
            rows.append({"weekday": weekday, "product": product.id, "quantity": quantity})
    if not rows:
        raise UserError(_("Give at least one quantity."), field="cells")
    user = context.current().user
    with transaction():
        standing = StandingOrder.get_or_none((StandingOrder.plant == customer.plant_id)
                                             & (StandingOrder.customer == customer.id))
        values = {"active": bool(active), "starts_on": starts_on or clock.plant_today(customer.plant),
                  "ends_on": ends_on, "remarks": (remarks or "")[:300]}
        if standing is None:
            standing = StandingOrder.create(plant=customer.plant_id, customer=customer.id,
                                            created_by=user.id if user else None, **values)
        else:
            StandingOrder.update(**values).where(StandingOrder.id == standing.id).execute()
            StandingLine.delete().where(StandingLine.standing == standing.id).execute()
        StandingLine.insert_many([{"standing": standing.id, **r} for r in rows]).execute()
        audit.log("write", StandingOrder._meta.table_name, standing.id, plant=customer.plant_id,
                  new={"customer": customer.id, "lines": [[r["weekday"], r["product"], str(r["quantity"])]
                                                          for r in rows], "active": bool(active)})
    return StandingOrder.get_by_id(standing.id)


def basket_of(standing) -> dict[int, list]:
    out: dict[int, list] = {}
    for line in StandingLine.select().where(StandingLine.standing == standing.id).order_by(StandingLine.product):
        out.setdefault(line.weekday, []).append(line)
    return out


def reserve_open_days(plant) -> Outcome:
    """The job: for each open delivery day, each active basket with lines that weekday and no run yet for that
    day becomes a reservation (channel "standing"); a refusal is kept on the run and told to the salesperson."""
    days = windows.open_days(plant)
    made = refused = 0
    standings = list(StandingOrder.select(StandingOrder, Customer).join(Customer)
                     .where((StandingOrder.plant == plant.id) & (StandingOrder.active == True)))  # noqa: E712
    baskets: dict = {}
    for line in StandingLine.select().where(StandingLine.standing.in_([s.id for s in standings] or [0])):
        baskets.setdefault(line.standing_id, {}).setdefault(line.weekday, []).append(line)
    done = {(r.standing_id, r.day) for r in StandingRun.select(StandingRun.standing, StandingRun.day).where(
        StandingRun.standing.in_([s.id for s in standings]) & StandingRun.day.in_(days))} if standings and days else set()
    for standing in standings:
        basket = baskets.get(standing.id, {})
        for day in days:
            if (standing.id, day) in done or day < standing.starts_on or (standing.ends_on and day > standing.ends_on):
                continue
            lines = basket.get(day.weekday())
            if not lines:
                continue
            inputs = [LineInput(line.product_id, f"{line.quantity.normalize():f}") for line in lines]
            try:
                with transaction():
                    order = create_order(standing.customer, day, inputs, kind="reservation", channel="standing",
                                         may_set_price=False, remarks=str(_l("From the standing order")))
                    StandingRun.create(standing=standing.id, day=day, order=order.id)
                made += 1
            except IntegrityError:
                continue                 # another worker made this day's reservation meanwhile
            except UserError as exc:
                try:
                    with transaction():
                        StandingRun.create(standing=standing.id, day=day, problem=str(exc)[:300])
                except IntegrityError:
                    continue
                refused += 1
                customer = standing.customer
                if customer.salesperson_id:
                    notify([customer.salesperson_id],
                           _l("The standing order of %(customer)s made no reservation for %(day)s: %(reason)s"),
                           params={"customer": customer.name, "day": day.isoformat(), "reason": str(exc)},
                           link=f"/standing-orders/{standing.id}", plant=plant)
    return Outcome(_l("%(made)d reservations made, %(refused)d refused"), made=made, refused=refused)


