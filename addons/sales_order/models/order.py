from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

CHANNELS = {"portal": _l("Portal"), "phone": _l("Phone"), "salesperson": _l("Salesperson"),
            "quotation": _l("Quotation"), "api": _l("API"), "exchange": _l("Exchange"),
            "standing": _l("Standing order")}
KINDS = {"reservation": _l("Reservation"), "order": _l("Order")}
# States in which an order still asks for goods: the production plan and balancing read these.
LIVE = ("reserved", "price_review", "submitted", "held", "approved")
# Firm orders: what the sales figures count.
FIRM = ("approved", "completed")


class Order(BaseModel):
    """A sales order (销售订单) or a reservation (预订) until the ordering window closes.

    The review rules live in `review.py`; the methods here only name the moves and call them, so the
    state table stays readable in one place.
    """
    STATES = {"reserved": _l("Reserved"), "draft": _l("Draft"), "price_review": _l("Price approval"),
              "submitted": _l("Submitted"), "held": _l("Credit hold"), "approved": _l("Approved"),
              "completed": _l("Completed"), "cancelled": _l("Cancelled")}
    TRANSITIONS = {("reserved", "submitted"), ("reserved", "held"), ("reserved", "cancelled"),
                   ("draft", "submitted"), ("draft", "held"), ("draft", "price_review"), ("draft", "cancelled"),
                   ("price_review", "submitted"), ("price_review", "held"), ("price_review", "draft"),
                   ("price_review", "cancelled"),
                   ("submitted", "approved"), ("submitted", "held"), ("submitted", "draft"),
                   ("submitted", "cancelled"),
                   ("held", "approved"), ("held", "draft"), ("held", "cancelled"),
                   ("approved", "held"), ("approved", "cancelled"), ("approved", "completed"),
                   ("cancelled", "submitted"), ("cancelled", "held")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    number = CharField(max_length=32)
    kind = CharField(max_length=12, default="order")
    channel = CharField(max_length=12, default="phone")
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    delivery_date = DateField()
    self_pickup = BooleanField(default=False)
    delivery_address = CharField(max_length=300, default="")
    state = CharField(max_length=20, default="draft", index=True)
    amount = FixedDecimalField(places=2, default=Decimal("0"))     # estimated for catch-weight lines
    weight = FixedDecimalField(places=3, default=Decimal("0"))     # expected kg
    credit_over = FixedDecimalField(places=2, default=Decimal("0"))  # by how much the last check failed
    credit_reason = CharField(max_length=8, default="")   # why held: "limit", "age" (overdue too long), "count"
    remarks = TextField(default="")
    created_at = DateTimeField(default=clock.utcnow)
    firmed_at = DateTimeField(null=True)   # when the cut-off turned the reservation into an order

    class Meta:
        table_name = "sales_order_order"
        text_search = ("number",)   # searched inside through a trigram index (core/text_index.py)
        only_save_dirty = True   # a move writes its state and what its checks changed, not every column
        indexes = ((("plant", "number"), True), (("plant", "delivery_date"), False),
                   (("customer", "state", "delivery_date"), False),   # a customer's first firm day (statistics)
                   (("plant", "amount"), False),                      # the list's sort
                   (("plant", "state", "delivery_date"), False),   # what waits in a state, by day (planning)
                   (("plant", "created_at"), False))               # taken today (the live board)

    def __str__(self):
        return self.number

    @property
    def pending_prices(self) -> bool:
        from addons.sales_order.models.line import OrderLine
        return OrderLine.select().where((OrderLine.order == self.id)
                                        & (OrderLine.price_status == "pending")).exists()

    @transition("submitted", permission="sales_order.submit", label=_l("Submit"), sources=["draft"],
                when=lambda o: not o.pending_prices)
    def submit(self):
        from addons.sales_order import review
        return review.on_submit(self)

    @transition("price_review", permission="sales_order.submit", label=_l("Ask for price approval"),
                sources=["draft"], when=lambda o: o.pending_prices, style="warning")
    def request_price_approval(self):
        from addons.sales_order import review
        review.on_request_price_approval(self)

    @transition("submitted", permission="sales_order.price_approve", label=_l("Approve prices"),
                sources=["price_review"], style="success")
    def approve_prices(self):
        from addons.sales_order import review
        return review.on_approve_prices(self)

    @transition("draft", permission="sales_order.price_approve", label=_l("Refuse prices"),
                sources=["price_review"], needs_comment=True, style="warning")
    def refuse_prices(self):
        pass

    @transition("submitted", permission="sales_order.cutoff", label=_l("Make firm now"), sources=["reserved"])
    def confirm(self):
        from addons.sales_order import review
        return review.on_confirm(self)

    @transition("approved", permission="sales_order.approve", label=_l("Approve"), sources=["submitted", "held"],
                style="success")
    def approve(self):
        from addons.sales_order import review
        return review.on_approve(self)

    @transition("approved", permission="sales_order.credit_override", label=_l("Approve despite the credit hold"),
                sources=["held"], needs_comment=True, style="danger")
    def override_credit(self):
        from addons.sales_order import review
        review.on_override(self)

    @transition("draft", permission="sales_order.approve", label=_l("Reject"), sources=["submitted", "held"],
                needs_comment=True, style="warning")
    def reject(self):
        pass

    @transition("cancelled", permission="sales_order.submit", label=_l("Withdraw"), sources=["draft", "reserved"],
                style="secondary")
    def withdraw(self):
        pass

    @transition("cancelled", permission="sales_order.portal", label=_l("Cancel the reservation"),
                sources=["reserved"], style="secondary")
    def cancel_reservation(self):
        from addons.sales_order import review
        review.on_cancel_reservation(self)

    @transition("cancelled", permission="sales_order.cancel", label=_l("Cancel"),
                sources=["price_review", "submitted", "held", "approved"], needs_comment=True, style="danger")
    def cancel(self):
        pass

    @transition("submitted", permission="sales_order.approve", label=_l("Reopen"), needs_comment=True,
                sources=["cancelled"])
    def reopen(self):
        from addons.sales_order import review
        return review.on_reopen(self)

    @transition("completed", permission="sales_order.approve", label=_l("Mark completed"), sources=["approved"],
                style="secondary", when=lambda order: not order.open_lines())
    def complete(self):
        if self.open_lines():
            from core.errors import UserError
            raise UserError(_("Part of this order is still to deliver: close it short, with a reason."))

    @transition("completed", permission="sales_order.close_short", label=_l("Close short"), sources=["approved"],
                needs_comment=True, style="warning", when=lambda order: bool(order.open_lines()))
    def close_short(self):
        """What the notes did not deliver will not be: the order completes with its remainder closed."""
        if not self.open_lines():
            from core.errors import UserError
            raise UserError(_("Everything on this order was delivered."))

    @transition("completed", label=_l("Delivered in full"), sources=["approved"], internal=True)
    def delivered_in_full(self):
        pass

    @transition("held", label=_l("Held: over the credit limit"), sources=["approved"], internal=True)
    def hold_after_change(self):
        pass

    def open_lines(self) -> list:
        """The lines with something still to deliver: (line, quantity left)."""
        from addons.sales_order.models.line import OrderLine
        return [(x, x.quantity - x.delivered_quantity) for x in
                OrderLine.select().where((OrderLine.order == self.id)
                                         & (OrderLine.delivered_quantity < OrderLine.quantity))]
