"""returns: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('returns_order', ('plant_id', 'created_at')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('returns_order', 'returns_order_plant_id_created_at'))
