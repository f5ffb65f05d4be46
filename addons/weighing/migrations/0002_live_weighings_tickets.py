"""weighing: live_weighings_tickets."""
# Generated from a schema diff on 2026-11-23 04:06.
from peewee import *
from core.fields import FixedDecimalField
import datetime
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Station(Model):
        class Meta:
            database = db
            table_name = 'weighing_station'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class LiveReading(Model):
        station = ForeignKeyField(Station, unique=True, on_delete='CASCADE')
        weight = FixedDecimalField(default=decimal.Decimal('0'))
        unit = CharField(max_length=4, default='kg')
        stable = BooleanField(default=False)
        net = BooleanField(default=False)
        tare = FixedDecimalField(null=True)
        status = CharField(max_length=12, default='ok')
        read_at = DateTimeField(null=True)
        online = BooleanField(default=False)
        message = CharField(max_length=300, default='')
        agent = CharField(max_length=120, default='')
        class Meta:
            database = db
            table_name = 'weighing_live_reading'
    db.create_tables([LiveReading])

    class WeighbridgeTicket(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        plate = CharField(max_length=20)
        trip_id = IntegerField(null=True)
        direction = CharField(max_length=3, default='out')
        first_kg = FixedDecimalField(null=True)
        second_kg = FixedDecimalField(null=True)
        net = FixedDecimalField(null=True)
        state = CharField(max_length=10, default='open')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        closed_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'weighing_ticket'
            indexes = ((('plant', 'number'), True),)
    db.create_tables([WeighbridgeTicket])

    class Weighing(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        station = ForeignKeyField(Station, null=True, on_delete='RESTRICT')
        gross = FixedDecimalField()
        tare = FixedDecimalField(default=decimal.Decimal('0'))
        net = FixedDecimalField()
        unit = CharField(max_length=4, default='kg')
        manual = BooleanField(default=False)
        reason = TextField(default='')
        operator = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField(default=datetime.datetime.utcnow)
        delivery_line_id = IntegerField(null=True)
        batch_id = IntegerField(null=True)
        ticket_id = IntegerField(null=True)
        voided = BooleanField(default=False)
        void_reason = TextField(default='')
        voided_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        voided_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'weighing_weighing'
            indexes = ((('plant', 'at'), False),)
    db.create_tables([Weighing])

    migrator.migrate(migrator.add_column('weighing_station', 'baudrate', IntegerField(default=9600)))
    migrator.migrate(migrator.add_column('weighing_station', 'bytesize', IntegerField(default=8)))
    migrator.migrate(migrator.add_column('weighing_station', 'parity', CharField(max_length=1, default='N')))
    migrator.migrate(migrator.add_column('weighing_station', 'stopbits', CharField(max_length=3, default='1')))
    migrator.migrate(migrator.add_column('weighing_station', 'unit', CharField(max_length=4, default='kg')))
    migrator.migrate(migrator.add_column('weighing_station', 'address', CharField(max_length=1, default='A')))
    migrator.migrate(migrator.add_column('weighing_station', 'stable_count', IntegerField(default=3)))
    migrator.migrate(migrator.add_column('weighing_station', 'stable_window_ms', IntegerField(default=1000)))
    migrator.migrate(migrator.add_column('weighing_station', 'poll_ms', IntegerField(default=200)))
    migrator.migrate(migrator.add_column('weighing_station', 'offline_after_ms', IntegerField(default=3000)))
    migrator.migrate(migrator.add_column('weighing_station', 'min_weight', FixedDecimalField(default=decimal.Decimal('0.020'))))
    migrator.migrate(migrator.add_column('weighing_station', 'desk', CharField(max_length=60, default='')))
    migrator.migrate(migrator.add_column('weighing_station', 'is_weighbridge', BooleanField(default=False)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('weighing_station', 'is_weighbridge'))
    migrator.migrate(migrator.drop_column('weighing_station', 'desk'))
    migrator.migrate(migrator.drop_column('weighing_station', 'min_weight'))
    migrator.migrate(migrator.drop_column('weighing_station', 'offline_after_ms'))
    migrator.migrate(migrator.drop_column('weighing_station', 'poll_ms'))
    migrator.migrate(migrator.drop_column('weighing_station', 'stable_window_ms'))
    migrator.migrate(migrator.drop_column('weighing_station', 'stable_count'))
    migrator.migrate(migrator.drop_column('weighing_station', 'address'))
    migrator.migrate(migrator.drop_column('weighing_station', 'unit'))
    migrator.migrate(migrator.drop_column('weighing_station', 'stopbits'))
    migrator.migrate(migrator.drop_column('weighing_station', 'parity'))
    migrator.migrate(migrator.drop_column('weighing_station', 'bytesize'))
    migrator.migrate(migrator.drop_column('weighing_station', 'baudrate'))
    migrator.migrate(migrator.drop_table('weighing_weighing'))
    migrator.migrate(migrator.drop_table('weighing_ticket'))
    migrator.migrate(migrator.drop_table('weighing_live_reading'))
