"""statistics: period_sales."""
# Generated from a schema diff on 2026-12-05 21:34.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class PeriodSales(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        period = CharField(max_length=7)
        basis = CharField(max_length=8)
        dimension = CharField(max_length=12)
        key_id = IntegerField(default=0)
        key_text = CharField(max_length=20, default='')
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        orders = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'statistics_period_sales'
            indexes = ((('plant', 'basis', 'dimension', 'period', 'key_id', 'key_text'), True),)
    db.create_tables([PeriodSales])

    migrator.migrate(migrator.add_column('statistics_daily_sales', 'orders', IntegerField(default=0)))
    # the order counts and the month and year totals are new: every plant's summary is built again when next read
    db.execute_sql("DELETE FROM statistics_summary_state")


def down(migrator, db):
    migrator.migrate(migrator.drop_column('statistics_daily_sales', 'orders'))
    migrator.migrate(migrator.drop_table('statistics_period_sales'))
