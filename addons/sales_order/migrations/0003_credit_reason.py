"""sales_order: credit_reason."""
# Generated from a schema diff on 2026-12-05 14:51.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('sales_order_order', 'credit_reason', CharField(max_length=8, default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('sales_order_order', 'credit_reason'))
