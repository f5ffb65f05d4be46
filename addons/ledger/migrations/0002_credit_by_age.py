"""ledger: credit_by_age."""
# Generated from a schema diff on 2026-12-05 14:51.
from peewee import *

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class LedgerSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        block_overdue_days = IntegerField(default=0)
        block_overdue_count = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'ledger_settings'
    db.create_tables([LedgerSettings])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ledger_settings'))
