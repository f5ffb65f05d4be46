"""master_data: product_barcode."""
# Generated from a schema diff on 2026-12-05 15:15.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('master_data_product', 'barcode', CharField(max_length=40, default='')))
    migrator.migrate(migrator.add_index('master_data_product', ('plant_id', 'barcode')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('master_data_product', 'master_data_product_plant_id_barcode'))
    migrator.migrate(migrator.drop_column('master_data_product', 'barcode'))
