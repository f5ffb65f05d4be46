"""master_data: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('master_data_customer', ('plant_id', 'assigned_on')))
    migrator.migrate(migrator.add_index('master_data_customer', ('plant_id', 'credit_limit')))
    migrator.migrate(migrator.add_index('master_data_customer', ('plant_id', 'grade')))
    migrator.migrate(migrator.add_index('master_data_customer', ('plant_id', 'payment_days')))
    migrator.migrate(migrator.add_index('master_data_price_row', ('plant_id', 'price')))
    migrator.migrate(migrator.add_index('master_data_price_row', ('plant_id', 'valid_from')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('master_data_price_row', 'master_data_price_row_plant_id_valid_from'))
    migrator.migrate(migrator.drop_index('master_data_price_row', 'master_data_price_row_plant_id_price'))
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_plant_id_payment_days'))
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_plant_id_grade'))
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_plant_id_credit_limit'))
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_plant_id_assigned_on'))
