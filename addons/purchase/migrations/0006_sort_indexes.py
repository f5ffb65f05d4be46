"""purchase: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('purchase_supplier', ('plant_id', 'name')))
    migrator.migrate(migrator.add_index('purchase_contract', ('plant_id', 'amount')))
    migrator.migrate(migrator.add_index('purchase_receipt', ('plant_id', 'amount')))
    migrator.migrate(migrator.add_index('purchase_return', ('plant_id', 'date')))
    migrator.migrate(migrator.add_index('purchase_supplier_invoice', ('plant_id', 'date')))
    migrator.migrate(migrator.add_index('purchase_payment', ('plant_id', 'date')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('purchase_payment', 'purchase_payment_plant_id_date'))
    migrator.migrate(migrator.drop_index('purchase_supplier_invoice', 'purchase_supplier_invoice_plant_id_date'))
    migrator.migrate(migrator.drop_index('purchase_return', 'purchase_return_plant_id_date'))
    migrator.migrate(migrator.drop_index('purchase_receipt', 'purchase_receipt_plant_id_amount'))
    migrator.migrate(migrator.drop_index('purchase_contract', 'purchase_contract_plant_id_amount'))
    migrator.migrate(migrator.drop_index('purchase_supplier', 'purchase_supplier_plant_id_name'))
