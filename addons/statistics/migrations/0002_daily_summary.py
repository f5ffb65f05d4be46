"""statistics: daily_summary."""
# Generated from a schema diff on 2026-11-23 05:56.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class DailySales(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        day = DateField()
        dimension = CharField(max_length=12)
        key_id = IntegerField(null=True)
        key_text = CharField(null=True, max_length=20)
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        weight = FixedDecimalField(default=decimal.Decimal('0'))
        quantity = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'statistics_daily_sales'
            indexes = ((('plant', 'dimension', 'day'), False),)
    db.create_tables([DailySales])

    class StaleDay(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        day = DateField()
        marked_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'statistics_stale_day'
            indexes = ((('plant', 'day'), True),)
    db.create_tables([StaleDay])

    class SummaryState(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        built_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'statistics_summary_state'
    db.create_tables([SummaryState])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('statistics_summary_state'))
    migrator.migrate(migrator.drop_table('statistics_stale_day'))
    migrator.migrate(migrator.drop_table('statistics_daily_sales'))
