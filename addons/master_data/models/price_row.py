from decimal import Decimal

from peewee import CharField, DateField, ForeignKeyField

from addons.master_data.models.customer import Customer
from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class PriceRow(BaseModel):
    """A price for one product from a date, either on a price list or for one customer.

    Unit prices keep four decimals; amounts are rounded to the fen where they are computed.
    `scope_key` ("L<id>" or "C<id>") exists for the unique index: a NULL in a unique index never
    clashes, so (price_list, customer, ...) alone would let duplicate customer prices in.
    """
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)  # the unique index starts with plant
    price_list = ForeignKeyField(PriceList, null=True, on_delete="CASCADE", backref="rows")
    customer = ForeignKeyField(Customer, null=True, on_delete="CASCADE", backref="prices")
    scope_key = CharField(max_length=24)
    product = ForeignKeyField(Product, on_delete="CASCADE", backref="prices")
    price = FixedDecimalField(places=4)
    floor_price = FixedDecimalField(places=4, default=Decimal("0"))
    valid_from = DateField()
    valid_to = DateField(null=True)

    class Meta:
        table_name = "master_data_price_row"
        indexes = ((("plant", "scope_key", "product", "valid_from"), True),
                   (("plant", "price"), False), (("plant", "valid_from"), False))

    def save(self, *args, **kwargs):
        self.scope_key = self.key_for(self.price_list_id, self.customer_id)
        return super().save(*args, **kwargs)

    @staticmethod
    def key_for(price_list_id=None, customer_id=None) -> str:
        return f"L{price_list_id}" if price_list_id else f"C{customer_id}"
