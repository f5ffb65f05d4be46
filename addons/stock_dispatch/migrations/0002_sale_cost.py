"""stock_dispatch: sale_cost."""
# Generated from a schema diff on 2026-12-05 12:52.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class SaleCost(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        day = DateField()
        month = IntegerField()
        note_id = IntegerField()
        line_id = IntegerField()
        product = ForeignKeyField(Product, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT', index=False)
        salesperson_id = IntegerField(null=True)
        region_id = IntegerField(null=True)
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        cost = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'stock_dispatch_sale_cost'
            indexes = ((('plant', 'month', 'product'), False), (('plant', 'day'), False), (('line_id',), True))
    db.create_tables([SaleCost])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('stock_dispatch_sale_cost'))
