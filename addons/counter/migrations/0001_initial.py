"""counter: initial."""
# Generated from a schema diff on 2026-12-05 15:15.
from peewee import *
from core.fields import FixedDecimalField
import decimal

# The instants (opened_at, at) take their default from the models: new tables, no rows to fill.

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class PriceList(Model):
        class Meta:
            database = db
            table_name = 'master_data_price_list'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class Station(Model):
        class Meta:
            database = db
            table_name = 'weighing_station'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class Weighing(Model):
        class Meta:
            database = db
            table_name = 'weighing_weighing'

    class Shift(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        cashier = ForeignKeyField(User, on_delete='RESTRICT')
        day = DateField()
        opened_at = DateTimeField()
        opening_cash = FixedDecimalField(default=decimal.Decimal('0'))
        counted_cash = FixedDecimalField(null=True)
        expected_cash = FixedDecimalField(null=True)
        closed_at = DateTimeField(null=True)
        state = CharField(index=True, max_length=8, default='open')
        class Meta:
            database = db
            table_name = 'counter_shift'
            indexes = ((('plant', 'number'), True), (('plant', 'cashier', 'state'), False))
    db.create_tables([Shift])

    class CounterSale(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        kind = CharField(max_length=8, default='sale')
        shift = ForeignKeyField(Shift, on_delete='RESTRICT')
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        original = ForeignKeyField('self', null=True, on_delete='RESTRICT')
        day = DateField()
        amount = FixedDecimalField()
        reason = CharField(max_length=300, default='')
        cashier = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField()
        class Meta:
            database = db
            table_name = 'counter_sale'
            indexes = ((('plant', 'number'), True), (('plant', 'day'), False))
    db.create_tables([CounterSale])

    class CounterLine(Model):
        sale = ForeignKeyField(CounterSale, on_delete='CASCADE')
        seq = IntegerField(default=1)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField(places=3)
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        unit_price = FixedDecimalField(places=4)
        amount = FixedDecimalField()
        weighing = ForeignKeyField(Weighing, unique=True, null=True, on_delete='RESTRICT')
        returned_of = ForeignKeyField('self', null=True, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'counter_line'
    db.create_tables([CounterLine])

    class CounterPayment(Model):
        sale = ForeignKeyField(CounterSale, on_delete='CASCADE')
        method = CharField(max_length=8)
        amount = FixedDecimalField()
        reference = CharField(max_length=80, default='')
        class Meta:
            database = db
            table_name = 'counter_payment'
    db.create_tables([CounterPayment])

    class CounterSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        station = ForeignKeyField(Station, null=True, on_delete='SET NULL')
        walk_in = ForeignKeyField(Customer, null=True, on_delete='SET NULL')
        price_list = ForeignKeyField(PriceList, null=True, on_delete='SET NULL')
        paper_mm = IntegerField(default=80)
        class Meta:
            database = db
            table_name = 'counter_settings'
    db.create_tables([CounterSettings])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('counter_settings'))
    migrator.migrate(migrator.drop_table('counter_payment'))
    migrator.migrate(migrator.drop_table('counter_line'))
    migrator.migrate(migrator.drop_table('counter_sale'))
    migrator.migrate(migrator.drop_table('counter_shift'))
