"""purchase: cost_ratio."""
# Generated from a schema diff on 2026-12-05 12:50.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class CostRatio(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        product = ForeignKeyField(Product, on_delete='CASCADE')
        ratio = FixedDecimalField(places=4, default=decimal.Decimal('1'))
        class Meta:
            database = db
            table_name = 'purchase_cost_ratio'
            indexes = ((('plant', 'product'), True),)
    db.create_tables([CostRatio])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('purchase_cost_ratio'))
