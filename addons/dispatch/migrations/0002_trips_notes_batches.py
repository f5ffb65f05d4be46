"""dispatch: trips_notes_batches."""
# Generated from a schema diff on 2026-11-23 03:48.
from peewee import *
from core.fields import FixedDecimalField
import datetime
import decimal

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class OrderLine(Model):
        class Meta:
            database = db
            table_name = 'sales_order_line'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class Vehicle(Model):
        class Meta:
            database = db
            table_name = 'dispatch_vehicle'

    class ContainerType(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        code = CharField(max_length=20)
        name = CharField(max_length=60)
        tare_kg = FixedDecimalField(default=decimal.Decimal('0'))
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'dispatch_container_type'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([ContainerType])

    class Trip(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        day = DateField()
        vehicle = ForeignKeyField(Vehicle, on_delete='RESTRICT')
        driver = CharField(max_length=80, default='')
        departure = DateTimeField(null=True)
        state = CharField(index=True, max_length=20, default='planned')
        departed_at = DateTimeField(null=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'dispatch_trip'
            indexes = ((('plant', 'number'), True), (('plant', 'day'), False))
    db.create_tables([Trip])

    class DeliveryNote(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        kind = CharField(max_length=10, default='delivery')
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        trip = ForeignKeyField(Trip, null=True, on_delete='RESTRICT')
        stop_seq = IntegerField(default=1)
        day = DateField()
        address = CharField(max_length=300, default='')
        state = CharField(index=True, max_length=12, default='planned')
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        shipped_at = DateTimeField(null=True)
        shipped_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        received_at = DateTimeField(null=True)
        signed_by = CharField(max_length=80, default='')
        receipt_remarks = TextField(default='')
        loss_flagged = BooleanField(default=False)
        source = CharField(max_length=40, default='')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'dispatch_delivery_note'
            indexes = ((('plant', 'number'), True), (('plant', 'day'), False))
    db.create_tables([DeliveryNote])

    class DeliveryLine(Model):
        note = ForeignKeyField(DeliveryNote, on_delete='CASCADE', index=False)
        seq = IntegerField(default=1)
        order_line = ForeignKeyField(OrderLine, null=True, on_delete='RESTRICT')
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField()
        weight = FixedDecimalField(default=decimal.Decimal('0'))
        unit_price = FixedDecimalField(default=decimal.Decimal('0'))
        shipped_quantity = FixedDecimalField(default=decimal.Decimal('0'))
        shipped_weight = FixedDecimalField(default=decimal.Decimal('0'))
        received_quantity = FixedDecimalField(null=True)
        received_weight = FixedDecimalField(null=True)
        loss_weight = FixedDecimalField(default=decimal.Decimal('0'))
        loss_status = CharField(max_length=10, default='')
        quality_remarks = CharField(max_length=300, default='')
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        picked_at = DateTimeField(null=True)
        picked_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        weighed_at = DateTimeField(null=True)
        weighed_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        loaded_at = DateTimeField(null=True)
        loaded_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        batch_count = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'dispatch_delivery_line'
            indexes = ((('note', 'seq'), False),)
    db.create_tables([DeliveryLine])

    class DispatchSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        over_ship_pct = FixedDecimalField(default=decimal.Decimal('2'))
        bill_received = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'dispatch_settings'
    db.create_tables([DispatchSettings])

    class ShipmentBatch(Model):
        line = ForeignKeyField(DeliveryLine, on_delete='CASCADE', index=False)
        seq = IntegerField(default=1)
        quantity = FixedDecimalField()
        gross = FixedDecimalField(default=decimal.Decimal('0'))
        tare = FixedDecimalField(default=decimal.Decimal('0'))
        net = FixedDecimalField(default=decimal.Decimal('0'))
        container = ForeignKeyField(ContainerType, null=True, on_delete='SET NULL')
        container_count = IntegerField(default=0)
        source = CharField(max_length=10, default='keyed')
        weighing_id = IntegerField(null=True)
        operator = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'dispatch_shipment_batch'
            indexes = ((('line', 'seq'), True),)
    db.create_tables([ShipmentBatch])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('dispatch_shipment_batch'))
    migrator.migrate(migrator.drop_table('dispatch_settings'))
    migrator.migrate(migrator.drop_table('dispatch_delivery_line'))
    migrator.migrate(migrator.drop_table('dispatch_delivery_note'))
    migrator.migrate(migrator.drop_table('dispatch_trip'))
    migrator.migrate(migrator.drop_table('dispatch_container_type'))
