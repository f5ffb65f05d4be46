from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.customer import Customer
from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

METHODS = {"cash": _l("Cash"), "card": _l("Bank card"), "wechat": _l("WeChat Pay"), "alipay": _l("Alipay"),
           "account": _l("On account")}


class CounterSettings(BaseModel):
    """A plant's counter: the scale it weighs on, the walk-in customer its anonymous sales post to, the price
    group walk-ins pay (the day's board of that group), and the receipt paper."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    station = ForeignKeyField(Station, null=True, on_delete="SET NULL")
    walk_in = ForeignKeyField(Customer, null=True, on_delete="SET NULL", backref="+")
    price_list = ForeignKeyField(PriceList, null=True, on_delete="SET NULL", backref="+")
    paper_mm = IntegerField(default=80)

    class Meta:
        table_name = "counter_settings"


class Shift(BaseModel):
    """A cashier's shift (班次): opened with a float, closed with the cash counted against the takings."""
    STATES = {"open": _l("Open"), "closed": _l("Closed")}
    TRANSITIONS = {("open", "closed")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    cashier = ForeignKeyField(User, on_delete="RESTRICT", backref="+")
    day = DateField()
    opened_at = DateTimeField(default=clock.utcnow)
    opening_cash = FixedDecimalField(places=2, default=Decimal("0"))
    counted_cash = FixedDecimalField(places=2, null=True)
    expected_cash = FixedDecimalField(places=2, null=True)
    closed_at = DateTimeField(null=True)
    state = CharField(max_length=8, default="open", index=True)

    class Meta:
        table_name = "counter_shift"
        indexes = ((("plant", "number"), True), (("plant", "cashier", "state"), False),
                   (("plant", "day"), False))

    def __str__(self):
        return self.number

    @transition("closed", permission="counter.sell", sources=["open"], internal=True)
    def close(self, counted, expected):
        self.counted_cash, self.expected_cash, self.closed_at = counted, expected, clock.utcnow()


class CounterSale(BaseModel):
    """A counter sale (门市销售) or a counter return (kind "return", `original` the sale): paid at once."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    kind = CharField(max_length=8, default="sale")
    shift = ForeignKeyField(Shift, on_delete="RESTRICT", backref="sales")
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", backref="+")
    original = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="returns")
    day = DateField()
    amount = FixedDecimalField(places=2)           # positive for a sale and for a return (what was refunded)
    reason = CharField(max_length=300, default="")
    cashier = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "counter_sale"
        indexes = ((("plant", "number"), True), (("plant", "day"), False),
                   (("plant", "amount"), False))

    def __str__(self):
        return self.number


class CounterLine(BaseModel):
    sale = ForeignKeyField(CounterSale, backref="lines", on_delete="CASCADE")
    seq = IntegerField(default=1)
    product = ForeignKeyField(Product, on_delete="RESTRICT", backref="+")
    quantity = FixedDecimalField(places=3)
    weight = FixedDecimalField(places=3, default=Decimal("0"))     # kg, from the scale where weighed
    unit_price = FixedDecimalField(places=4)
    amount = FixedDecimalField(places=2)
    weighing = ForeignKeyField(Weighing, null=True, unique=True, on_delete="RESTRICT", backref="+")
    returned_of = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="returned")

    class Meta:
        table_name = "counter_line"


class CounterPayment(BaseModel):
    sale = ForeignKeyField(CounterSale, backref="payments", on_delete="CASCADE")
    method = CharField(max_length=8)
    amount = FixedDecimalField(places=2)            # paid in; a refund is paid out (the sale is a return)
    reference = CharField(max_length=80, default="")  # the card slip, the WeChat or Alipay transaction number

    class Meta:
        table_name = "counter_payment"
