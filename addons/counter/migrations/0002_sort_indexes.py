"""counter: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('counter_shift', ('plant_id', 'day')))
    migrator.migrate(migrator.add_index('counter_sale', ('plant_id', 'amount')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('counter_sale', 'counter_sale_plant_id_amount'))
    migrator.migrate(migrator.drop_index('counter_shift', 'counter_shift_plant_id_day'))
