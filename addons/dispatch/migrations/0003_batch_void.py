"""dispatch: batch_void."""
# Generated from a schema diff on 2026-11-23 04:05.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('dispatch_shipment_batch', 'voided', BooleanField(default=False)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('dispatch_shipment_batch', 'voided'))
