from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

STATES = {"draft": _l("Counting"), "posted": _l("Posted"), "cancelled": _l("Cancelled")}


class StockCount(BaseModel):
    """A stocktaking (盘点) of one warehouse: the books as they stood when it began, what was counted, and
    the differences posted as moves when it is done."""
    STATES = STATES
    TRANSITIONS = {("draft", "posted"), ("draft", "cancelled")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    warehouse = ForeignKeyField(Warehouse, on_delete="RESTRICT")
    day = DateField()
    state = CharField(max_length=10, default="draft", index=True)
    created_at = DateTimeField(default=clock.utcnow)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    posted_at = DateTimeField(null=True)

    class Meta:
        table_name = "stock_count"
        indexes = ((("plant", "number"), True),
                   (("plant", "day"), False))

    def __str__(self):
        return self.number

    @transition("posted", permission="stock.count", label=_l("Post the differences"), internal=True)
    def mark_posted(self):
        pass

    @transition("cancelled", permission="stock.count", label=_l("Cancel the count"), style="outline-danger")
    def cancel(self):
        pass


class StockCountLine(BaseModel):
    count = ForeignKeyField(StockCount, backref="lines", on_delete="CASCADE", index=False)
    seq = IntegerField()
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    lot = ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    expected_quantity = FixedDecimalField(places=3)
    expected_weight = FixedDecimalField(places=3)
    counted_quantity = FixedDecimalField(places=3, null=True)
    counted_weight = FixedDecimalField(places=3, null=True)
    reason = CharField(max_length=200, default="")

    class Meta:
        table_name = "stock_count_line"
        indexes = ((("count", "seq"), True),)
