"""statistics: two_bases."""
# Generated from a schema diff on 2026-12-04 23:27.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.drop_index('statistics_daily_sales', 'dailysales_plant_id_dimension_day'))
    migrator.migrate(migrator.add_column('statistics_daily_sales', 'basis', CharField(max_length=8, default='ordered')))
    migrator.migrate(migrator.add_index('statistics_daily_sales', ('plant_id', 'basis', 'dimension', 'day')))
    # the shipped basis is new: every plant's summary is built again when next read
    db.execute_sql("DELETE FROM statistics_summary_state")


def down(migrator, db):
    migrator.migrate(migrator.drop_index('statistics_daily_sales', 'statistics_daily_sales_plant_id_basis_dimension_day'))
    migrator.migrate(migrator.drop_column('statistics_daily_sales', 'basis'))
    migrator.migrate(migrator.add_index('statistics_daily_sales', ('plant_id', 'dimension', 'day'), name='dailysales_plant_id_dimension_day'))
