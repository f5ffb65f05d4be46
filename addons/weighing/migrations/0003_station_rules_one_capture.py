"""weighing: station_rules_one_capture."""
# Generated from a schema diff on 2026-12-04 23:06.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    migrator.migrate(migrator.add_column('weighing_station', 'capacity', FixedDecimalField(places=3, default=decimal.Decimal('0'))))
    migrator.migrate(migrator.add_column('weighing_station', 'division', FixedDecimalField(places=6, default=decimal.Decimal('0.01'))))
    migrator.migrate(migrator.add_column('weighing_station', 'unit_letters', CharField(max_length=60, default='')))
    migrator.migrate(migrator.add_column('weighing_station', 'reload_change', FixedDecimalField(places=3, default=decimal.Decimal('0.500'))))
    migrator.migrate(migrator.add_column('weighing_live_reading', 'armed', BooleanField(default=True)))
    migrator.migrate(migrator.add_column('weighing_live_reading', 'captured_weight', FixedDecimalField(places=6, null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('weighing_live_reading', 'captured_weight'))
    migrator.migrate(migrator.drop_column('weighing_live_reading', 'armed'))
    migrator.migrate(migrator.drop_column('weighing_station', 'reload_change'))
    migrator.migrate(migrator.drop_column('weighing_station', 'unit_letters'))
    migrator.migrate(migrator.drop_column('weighing_station', 'division'))
    migrator.migrate(migrator.drop_column('weighing_station', 'capacity'))
