from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.models.order import Order
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

WEEKDAYS = {0: _l("Monday"), 1: _l("Tuesday"), 2: _l("Wednesday"), 3: _l("Thursday"), 4: _l("Friday"),
            5: _l("Saturday"), 6: _l("Sunday")}


class StandingOrder(BaseModel):
    """A customer's weekly basket (固定订单): what it takes on each weekday. As each delivery day's ordering
    window opens, the basket of that weekday becomes a reservation, which the customer or the salesperson
    changes like any other until the cut-off."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    active = BooleanField(default=True)
    starts_on = DateField()
    ends_on = DateField(null=True)
    remarks = CharField(max_length=300, default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "standing_order_standing"
        indexes = ((("plant", "customer"), True),)

    def __str__(self):
        return str(self.customer)


class StandingLine(BaseModel):
    standing = ForeignKeyField(StandingOrder, backref="lines", on_delete="CASCADE")
    weekday = IntegerField()                    # 0 Monday … 6 Sunday
    product = ForeignKeyField(Product, on_delete="RESTRICT", backref="+")
    quantity = FixedDecimalField(places=3)

    class Meta:
        table_name = "standing_order_line"
        indexes = ((("standing", "weekday", "product"), True),)


class StandingRun(BaseModel):
    """A delivery day the basket was turned into a reservation (or refused, with why): once per day, so a
    reservation the customer withdrew is not made again."""
    standing = ForeignKeyField(StandingOrder, backref="runs", on_delete="CASCADE")
    day = DateField()
    order = ForeignKeyField(Order, null=True, on_delete="SET NULL", backref="+")
    problem = CharField(max_length=300, default="")
    at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "standing_order_run"
        indexes = ((("standing", "day"), True),)
