from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField

from addons.master_data.initials import Initialled
from addons.master_data.models.category import Category
from addons.master_data.models.unit import Unit
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class Product(Initialled, BaseModel):
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=200)
    category = ForeignKeyField(Category, null=True, on_delete="SET NULL")
    selling_unit = ForeignKeyField(Unit, on_delete="RESTRICT", backref="+")     # what is ordered
    pricing_unit = ForeignKeyField(Unit, on_delete="RESTRICT", backref="+")     # what is invoiced
    nominal_weight = FixedDecimalField(places=6, default=Decimal("0"))         # kg per selling unit
    # kg per piece a weighed batch may average at the desk (0: no bound); outside it a manager confirms:
    # it catches a wrong count or a wrong product on the scale
    min_piece_kg = FixedDecimalField(places=3, default=Decimal("0"))
    max_piece_kg = FixedDecimalField(places=3, default=Decimal("0"))
    catch_weight = BooleanField(default=False)        # ordered in pieces, invoiced by weighed kg
    loss_tolerance_pct = FixedDecimalField(places=2, default=Decimal("0"))     # normal transit loss, %
    tax_rate_pct = FixedDecimalField(places=2, default=Decimal("9"))
    active = BooleanField(default=True)
    barcode = CharField(max_length=40, default="")     # EAN-13 or the plant's own label code, for the counter
    initials = CharField(max_length=100, default="")   # pinyin initials of the name, kept by save()

    class Meta:
        table_name = "master_data_product"
        indexes = ((("plant", "code"), True), (("plant", "name"), False), (("plant", "initials"), False),
                   (("plant", "barcode"), False))

    def __str__(self):
        return f"{self.code} {self.name}"
