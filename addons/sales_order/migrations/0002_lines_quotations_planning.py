"""sales_order: lines_quotations_planning."""
# Generated from a schema diff on 2026-11-23 03:17.
from peewee import *
from core.fields import FixedDecimalField
import datetime
import decimal

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class Order(Model):
        class Meta:
            database = db
            table_name = 'sales_order_order'

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

    class Availability(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        product = ForeignKeyField(Product, on_delete='CASCADE')
        day = DateField()
        quantity = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'sales_order_availability'
            indexes = ((('plant', 'day', 'product'), True),)
    db.create_tables([Availability])

    class OrderLine(Model):
        order = ForeignKeyField(Order, on_delete='CASCADE', index=False)
        seq = IntegerField(default=0)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField()
        expected_weight = FixedDecimalField(default=decimal.Decimal('0'))
        unit_price = FixedDecimalField()
        list_price = FixedDecimalField(default=decimal.Decimal('0'))
        floor_price = FixedDecimalField(default=decimal.Decimal('0'))
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        price_status = CharField(max_length=10, default='ok')
        original_quantity = FixedDecimalField(null=True)
        delivered_quantity = FixedDecimalField(default=decimal.Decimal('0'))
        delivered_weight = FixedDecimalField(default=decimal.Decimal('0'))
        remarks = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'sales_order_line'
            indexes = ((('order', 'seq'), False),)
    db.create_tables([OrderLine])

    class ProductYield(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        product = ForeignKeyField(Product, on_delete='CASCADE')
        per_head = FixedDecimalField()
        class Meta:
            database = db
            table_name = 'sales_order_product_yield'
            indexes = ((('plant', 'product'), True),)
    db.create_tables([ProductYield])

    class Quotation(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        number = CharField(max_length=32)
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        salesperson = ForeignKeyField(User, null=True, on_delete='SET NULL')
        valid_until = DateField()
        delivery_date = DateField(null=True)
        state = CharField(index=True, max_length=20, default='draft')
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        remarks = TextField(default='')
        order = ForeignKeyField(Order, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'sales_order_quotation'
            indexes = ((('plant', 'number'), True), (('customer', 'created_at'), False))
    db.create_tables([Quotation])

    class QuotationLine(Model):
        quotation = ForeignKeyField(Quotation, on_delete='CASCADE', index=False)
        seq = IntegerField(default=0)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField()
        expected_weight = FixedDecimalField(default=decimal.Decimal('0'))
        unit_price = FixedDecimalField()
        amount = FixedDecimalField(default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'sales_order_quotation_line'
            indexes = ((('quotation', 'seq'), False),)
    db.create_tables([QuotationLine])

    class SalesSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        reserve_open_hours = IntegerField(default=72)
        cutoff_hours = IntegerField(default=48)
        class Meta:
            database = db
            table_name = 'sales_order_settings'
    db.create_tables([SalesSettings])

    migrator.migrate(migrator.add_column('sales_order_order', 'kind', CharField(max_length=12, default='order')))
    migrator.migrate(migrator.add_column('sales_order_order', 'channel', CharField(max_length=12, default='phone')))
    migrator.migrate(migrator.add_column('sales_order_order', 'salesperson_id', ForeignKeyField(User, field=User.id, null=True, on_delete='SET NULL')))
    migrator.migrate(migrator.add_column('sales_order_order', 'created_by_id', ForeignKeyField(User, field=User.id, null=True, on_delete='SET NULL')))
    migrator.migrate(migrator.add_column('sales_order_order', 'self_pickup', BooleanField(default=False)))
    migrator.migrate(migrator.add_column('sales_order_order', 'delivery_address', CharField(max_length=300, default='')))
    migrator.migrate(migrator.add_column('sales_order_order', 'weight', FixedDecimalField(default=decimal.Decimal('0'))))
    migrator.migrate(migrator.add_column('sales_order_order', 'credit_over', FixedDecimalField(default=decimal.Decimal('0'))))
    migrator.migrate(migrator.add_column('sales_order_order', 'firmed_at', DateTimeField(null=True)))
    migrator.migrate(migrator.add_index('sales_order_order', ('customer_id', 'state')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_salesperson_id'))
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_customer_id_state'))
    migrator.migrate(migrator.drop_index('sales_order_order', 'sales_order_order_created_by_id'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'firmed_at'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'credit_over'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'weight'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'delivery_address'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'self_pickup'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'created_by_id'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'salesperson_id'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'channel'))
    migrator.migrate(migrator.drop_column('sales_order_order', 'kind'))
    migrator.migrate(migrator.drop_table('sales_order_settings'))
    migrator.migrate(migrator.drop_table('sales_order_quotation_line'))
    migrator.migrate(migrator.drop_table('sales_order_quotation'))
    migrator.migrate(migrator.drop_table('sales_order_product_yield'))
    migrator.migrate(migrator.drop_table('sales_order_line'))
    migrator.migrate(migrator.drop_table('sales_order_availability'))
