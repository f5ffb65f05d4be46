"""ledger: the open debits by due date (the ageing's bucket totals), the debits by order (receivables), the receipts
by date (collections)."""


def up(migrator, db):
    # A partial index (written by hand: the generator does not write WHERE clauses); SQLite and PostgreSQL.
    db.execute_sql('CREATE INDEX "ledger_account_entry_open_due" ON "ledger_account_entry" '
                   '("plant_id", "due_date", "date", "open_amount", "order_id", "customer_id") WHERE "open_amount" > 0')
    db.execute_sql('CREATE INDEX "ledger_account_entry_order" ON "ledger_account_entry" '
                   '("plant_id", "order_id", "customer_id", "amount", "open_amount") '
                   'WHERE "order_id" IS NOT NULL AND "amount" > 0')
    db.execute_sql('CREATE INDEX "ledger_account_entry_receipts" ON "ledger_account_entry" '
                   '("plant_id", "date", "customer_id", "amount", "kind") WHERE "kind" = \'receipt\'')


def down(migrator, db):
    db.execute_sql('DROP INDEX "ledger_account_entry_open_due"')
    db.execute_sql('DROP INDEX "ledger_account_entry_order"')
    db.execute_sql('DROP INDEX "ledger_account_entry_receipts"')
