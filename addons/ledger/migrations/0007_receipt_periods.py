"""ledger: receipt_periods."""
# Generated from a schema diff on 2026-12-05 21:40.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class ReceiptPeriod(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        period = CharField(max_length=7)
        customer_id = IntegerField(default=0)
        amount = FixedDecimalField(default=decimal.Decimal('0.00'))
        count = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'ledger_receipt_period'
            indexes = ((('plant', 'period', 'customer_id'), True),)
    db.create_tables([ReceiptPeriod])
    # What was received so far, by month and year, per customer and in all (addons/ledger/receipt_periods.py
    # keeps it).
    for width in (7, 4):
        period = f'SUBSTR(CAST("date" AS text), 1, {width})'
        for customer in ('"customer_id"', '0'):
            group = ', "customer_id"' if customer != '0' else ''
            db.execute_sql(
                'INSERT INTO "ledger_receipt_period" ("plant_id", "period", "customer_id", "amount", "count") '
                f'SELECT "plant_id", {period}, {customer}, SUM("amount"), COUNT(*) FROM "ledger_account_entry" '
                f'''WHERE "kind" = 'receipt' GROUP BY "plant_id", {period}{group}''')


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ledger_receipt_period'))
