"""purchase: weighbridge_ticket."""
# Generated from a schema diff on 2026-12-05 13:22.
from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.add_column('purchase_receipt', 'weighbridge_ticket', CharField(max_length=32, default='')))
    # one weighbridge ticket, one receipt (a partial index: receipts without a ticket are many)
    db.execute_sql('CREATE UNIQUE INDEX "purchase_receipt_weighbridge" ON "purchase_receipt" '
                   '("plant_id", "weighbridge_ticket") WHERE ("weighbridge_ticket" != \'\')')


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "purchase_receipt_weighbridge"')
    migrator.migrate(migrator.drop_column('purchase_receipt', 'weighbridge_ticket'))
