from peewee import BooleanField, ForeignKeyField

from addons.stock.models.warehouse import Warehouse
from core.db import BaseModel
from core.models import Plant


class StockSettings(BaseModel):
    """A plant's stock rules; a plant without a row uses the defaults."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    allow_negative = BooleanField(default=True)          # a plant that counts its stock later may go below zero
    require_certificates = BooleanField(default=False)   # no lot leaves without its three certificate numbers
    reserve_at_approval = BooleanField(default=False)   # approved orders hold the day's stock; no approving past it
    ship_from = ForeignKeyField(Warehouse, null=True, on_delete="SET NULL", backref="+")
    returns_to = ForeignKeyField(Warehouse, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        table_name = "stock_settings"
