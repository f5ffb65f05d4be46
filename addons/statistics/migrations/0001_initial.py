"""statistics: initial."""
# Generated from a schema diff on 2026-11-23 04:25.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class SalesTarget(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        salesperson = ForeignKeyField(User, on_delete='CASCADE')
        period = CharField(max_length=7)
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'statistics_target'
            indexes = ((('plant', 'period', 'salesperson'), True),)
    db.create_tables([SalesTarget])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('statistics_target'))
