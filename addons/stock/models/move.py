from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

# The dictionary of move types: the sign says which way the goods go (0: either, as a count says)
KINDS = {"production": _l("Production in"), "receipt": _l("Received in"), "sale": _l("Sale out"),
         "return": _l("Return in"), "transfer": _l("Transfer"), "loss": _l("Loss"),
         "adjustment": _l("Adjustment"), "count": _l("Stocktaking difference"), "opening": _l("Opening stock"),
         "return_out": _l("Returned to supplier"), "slaughter": _l("Used in slaughter")}
SIGN = {"production": 1, "receipt": 1, "sale": -1, "return": 1, "transfer": 0, "loss": -1, "adjustment": 0,
        "count": 0, "opening": 1, "return_out": -1, "slaughter": -1}
# what a user may post by hand on the moves screen; the others come from the documents that cause them
MANUAL = ("production", "receipt", "transfer", "loss", "adjustment", "opening")


class StockMove(BaseModel):
    """Goods in or out of one warehouse: never changed, never deleted (a correction is a new move).
    Quantities are signed: in is positive, out negative; pieces (the selling unit) and kilograms both."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    day = DateField()                   # the plant's date of the move
    at = DateTimeField(default=clock.utcnow)
    kind = CharField(max_length=12)
    warehouse = ForeignKeyField(Warehouse, on_delete="RESTRICT", index=False)
    product = ForeignKeyField(Product, on_delete="RESTRICT", index=False)
    lot = ForeignKeyField(Lot, null=True, on_delete="RESTRICT", index=False)
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    cost = FixedDecimalField(places=2, default=Decimal("0"))   # signed as the goods go: stock.costing
    reference = CharField(max_length=40, default="")    # the document's number (a delivery note, a count)
    source_model = CharField(max_length=40, default="")  # the record that caused it, e.g. a shipment batch
    source_id = IntegerField(null=True)
    reason = CharField(max_length=300, default="")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        table_name = "stock_move"
        indexes = ((("plant", "day"), False), (("plant", "lot"), False), (("plant", "product", "day"), False),
                   (("source_model", "source_id"), False))
