"""sales_order: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:57.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_customer_id_state'))
    migrator.migrate(migrator.add_index('sales_order_order', ('customer_id', 'state', 'delivery_date')))
    migrator.migrate(migrator.add_index('sales_order_order', ('plant_id', 'amount')))
    migrator.migrate(migrator.add_index('sales_order_order', ('plant_id', 'created_at')))
    migrator.migrate(migrator.add_index('sales_order_order', ('plant_id', 'state', 'delivery_date')))
    migrator.migrate(migrator.add_index('sales_order_quotation', ('plant_id', 'valid_until')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('sales_order_quotation', 'sales_order_quotation_plant_id_valid_until'))
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_plant_id_state_delivery_date'))
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_plant_id_created_at'))
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_plant_id_amount'))
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_customer_id_state_delivery_date'))
    migrator.migrate(migrator.add_index('sales_order_order', ('customer_id', 'state')))
