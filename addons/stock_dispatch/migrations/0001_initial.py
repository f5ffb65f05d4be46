"""stock_dispatch: initial."""
# Generated from a schema diff on 2026-12-05 09:36.
from peewee import *
from core.fields import FixedDecimalField
import decimal

# TODO: at: default <function utcnow at 0x7f5557c1b1a0> must be added by hand
# TODO: shipped_at: default <function utcnow at 0x7f5557c1b1a0> must be added by hand
# TODO: updated_at: default <function utcnow at 0x7f5557c1b1a0> must be added by hand

def up(migrator, db):
    class ContainerType(Model):
        class Meta:
            database = db
            table_name = 'dispatch_container_type'

    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Lot(Model):
        class Meta:
            database = db
            table_name = 'stock_lot'

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

    class ContainerMove(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT', index=False)
        container = ForeignKeyField(ContainerType, on_delete='RESTRICT')
        day = DateField()
        at = DateTimeField()
        kind = CharField(max_length=10)
        quantity = IntegerField()
        deposit = FixedDecimalField(default=decimal.Decimal('0'))
        reference = CharField(max_length=40, default='')
        note_id = IntegerField(null=True)
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'stock_dispatch_container_move'
            indexes = ((('plant', 'customer', 'container'), False), (('note_id',), False))
    db.create_tables([ContainerMove])

    class ContainerRule(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        container = ForeignKeyField(ContainerType, unique=True, on_delete='CASCADE')
        returnable = BooleanField(default=True)
        deposit = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'stock_dispatch_container_rule'
    db.create_tables([ContainerRule])

    class ExitRecord(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        day = DateField()
        shipped_at = DateTimeField()
        note_id = IntegerField()
        note_number = CharField(max_length=32)
        batch_id = IntegerField(unique=True)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT', index=False)
        customer_code = CharField(max_length=40)
        customer_name = CharField(max_length=200)
        contact = CharField(max_length=120, default='')
        phone = CharField(max_length=40, default='')
        address = CharField(max_length=300, default='')
        product = ForeignKeyField(Product, on_delete='RESTRICT', index=False)
        product_code = CharField(max_length=40)
        product_name = CharField(max_length=200)
        lot = ForeignKeyField(Lot, null=True, on_delete='RESTRICT', index=False)
        lot_number = CharField(max_length=40, default='')
        quarantine_cert = CharField(max_length=60, default='')
        quality_cert = CharField(max_length=60, default='')
        asf_report = CharField(max_length=60, default='')
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'stock_dispatch_exit_record'
            indexes = ((('plant', 'day'), False), (('plant', 'lot'), False), (('plant', 'customer', 'day'), False))
    db.create_tables([ExitRecord])

    class NoteTemperature(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        note_id = IntegerField(unique=True)
        loading = FixedDecimalField(places=1, null=True)
        loading_at = DateTimeField(null=True)
        receipt = FixedDecimalField(places=1, null=True)
        receipt_at = DateTimeField(null=True)
        out_of_range = BooleanField(default=False)
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        updated_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'stock_dispatch_note_temperature'
    db.create_tables([NoteTemperature])

    class TemperatureRange(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        product = ForeignKeyField(Product, unique=True, on_delete='CASCADE')
        low = FixedDecimalField(places=1, null=True)
        high = FixedDecimalField(places=1, null=True)
        class Meta:
            database = db
            table_name = 'stock_dispatch_temperature_range'
    db.create_tables([TemperatureRange])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('stock_dispatch_temperature_range'))
    migrator.migrate(migrator.drop_table('stock_dispatch_note_temperature'))
    migrator.migrate(migrator.drop_table('stock_dispatch_exit_record'))
    migrator.migrate(migrator.drop_table('stock_dispatch_container_rule'))
    migrator.migrate(migrator.drop_table('stock_dispatch_container_move'))
