"""purchase: initial."""
# Generated from a schema diff on 2026-12-05 12:32.
from peewee import *
from core.fields import FixedDecimalField
import decimal

# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand
# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand
# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand
# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand
# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand
# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand
# TODO: created_at: default <function utcnow at 0x7fd313f28b80> must be added by hand

def up(migrator, db):
    class Lot(Model):
        class Meta:
            database = db
            table_name = 'stock_lot'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class Warehouse(Model):
        class Meta:
            database = db
            table_name = 'stock_warehouse'

    class Supplier(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=200)
        category = CharField(max_length=20, default='other')
        contact = CharField(max_length=60, default='')
        phone = CharField(max_length=40, default='')
        address = CharField(max_length=300, default='')
        tax_id = CharField(max_length=40, default='')
        bank_name = CharField(max_length=100, default='')
        bank_account = CharField(max_length=60, default='')
        payment_days = IntegerField(default=0)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'purchase_supplier'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([Supplier])

    class PurchaseContract(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        supplier = ForeignKeyField(Supplier, on_delete='RESTRICT')
        date = DateField()
        delivery_from = DateField(null=True)
        delivery_to = DateField(null=True)
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        remarks = TextField(default='')
        state = CharField(index=True, max_length=12, default='draft')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_contract'
            indexes = ((('plant', 'number'), True), (('plant', 'date'), False))
    db.create_tables([PurchaseContract])

    class GoodsReceipt(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        kind = CharField(max_length=12, default='goods')
        supplier = ForeignKeyField(Supplier, on_delete='RESTRICT')
        contract = ForeignKeyField(PurchaseContract, null=True, on_delete='RESTRICT')
        date = DateField()
        warehouse = ForeignKeyField(Warehouse, on_delete='RESTRICT')
        lot = ForeignKeyField(Lot, null=True, on_delete='RESTRICT')
        lot_number = CharField(max_length=40, default='')
        quarantine_cert = CharField(max_length=60, default='')
        vehicle = CharField(max_length=20, default='')
        heads = IntegerField(default=0)
        gross_kg = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        tare_kg = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        deduct_kg = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        price_per_kg = FixedDecimalField(places=4, default=decimal.Decimal('0'))
        deduct_amount = FixedDecimalField(default=decimal.Decimal('0'))
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        returned_amount = FixedDecimalField(default=decimal.Decimal('0'))
        remarks = TextField(default='')
        state = CharField(index=True, max_length=12, default='draft')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_receipt'
            indexes = ((('plant', 'number'), True), (('plant', 'date'), False), (('supplier', 'date'), False))
    db.create_tables([GoodsReceipt])

    class PayableEntry(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        supplier = ForeignKeyField(Supplier, on_delete='RESTRICT')
        date = DateField()
        due_date = DateField(null=True)
        kind = CharField(max_length=16)
        amount = FixedDecimalField()
        open_amount = FixedDecimalField(default=decimal.Decimal('0.00'))
        reference = CharField(max_length=80, default='')
        source_model = CharField(max_length=80, default='')
        source_id = IntegerField(null=True)
        memo = TextField(default='')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_payable_entry'
            indexes = ((('plant', 'supplier', 'date'), False),)
    db.create_tables([PayableEntry])

    class PayableAllocation(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        credit = ForeignKeyField(PayableEntry, on_delete='RESTRICT')
        debit = ForeignKeyField(PayableEntry, on_delete='RESTRICT')
        amount = FixedDecimalField()
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_payable_allocation'
    db.create_tables([PayableAllocation])

    class PurchaseContractLine(Model):
        contract = ForeignKeyField(PurchaseContract, on_delete='CASCADE')
        seq = IntegerField(default=1)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField(places=3)
        unit_price = FixedDecimalField(places=4)
        amount = FixedDecimalField()
        delivery_date = DateField(null=True)
        received = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'purchase_contract_line'
    db.create_tables([PurchaseContractLine])

    class PurchaseReturn(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        supplier = ForeignKeyField(Supplier, on_delete='RESTRICT')
        receipt = ForeignKeyField(GoodsReceipt, on_delete='RESTRICT')
        date = DateField()
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        reason = TextField(default='')
        state = CharField(index=True, max_length=12, default='draft')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_return'
            indexes = ((('plant', 'number'), True),)
    db.create_tables([PurchaseReturn])

    class ReceiptLine(Model):
        receipt = ForeignKeyField(GoodsReceipt, on_delete='CASCADE')
        seq = IntegerField(default=1)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        contract_line = ForeignKeyField(PurchaseContractLine, null=True, on_delete='RESTRICT')
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        unit_price = FixedDecimalField(places=4, default=decimal.Decimal('0'))
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        returned_quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        returned_weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'purchase_receipt_line'
    db.create_tables([ReceiptLine])

    class PurchaseReturnLine(Model):
        purchase_return = ForeignKeyField(PurchaseReturn, on_delete='CASCADE')
        receipt_line = ForeignKeyField(ReceiptLine, on_delete='RESTRICT')
        seq = IntegerField(default=1)
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'purchase_return_line'
    db.create_tables([PurchaseReturnLine])

    class SupplierInvoice(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        supplier = ForeignKeyField(Supplier, on_delete='RESTRICT')
        invoice_number = CharField(max_length=40)
        date = DateField()
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        tax_amount = FixedDecimalField(default=decimal.Decimal('0'))
        receipts = TextField(default='')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_supplier_invoice'
            indexes = ((('supplier', 'invoice_number'), True),)
    db.create_tables([SupplierInvoice])

    class SupplierPayment(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        supplier = ForeignKeyField(Supplier, on_delete='RESTRICT')
        date = DateField()
        amount = FixedDecimalField()
        method = CharField(max_length=12, default='transfer')
        reference = CharField(max_length=80, default='')
        remarks = TextField(default='')
        state = CharField(index=True, max_length=12, default='draft')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'purchase_payment'
            indexes = ((('plant', 'number'), True),)
    db.create_tables([SupplierPayment])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('purchase_payment'))
    migrator.migrate(migrator.drop_table('purchase_supplier_invoice'))
    migrator.migrate(migrator.drop_table('purchase_return_line'))
    migrator.migrate(migrator.drop_table('purchase_receipt_line'))
    migrator.migrate(migrator.drop_table('purchase_return'))
    migrator.migrate(migrator.drop_table('purchase_contract_line'))
    migrator.migrate(migrator.drop_table('purchase_payable_allocation'))
    migrator.migrate(migrator.drop_table('purchase_payable_entry'))
    migrator.migrate(migrator.drop_table('purchase_receipt'))
    migrator.migrate(migrator.drop_table('purchase_contract'))
    migrator.migrate(migrator.drop_table('purchase_supplier'))
