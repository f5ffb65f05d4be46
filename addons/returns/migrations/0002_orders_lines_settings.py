"""returns: orders_lines_settings."""
# Generated from a schema diff on 2026-11-23 04:20.
from peewee import *
from core.fields import FixedDecimalField
import datetime
import decimal

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class ReturnReason(Model):
        class Meta:
            database = db
            table_name = 'returns_reason'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class ReturnOrder(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        kind = CharField(max_length=8, default='return')
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        reason = ForeignKeyField(ReturnReason, null=True, on_delete='SET NULL')
        order_id = IntegerField(null=True)
        note_id = IntegerField(null=True)
        inbound_note_id = IntegerField(null=True)
        exchange_order_id = IntegerField(null=True)
        tracking = CharField(max_length=60, default='')
        claimed = FixedDecimalField(default=decimal.Decimal('0'))
        credit = FixedDecimalField(default=decimal.Decimal('0'))
        refunded = FixedDecimalField(default=decimal.Decimal('0'))
        refund_method = CharField(max_length=12, default='')
        remarks = TextField(default='')
        state = CharField(index=True, max_length=12, default='draft')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'returns_order'
            indexes = ((('plant', 'number'), True), (('customer', 'created_at'), False))
    db.create_tables([ReturnOrder])

    class ReturnLine(Model):
        order = ForeignKeyField(ReturnOrder, on_delete='CASCADE', index=False)
        seq = IntegerField(default=1)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField()
        weight = FixedDecimalField(default=decimal.Decimal('0'))
        unit_price = FixedDecimalField(default=decimal.Decimal('0'))
        received_quantity = FixedDecimalField(null=True)
        received_weight = FixedDecimalField(null=True)
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        inbound_line_id = IntegerField(null=True)
        class Meta:
            database = db
            table_name = 'returns_line'
            indexes = ((('order', 'seq'), False),)
    db.create_tables([ReturnLine])

    class ReturnSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        approve_limit = FixedDecimalField(default=decimal.Decimal('5000'))
        class Meta:
            database = db
            table_name = 'returns_settings'
    db.create_tables([ReturnSettings])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('returns_settings'))
    migrator.migrate(migrator.drop_table('returns_line'))
    migrator.migrate(migrator.drop_table('returns_order'))
