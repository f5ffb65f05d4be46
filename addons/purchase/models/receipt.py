from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.master_data.models.product import Product
from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
from addons.purchase.models.supplier import Supplier
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

KINDS = {"goods": _l("Goods"), "live_hogs": _l("Live hogs at the weighbridge")}


class GoodsReceipt(BaseModel):
    """Goods received from a supplier (入库单) into a warehouse, as one lot. Live hogs come with a weighbridge
    ticket (磅单): gross weighed in, tare weighed out, kilograms and money deducted; the net live weight
    times the price per kg, less the money deducted, is what the plant owes."""
    STATES = {"draft": _l("Draft"), "received": _l("Received into stock")}
    TRANSITIONS = {("draft", "received")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    kind = CharField(max_length=12, default="goods")
    supplier = ForeignKeyField(Supplier, on_delete="RESTRICT")
    contract = ForeignKeyField(PurchaseContract, null=True, on_delete="RESTRICT")
    date = DateField()
    warehouse = ForeignKeyField(Warehouse, on_delete="RESTRICT")
    lot = ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    lot_number = CharField(max_length=40, default="")
    quarantine_cert = CharField(max_length=60, default="")     # 动物检疫合格证明 of the hogs, or the goods'
    vehicle = CharField(max_length=20, default="")
    weighbridge_ticket = CharField(max_length=32, default="")  # the truck's ticket when a weighbridge weighed it
    # the weighbridge ticket (live hogs)
    heads = IntegerField(default=0)
    gross_kg = FixedDecimalField(places=3, default=Decimal("0"))
    tare_kg = FixedDecimalField(places=3, default=Decimal("0"))
    deduct_kg = FixedDecimalField(places=3, default=Decimal("0"))        # 扣重: mud, water, feed
    price_per_kg = FixedDecimalField(places=4, default=Decimal("0"))
    deduct_amount = FixedDecimalField(places=2, default=Decimal("0"))    # 扣款: a sick or dead animal
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    returned_amount = FixedDecimalField(places=2, default=Decimal("0"))
    remarks = TextField(default="")
    state = CharField(max_length=12, default="draft", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_receipt"
        indexes = ((("plant", "number"), True), (("plant", "date"), False), (("supplier", "date"), False),
                   (("plant", "amount"), False))

    def __str__(self):
        return self.number

    @property
    def net_kg(self) -> Decimal:
        return self.gross_kg - self.tare_kg - self.deduct_kg

    @transition("received", permission="purchase.receive", label=_l("Receive into stock"), sources=["draft"],
                style="success")
    def receive(self):
        from addons.purchase import receiving
        receiving.on_receive(self)


# one weighbridge ticket, one receipt: a second receipt of the same truck is refused by the database too
GoodsReceipt.add_index(GoodsReceipt.index(GoodsReceipt.plant, GoodsReceipt.weighbridge_ticket, unique=True,
                                          name="purchase_receipt_weighbridge",
                                          where=(GoodsReceipt.weighbridge_ticket != "")))


class ReceiptLine(BaseModel):
    receipt = ForeignKeyField(GoodsReceipt, backref="lines", on_delete="CASCADE")
    seq = IntegerField(default=1)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    contract_line = ForeignKeyField(PurchaseContractLine, null=True, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3, default=Decimal("0"))     # pieces (heads of live hogs)
    weight = FixedDecimalField(places=3, default=Decimal("0"))       # kg
    unit_price = FixedDecimalField(places=4, default=Decimal("0"))   # per pricing unit
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    returned_quantity = FixedDecimalField(places=3, default=Decimal("0"))
    returned_weight = FixedDecimalField(places=3, default=Decimal("0"))

    class Meta:
        table_name = "purchase_receipt_line"
