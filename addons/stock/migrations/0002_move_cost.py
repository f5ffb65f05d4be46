"""stock: move_cost."""
# Generated from a schema diff on 2026-12-05 12:32.
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

    class StockCost(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        value = FixedDecimalField(default=decimal.Decimal('0'))
        unit_cost = FixedDecimalField(places=6, default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'stock_cost'
            indexes = ((('plant', 'product'), True),)
    db.create_tables([StockCost])
    # what is on hand before costing began, at no value: the average starts with the first goods bought
    db.execute_sql("INSERT INTO stock_cost (plant_id, product_id, quantity, weight, value, unit_cost) "
                   "SELECT plant_id, product_id, SUM(quantity), SUM(weight), 0, 0 FROM stock_level "
                   "GROUP BY plant_id, product_id")

    migrator.migrate(migrator.add_column('stock_move', 'cost', FixedDecimalField(default=decimal.Decimal('0'))))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('stock_move', 'cost'))
    migrator.migrate(migrator.drop_table('stock_cost'))
