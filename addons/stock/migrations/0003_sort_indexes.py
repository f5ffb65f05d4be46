"""stock: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('stock_lot', ('plant_id', 'day')))
    migrator.migrate(migrator.add_index('stock_count', ('plant_id', 'day')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('stock_count', 'stock_count_plant_id_day'))
    migrator.migrate(migrator.drop_index('stock_lot', 'stock_lot_plant_id_day'))
