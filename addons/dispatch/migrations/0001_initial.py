"""dispatch: initial."""
# Generated from a schema diff on 2026-11-23 00:47.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Vehicle(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        plate = CharField(max_length=20)
        capacity_kg = FixedDecimalField(default=decimal.Decimal('0'))
        driver = CharField(max_length=80, default='')
        phone = CharField(max_length=40, default='')
        carrier = CharField(max_length=120, default='')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'dispatch_vehicle'
            indexes = ((('plant', 'plate'), True),)
    db.create_tables([Vehicle])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('dispatch_vehicle'))
