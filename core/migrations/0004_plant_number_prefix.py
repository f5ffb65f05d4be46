"""core: plant_number_prefix."""
# Generated from a schema diff on 2026-12-04 23:18.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('core_plant', 'doc_prefix', CharField(max_length=10, default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('core_plant', 'doc_prefix'))
