"""master_data: initial."""
# Generated from a schema diff on 2026-11-23 00:47.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Customer(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=200)
        kind = CharField(max_length=20, default='end')
        credit_limit = FixedDecimalField(default=decimal.Decimal('0'))
        payment_days = IntegerField(default=0)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_customer'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([Customer])

    class Product(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=200)
        selling_unit = CharField(max_length=20, default='piece')
        pricing_unit = CharField(max_length=20, default='kg')
        nominal_weight = FixedDecimalField(default=decimal.Decimal('0'))
        catch_weight = BooleanField(default=True)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_product'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([Product])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('master_data_product'))
    migrator.migrate(migrator.drop_table('master_data_customer'))
