from decimal import Decimal

from peewee import DateField, ForeignKeyField, IntegerField

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class SaleCost(BaseModel):
    """One shipped delivery line as profit reads it: what it was billed and what its goods cost (the sum of
    its batches' sale moves), with the customer, salesperson and region as they stood when it left.
    Written once, when the note ships; `month` (yyyymm) lets a report group a million lines by an index."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    day = DateField()
    month = IntegerField()
    note_id = IntegerField()
    line_id = IntegerField()
    product = ForeignKeyField(Product, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", index=False)
    salesperson_id = IntegerField(null=True)
    region_id = IntegerField(null=True)
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    cost = FixedDecimalField(places=2, default=Decimal("0"))

    class Meta:
        table_name = "stock_dispatch_sale_cost"
        indexes = ((("plant", "month", "product"), False), (("plant", "day"), False), (("line_id",), True))
