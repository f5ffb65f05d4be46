from peewee import BooleanField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User


class TemperatureRange(BaseModel):
    """The temperatures (°C) a product must travel at: chilled pork 0–4, frozen −18 or colder."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    product = ForeignKeyField(Product, unique=True, on_delete="CASCADE")
    low = FixedDecimalField(places=1, null=True)
    high = FixedDecimalField(places=1, null=True)

    class Meta:
        table_name = "stock_dispatch_temperature_range"


class NoteTemperature(BaseModel):
    """The temperatures of a delivery note's goods at loading and at the customer's receipt; out of the range of
    a product on the note, the note is flagged (as a transit loss beyond tolerance is) and its paper says so."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    note_id = IntegerField(unique=True)
    loading = FixedDecimalField(places=1, null=True)
    loading_at = DateTimeField(null=True)
    receipt = FixedDecimalField(places=1, null=True)
    receipt_at = DateTimeField(null=True)
    out_of_range = BooleanField(default=False)
    by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    updated_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "stock_dispatch_note_temperature"
