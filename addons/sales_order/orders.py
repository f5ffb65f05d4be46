"""Creating, changing and copying orders: each one transaction, checked before anything is written."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _

from addons.ledger.exposure import CreditLimitExceeded, check_credit, exposure
from addons.sales_order import windows
from addons.sales_order.lines import LineInput, build_lines, totals
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import CHANNELS, FIRM, Order
from core import audit, clock, context, numbering
from core.db import insert_rows, lock_get, transaction
from core.errors import PermissionDenied, UserError
from core.kernel import current_kernel
from core.security import may

EDITABLE_BY_ORDERER = ("draft", "reserved")
EDITABLE_BY_MANAGER = ("price_review", "submitted", "held", "approved")


def check_dates(plant, day, user, kind):
    """Reservations only inside the window; firm orders until the cut-off unless a manager enters them."""
    if day is None:
        raise UserError(_("Please choose a delivery date."), field="delivery_date")
    if day < clock.plant_today(plant):
        raise UserError(_("The delivery date %(day)s has passed.", day=day.isoformat()), field="delivery_date")
    win = windows.window(plant, day)
    now = clock.now()
    if kind == "reservation":
        if now < win.opens:
            raise UserError(_("Reservations for %(day)s open at %(time)s.", day=day.isoformat(),
                              time=windows.local_time(plant, win.opens)), field="delivery_date")
        if win.closed(now):
            raise UserError(_("Reservations for %(day)s closed at %(time)s.", day=day.isoformat(),
                              time=windows.local_time(plant, win.closes)), field="delivery_date")
    elif win.closed(now) and not (user is None or may(user, "sales_order.after_cutoff", plant.id)):
        raise UserError(_("Ordering for %(day)s closed at %(time)s; only a manager may order for that day now.",
                          day=day.isoformat(), time=windows.local_time(plant, win.closes)), field="delivery_date")


def _check_customer(customer, plant):
    if customer.plant_id != plant.id:
        raise UserError(_("This customer belongs to another plant."), field="customer")
    if not customer.active:
        raise UserError(_("%(customer)s is blocked: no new orders.", customer=customer.name), field="customer")


def _price_rights(rows, user, plant):
    """A manager's own below-floor prices are approved as he enters them; anyone else's wait."""
    if user is not None and may(user, "sales_order.price_approve", plant.id):
        for row in rows:
            if row["price_status"] == "pending":
                row["price_status"] = "approved"


def create_order(customer, delivery_date, inputs: list[LineInput], *, kind="order", channel="phone",
                 self_pickup=False, delivery_address="", remarks="", may_set_price=True, salesperson=None) -> Order:
    actor = context.current()
    plant = actor.plant if getattr(actor.plant, "id", None) == customer.plant_id else customer.plant
    if channel not in CHANNELS:
        raise UserError(_("Unknown channel %(channel)s.", channel=channel), field="channel")
    _check_customer(customer, plant)
    check_dates(plant, delivery_date, actor.user, kind)
    rows = build_lines(customer, delivery_date, inputs, may_set_price=may_set_price)
    _price_rights(rows, actor.user, plant)
    amount, weight = totals(rows)
    with transaction():
        order = Order.create(
            plant=plant, number=numbering.next_number(plant, "SO", delivery_date), kind=kind, channel=channel,
            customer=customer, salesperson=salesperson or customer.salesperson_id, created_by=actor.user,
            delivery_date=delivery_date, self_pickup=bool(self_pickup),
            delivery_address="" if self_pickup else (delivery_address or customer.address)[:300],
            state="reserved" if kind == "reservation" else "draft", amount=amount, weight=weight,
            remarks=remarks or "")
        _insert_lines(order, rows)
        audit.log("create", Order._meta.table_name, order.id, plant=plant.id,
                  new={"number": order.number, "amount": amount, "lines": len(rows), "channel": channel})
    return order


def _insert_lines(order, rows):
    insert_rows(OrderLine, [dict(r, order=order.id) for r in rows])


def may_edit(order, user) -> bool:
    try:
        require_edit_rights(order, user)
    except UserError:
        return False
    return True


def require_edit_rights(order, user):
    if order.state in EDITABLE_BY_ORDERER:
        if user is not None and not may(user, "sales_order.order.write", order.plant_id) \
                and not may(user, "sales_order.portal", order.plant_id):
            raise PermissionDenied(_("You may not change orders."))
        from addons.sales_order.review import require_window
        require_window(order, user)
    elif order.state in EDITABLE_BY_MANAGER:
        if user is not None and not may(user, "sales_order.edit_submitted", order.plant_id):
            raise PermissionDenied(_("This order is %(state)s: only a manager may change it.",
                                     state=str(Order.STATES[order.state])))
    else:
        raise UserError(_("This order is %(state)s and cannot be changed.", state=str(Order.STATES[order.state])))


def update_order(order, delivery_date, inputs: list[LineInput], *, self_pickup=None, delivery_address=None,
                 remarks=None, may_set_price=True) -> Order:
    """Replace the order's lines and header; an approved order is checked for credit again and held if over."""
    actor = context.current()
    with transaction():
        order = lock_get(Order, order.id)
        require_edit_rights(order, actor.user)
        plant = order.plant
        if delivery_date != order.delivery_date:
            check_dates(plant, delivery_date, actor.user, order.kind)
        delivered = (OrderLine.select().where((OrderLine.order == order.id)
                                              & (OrderLine.delivered_quantity > 0)).exists())
        if delivered:
            raise UserError(_("Goods of this order have left the plant; its lines can no longer change."))
        old_lines = list(OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.seq))
        rows = build_lines(order.customer, delivery_date, _rederived(inputs, old_lines), may_set_price=may_set_price)
        _price_rights(rows, actor.user, plant)
        if order.state in EDITABLE_BY_MANAGER and any(r["price_status"] == "pending" for r in rows):
            raise UserError(_("A price below the floor needs a manager's price approval."), field="lines")
        old = {"amount": order.amount, "delivery_date": order.delivery_date, "lines": _audited(old_lines)}
        old_state = order.state
        OrderLine.delete().where(OrderLine.order == order.id).execute()
        _insert_lines(order, rows)
        order.amount, order.weight = totals(rows)
        order.delivery_date = delivery_date
        if self_pickup is not None:
            order.self_pickup = bool(self_pickup)
        if delivery_address is not None:
            order.delivery_address = "" if order.self_pickup else delivery_address[:300]
        if remarks is not None:
            order.remarks = remarks
        held = False
        if order.state == "approved":
            # The new lines are in place and the order is approved, so the exposure already holds them.
            try:
                check_credit(order.customer, Decimal("0.00"))
            except CreditLimitExceeded as exc:
                order.credit_over, order.credit_reason, held = exc.over, exc.reason, True
        order.save()
        if old_state in FIRM or order.state in FIRM:
            current_kernel().hooks.call("firm_orders_changed", plant.id, plant_id=plant.id,
                                        days=[old["delivery_date"], order.delivery_date])
        audit.log("update", Order._meta.table_name, order.id, plant=plant.id, old=old,
                  new={"amount": order.amount, "delivery_date": order.delivery_date,
                       "lines": _audited([OrderLine(**r) for r in rows])})
        if held:
            order.hold_after_change(comment=_("Changed after approval"))
    return order


def _rederived(inputs: list[LineInput], old_lines) -> list[LineInput]:
    """A form shows a line's weight and price as they were saved and sends them back. Where the product or the
    quantity changed, such a carried value is not a choice anybody made: the weight comes again from the
    nominal weight and the price from the price policy. A value typed anew stays as typed."""
    out = []
    for item in inputs:
        same = [o for o in old_lines if str(o.product_id) == str(item.product).strip()]
        weight, price = _number(item.expected_weight), _number(item.unit_price)
        quantity = _number(item.quantity)
        if weight is not None and any(o.expected_weight == weight for o in old_lines) \
                and not any(o.quantity == quantity and o.expected_weight == weight for o in same):
            weight = None
        if price is not None and any(o.unit_price == price for o in old_lines) \
                and not any(o.unit_price == price for o in same):
            price = None
        out.append(LineInput(item.product, item.quantity, item.expected_weight if weight is not None else None,
                             item.unit_price if price is not None else None, item.remarks))
    return out


def _number(raw) -> Decimal | None:
    try:
        return Decimal(str(raw).strip().replace(",", "")) if raw not in (None, "") else None
    except (ArithmeticError, ValueError):
        return None        # build_lines names the bad field


def _audited(lines) -> list[dict]:
    """Each line's values as the audit shows them, old beside new."""
    return [{"seq": x.seq, "product": x.product_id, "quantity": x.quantity, "expected_weight": x.expected_weight,
             "unit_price": x.unit_price, "amount": x.amount} for x in lines]


def copy_order(order, delivery_date) -> tuple[Order, Decimal | None]:
    """A new draft with the same lines at today's prices; also says by how much it would pass the limit."""
    inputs = [LineInput(line.product_id, line.original_quantity or line.quantity, None, None, line.remarks)
              for line in order.lines.order_by(OrderLine.seq)]
    copy = create_order(order.customer, delivery_date, inputs, channel=order.channel
                        if order.channel != "portal" else "phone", self_pickup=order.self_pickup,
                        delivery_address=order.delivery_address, remarks=order.remarks,
                        may_set_price=False, salesperson=order.salesperson_id)
    current = exposure(order.customer)
    over = current.total + copy.amount - current.limit
    return copy, (over if over > 0 else None)
