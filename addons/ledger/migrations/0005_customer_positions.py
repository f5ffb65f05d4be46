"""ledger: customer_positions."""
# Generated from a schema diff on 2026-12-05 20:17.
from peewee import *
from core.fields import FixedDecimalField
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

    class CustomerPosition(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, unique=True, on_delete='RESTRICT')
        balance = FixedDecimalField(default=decimal.Decimal('0.00'))
        open_items = IntegerField(default=0)
        oldest_due = DateField(null=True)
        owed_on_orders = FixedDecimalField(default=decimal.Decimal('0.00'))
        class Meta:
            database = db
            table_name = 'ledger_customer_position'
            indexes = ((('plant', 'balance'), False), (('plant', 'oldest_due'), False))
    db.create_tables([CustomerPosition])
    # Every customer's position from the entries written so far (addons/ledger/positions.py keeps it after).
    db.execute_sql(
        'INSERT INTO "ledger_customer_position" ("plant_id", "customer_id", "balance", "open_items", "oldest_due", '
        '"owed_on_orders") SELECT "plant_id", "customer_id", SUM("amount"), '
        'SUM(CASE WHEN "open_amount" <> 0 THEN 1 ELSE 0 END), MIN(CASE WHEN "open_amount" > 0 THEN "due_date" END), '
        'SUM(CASE WHEN "open_amount" > 0 AND "order_id" IS NOT NULL THEN "open_amount" ELSE 0 END) '
        'FROM "ledger_account_entry" GROUP BY "plant_id", "customer_id"')


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ledger_customer_position'))
