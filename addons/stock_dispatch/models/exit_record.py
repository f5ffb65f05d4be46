from decimal import Decimal

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.stock.models.lot import Lot
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class ExitRecord(BaseModel):
    """One line of the exit record (出厂记录/销售台账) the law asks a meat plant to keep for two years: what left,
    of which lot and papers, to whom and how to reach them, on which day. Written when a note ships, as the
    facts stood then (a customer renamed later does not rewrite it); never changed, never deleted."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    day = DateField()                        # the plant's date the goods left
    shipped_at = DateTimeField(default=clock.utcnow)
    note_id = IntegerField()
    note_number = CharField(max_length=32)
    batch_id = IntegerField(unique=True)     # one record per weighed batch: shipping twice cannot double it
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", index=False)
    customer_code = CharField(max_length=40)
    customer_name = CharField(max_length=200)
    contact = CharField(max_length=120, default="")
    phone = CharField(max_length=40, default="")
    address = CharField(max_length=300, default="")
    product = ForeignKeyField(Product, on_delete="RESTRICT", index=False)
    product_code = CharField(max_length=40)
    product_name = CharField(max_length=200)
    lot = ForeignKeyField(Lot, null=True, on_delete="RESTRICT", index=False)
    lot_number = CharField(max_length=40, default="")
    quarantine_cert = CharField(max_length=60, default="")
    quality_cert = CharField(max_length=60, default="")
    asf_report = CharField(max_length=60, default="")
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))

    class Meta:
        table_name = "stock_dispatch_exit_record"
        indexes = ((("plant", "day"), False), (("plant", "lot"), False), (("plant", "customer", "day"), False))
