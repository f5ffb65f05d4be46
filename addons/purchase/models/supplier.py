from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.models import Plant

CATEGORIES = {"live_hogs": _l("Live hogs"), "meat": _l("Meat and offal"), "packaging": _l("Packaging"),
              "ingredients": _l("Ingredients"), "services": _l("Services"), "other": _l("Other")}


class Supplier(BaseModel):
    """Who the plant buys from (供应商): farms and dealers of live hogs, packaging, ingredients."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=200)
    category = CharField(max_length=20, default="other")
    contact = CharField(max_length=60, default="")
    phone = CharField(max_length=40, default="")
    address = CharField(max_length=300, default="")
    tax_id = CharField(max_length=40, default="")
    bank_name = CharField(max_length=100, default="")
    bank_account = CharField(max_length=60, default="")
    payment_days = IntegerField(default=0)          # what we owe falls due this many days after receiving
    active = BooleanField(default=True)

    class Meta:
        table_name = "purchase_supplier"
        indexes = ((("plant", "code"), True),
                   (("plant", "name"), False))

    def __str__(self):
        return f"{self.code} {self.name}"


class SupplierContact(BaseModel):
    supplier = ForeignKeyField(Supplier, backref="contacts", on_delete="CASCADE")
    name = CharField(max_length=60)
    title = CharField(max_length=60, default="")
    phone = CharField(max_length=40, default="")

    class Meta:
        table_name = "purchase_supplier_contact"
