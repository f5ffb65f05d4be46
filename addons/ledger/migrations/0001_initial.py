"""ledger: initial."""
# Generated from a schema diff on 2026-11-23 00:47.
from peewee import *
from core.fields import FixedDecimalField
import datetime

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class AccountEntry(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        date = DateField(default=datetime.date.today)
        kind = CharField(max_length=20)
        amount = FixedDecimalField()
        reference = CharField(max_length=80, default='')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'ledger_account_entry'
            indexes = ((('plant', 'customer', 'date'), False),)
    db.create_tables([AccountEntry])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ledger_account_entry'))
