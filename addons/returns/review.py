"""What each step of a return checks and does; the customer and the salesperson hear of every step."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.dispatch.inbound import create_inbound
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.models.receipt import METHODS
from addons.ledger.posting import pay_out, post, release_credit
from addons.master_data.models.customer import CustomerLogin
from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.settings import ReturnSettings
from addons.returns.returns import check_against_delivery
from addons.sales_order.lines import LineInput, line_amount, units_by_id
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order
from core import context, notify
from core.messages import memo
from core.context import acting_as
from core.errors import PermissionDenied, UserError, WorkflowError
from core.clock import plant_today
from core.security import may
from core.workflow import Goto
from core.currency import money


def tell(ret, message, **params):
    readers = [c.user_id for c in CustomerLogin.select().where(CustomerLogin.customer == ret.customer_id)]
    params = {"number": ret.number, "tracking": ret.tracking,
              **{k: notify.money(v) if isinstance(v, Decimal) else v for k, v in params.items()}}
    notify.notify(readers, message, params=params, link="", plant=ret.plant_id, email=True)
    salesperson = ret.customer.salesperson_id
    if salesperson:
        notify.notify([salesperson], message, params=params, link=f"/returns/orders/{ret.id}", plant=ret.plant_id)


def _lines(ret):
    return list(ReturnLine.select(ReturnLine, Product).join(Product).where(ReturnLine.order == ret.id)
                .order_by(ReturnLine.seq))


def on_submit(ret):
    lines = _lines(ret)
    if ret.kind == "claim":
        if ret.claimed <= 0:
            raise WorkflowError(_("A claim needs an amount more than zero."))
    elif not lines:
        raise WorkflowError(_("A return needs at least one line."))
    if ret.note_id:
        check_against_delivery(ret.note_id, [{"product": x.product_id, "quantity": x.quantity} for x in lines],
                               exclude_id=ret.id)
    tell(ret, _l("Return %(number)s was submitted for review."))


def approval_limit(plant_id) -> Decimal:
    found = ReturnSettings.get_or_none(ReturnSettings.plant == plant_id)
    return found.approve_limit if found else Decimal("5000")


def on_approve(ret):
    user = context.current().user
    limit = approval_limit(ret.plant_id)
    if user is not None and ret.claimed > limit and not may(user, "returns.approve_any", ret.plant_id):
        raise PermissionDenied(_("%(amount)s is beyond your approval limit of %(limit)s.",
                                 amount=money(ret.claimed), limit=money(limit)))
    if ret.kind == "claim":
        post(ret.customer_id, "return_credit", ret.claimed, plant=ret.plant_id, reference=ret.number, source=ret,
             order_id=ret.order_id, memo=memo(_l("Claim %(number)s"), number=ret.number), allocate=False,
             auto_match=False)       # until finance refunds it or keeps it as credit
        ret.credit = ret.claimed
        tell(ret, _l("Return %(number)s was approved: %(amount)s credited to your account."), amount=ret.credit)
        return Goto("received")
    lines = _lines(ret)
    back, out = [x for x in lines if x.quantity < 0], [x for x in lines if x.quantity > 0]
    today = plant_today(ret.plant)
    if back:
        note = create_inbound(ret.customer, today, [(x.product_id, -x.quantity, x.weight, x.unit_price) for x in back],
                              source=ret.number)
        ret.inbound_note_id = note.id
        for line, inbound in zip(back, DeliveryLine.select().where(DeliveryLine.note == note.id).order_by(DeliveryLine.seq)):
            ReturnLine.update(inbound_line_id=inbound.id).where(ReturnLine.id == line.id).execute()
    if out:
        # The replacement is an ordinary order, approved as part of this return, planned and shipped by dispatch.
        with acting_as(None, ret.plant):
            pickup, address = _delivered_to(ret)
            order = create_order(ret.customer, today, [LineInput(x.product_id, x.quantity, x.weight, x.unit_price)
                                                       for x in out], channel="exchange", self_pickup=pickup,
                                 delivery_address=address,
                                 remarks=str(_("Replacement for return %(number)s", number=ret.number)))
            order.submit()
            if order.state == "submitted":
                order.approve()
        ret.exchange_order_id = order.id
    if ret.tracking:
        tell(ret, _l("Return %(number)s was approved; goods come back with %(tracking)s."))
    else:
        tell(ret, _l("Return %(number)s was approved."))
    if not back:
        return Goto("received")
    return None


def on_received(ret, inbound_note):
    """The goods are weighed back in: credit what came back at the original price (catch weight: on the
    kilograms received), and post it to the customer's account."""
    if inbound_note.id != ret.inbound_note_id:
        raise WorkflowError(_("These goods are not for return %(number)s.", number=ret.number))
    weighed = {x.id: x for x in DeliveryLine.select().where(DeliveryLine.note == inbound_note.id)}
    units = units_by_id()
    credit = Decimal("0.00")
    for line in _lines(ret):
        if line.quantity >= 0 or line.inbound_line_id not in weighed:
            continue
        got = weighed[line.inbound_line_id]
        line.received_quantity, line.received_weight = got.received_quantity, got.received_weight
        line.amount = line_amount(line.product, units, got.received_quantity, got.received_weight, line.unit_price)
        line.save()
        credit += line.amount
    ret.credit = credit
    if credit > 0:
        post(ret.customer_id, "return_credit", credit, plant=ret.plant_id, reference=ret.number, source=ret,
             allocate=False, auto_match=False,      # until finance refunds it or keeps it as credit
             order_id=ret.order_id, memo=str(_("Goods returned on %(number)s", number=ret.number)))
    tell(ret, _l("Return %(number)s: the goods are back, %(amount)s credited."), amount=credit)


def _delivered_to(ret) -> tuple[bool, str]:
    """Where the goods being replaced went: the replacement goes there too (the customer's default address
    only when the return names no delivery)."""
    if ret.note_id:
        note = DeliveryNote.get_or_none(DeliveryNote.id == ret.note_id)
        if note is not None:
            return note.kind == "pickup", note.address
    if ret.order_id:
        order = Order.get_or_none(Order.id == ret.order_id)
        if order is not None:
            return order.self_pickup, order.delivery_address
    return False, ""


def on_keep_credit(ret):
    release_credit(ret.customer_id, ret)


def on_refund(ret, amount, method):
    try:
        amount = Decimal(str(amount))
    except Exception:
        raise UserError(_("Not a number."), field="amount") from None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise UserError(_("The amount must be more than zero, with at most two decimals."), field="amount")
    if amount > ret.credit - ret.refunded:
        raise UserError(_("A refund of %(amount)s is more than the credit of %(credit)s.",
                          amount=money(amount), credit=money(ret.credit - ret.refunded)),
                        field="amount")
    if method not in METHODS:
        raise UserError(_("Choose how the money is paid out."), field="method")
    pay_out(ret.customer_id, amount, plant=ret.plant_id, reference=ret.number, source=ret, order_id=ret.order_id,
            memo=f"{METHODS[method]}")
    ret.refunded, ret.refund_method = ret.refunded + amount, method
    tell(ret, _l("Return %(number)s: %(amount)s refunded to you."), amount=amount)


