"""dispatch: batch_lot_code."""
# Generated from a schema diff on 2026-12-05 09:12.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('dispatch_shipment_batch', 'lot_code', CharField(max_length=40, default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('dispatch_shipment_batch', 'lot_code'))
