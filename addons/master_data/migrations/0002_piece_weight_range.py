"""master_data: piece_weight_range."""
# Generated from a schema diff on 2026-12-04 23:06.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    migrator.migrate(migrator.add_column('master_data_product', 'min_piece_kg', FixedDecimalField(places=3, default=decimal.Decimal('0'))))
    migrator.migrate(migrator.add_column('master_data_product', 'max_piece_kg', FixedDecimalField(places=3, default=decimal.Decimal('0'))))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('master_data_product', 'max_piece_kg'))
    migrator.migrate(migrator.drop_column('master_data_product', 'min_piece_kg'))
