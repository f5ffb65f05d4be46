"""purchase: contract_money."""
# Generated from a schema diff on 2026-12-05 13:09.
from peewee import *

def up(migrator, db):
    class PurchaseContract(Model):
        class Meta:
            database = db
            table_name = 'purchase_contract'

    migrator.migrate(migrator.add_column('purchase_supplier_invoice', 'contract_id', ForeignKeyField(PurchaseContract, field=PurchaseContract.id, null=True, on_delete='RESTRICT')))
    migrator.migrate(migrator.add_column('purchase_payment', 'contract_id', ForeignKeyField(PurchaseContract, field=PurchaseContract.id, null=True, on_delete='RESTRICT')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('purchase_payment', 'purchase_payment_contract_id'))
    migrator.migrate(migrator.drop_index('purchase_supplier_invoice', 'purchase_supplier_invoice_contract_id'))
    migrator.migrate(migrator.drop_column('purchase_payment', 'contract_id'))
    migrator.migrate(migrator.drop_column('purchase_supplier_invoice', 'contract_id'))
