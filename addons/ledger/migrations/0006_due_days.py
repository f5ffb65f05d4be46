"""ledger: due_days."""
# Generated from a schema diff on 2026-12-05 20:22.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class DueDay(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        day = DateField()
        dated = BooleanField(default=True)
        open_amount = FixedDecimalField(default=decimal.Decimal('0.00'))
        class Meta:
            database = db
            table_name = 'ledger_due_day'
            indexes = ((('plant', 'dated', 'day'), True),)
    db.create_tables([DueDay])
    # What is open of the debits written so far, by the day they fall due (addons/ledger/due_days.py keeps it).
    db.execute_sql(
        'INSERT INTO "ledger_due_day" ("plant_id", "dated", "day", "open_amount") '
        'SELECT "plant_id", "due_date" IS NOT NULL, COALESCE("due_date", "date"), SUM("open_amount") '
        'FROM "ledger_account_entry" WHERE "open_amount" > 0 '
        'GROUP BY "plant_id", "due_date" IS NOT NULL, COALESCE("due_date", "date")')


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ledger_due_day'))
