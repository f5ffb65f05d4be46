"""ledger: the open debits by due date, for the ageing's bucket totals."""


def up(migrator, db):
    # A partial index (written by hand: the generator does not write WHERE clauses); SQLite and PostgreSQL.
    db.execute_sql('CREATE INDEX "ledger_account_entry_open_due" ON "ledger_account_entry" '
                   '("plant_id", "due_date", "date", "open_amount") WHERE "open_amount" > 0')


def down(migrator, db):
    db.execute_sql('DROP INDEX "ledger_account_entry_open_due"')
