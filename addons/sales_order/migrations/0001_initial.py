"""sales_order: initial."""
# Generated from a schema diff on 2026-11-23 00:47.
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

    class Order(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        number = CharField(max_length=32)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        delivery_date = DateField()
        state = CharField(index=True, max_length=20, default='draft')
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        remarks = TextField(default='')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'sales_order_order'
            indexes = ((('plant', 'number'), True), (('plant', 'delivery_date'), False))
    db.create_tables([Order])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('sales_order_order'))
