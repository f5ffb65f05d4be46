"""ledger: initial."""
# Generated from a schema diff on 2026-11-23 01:58.
from peewee import *
from core.fields import FixedDecimalField
import datetime
import decimal


def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class AccountEntry(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        date = DateField(default=datetime.date.today)
        due_date = DateField(null=True)
        kind = CharField(max_length=20)
        amount = FixedDecimalField()
        open_amount = FixedDecimalField(default=decimal.Decimal('0.00'))
        invoiced_amount = FixedDecimalField(default=decimal.Decimal('0.00'))
        reference = CharField(max_length=80, default='')
        source_model = CharField(max_length=80, default='')
        source_id = IntegerField(null=True)
        order_id = IntegerField(index=True, null=True)
        memo = TextField(default='')
        reverses = ForeignKeyField('self', null=True, on_delete='RESTRICT')
        auto_match = BooleanField(default=True)
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'ledger_account_entry'
            indexes = ((('plant', 'customer', 'date'), False),)
    db.create_tables([AccountEntry])
    # A partial index (written by hand: the generator does not write WHERE clauses); SQLite and PostgreSQL.
    db.execute_sql('CREATE INDEX "ledger_account_entry_open" ON "ledger_account_entry" '
                   '("plant_id", "customer_id", "due_date", "open_amount") WHERE "open_amount" <> 0')

    class Allocation(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        credit = ForeignKeyField(AccountEntry, on_delete='RESTRICT')
        debit = ForeignKeyField(AccountEntry, on_delete='RESTRICT')
        amount = FixedDecimalField()
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'ledger_allocation'
    db.create_tables([Allocation])

    class Invoice(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        date = DateField(default=datetime.date.today)
        vat_number = CharField(max_length=40, default='')
        amount = FixedDecimalField()
        state = CharField(max_length=12, default='issued')
        cancel_reason = TextField(default='')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'ledger_invoice'
            indexes = ((('plant', 'number'), True),)
    db.create_tables([Invoice])

    class InvoiceLine(Model):
        invoice = ForeignKeyField(Invoice, on_delete='CASCADE')
        entry = ForeignKeyField(AccountEntry, on_delete='RESTRICT')
        amount = FixedDecimalField()
        class Meta:
            database = db
            table_name = 'ledger_invoice_line'
    db.create_tables([InvoiceLine])

    class InvoiceMilestone(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        contract = CharField(max_length=80)
        planned_date = DateField()
        planned_amount = FixedDecimalField()
        invoice = ForeignKeyField(Invoice, null=True, on_delete='SET NULL')
        note = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'ledger_invoice_milestone'
            indexes = ((('plant', 'planned_date'), False),)
    db.create_tables([InvoiceMilestone])

    class Receipt(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        date = DateField(default=datetime.date.today)
        method = CharField(max_length=20, default='transfer')
        amount = FixedDecimalField()
        reference = CharField(max_length=80, default='')
        order_id = IntegerField(index=True, null=True)
        entry = ForeignKeyField(AccountEntry, null=True, on_delete='RESTRICT')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'ledger_receipt'
            indexes = ((('plant', 'number'), True), (('plant', 'date'), False))
    db.create_tables([Receipt])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ledger_receipt'))
    migrator.migrate(migrator.drop_table('ledger_invoice_milestone'))
    migrator.migrate(migrator.drop_table('ledger_invoice_line'))
    migrator.migrate(migrator.drop_table('ledger_invoice'))
    migrator.migrate(migrator.drop_table('ledger_allocation'))
    migrator.migrate(migrator.drop_table('ledger_account_entry'))
