"""ledger: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('ledger_invoice', ('plant_id', 'amount')))
    migrator.migrate(migrator.add_index('ledger_invoice', ('plant_id', 'date')))
    migrator.migrate(migrator.add_index('ledger_invoice_milestone', ('plant_id', 'contract')))
    migrator.migrate(migrator.add_index('ledger_receipt', ('plant_id', 'amount')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('ledger_receipt', 'ledger_receipt_plant_id_amount'))
    migrator.migrate(migrator.drop_index('ledger_invoice_milestone', 'ledger_invoice_milestone_plant_id_contract'))
    migrator.migrate(migrator.drop_index('ledger_invoice', 'ledger_invoice_plant_id_date'))
    migrator.migrate(migrator.drop_index('ledger_invoice', 'ledger_invoice_plant_id_amount'))
