"""master_data: initial."""
# Generated from a schema diff on 2026-11-23 02:05.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class Category(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=100)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_category'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([Category])

    class DictionaryEntry(Model):
        kind = CharField(max_length=40)
        code = CharField(max_length=40)
        name = CharField(max_length=100)
        sequence = IntegerField(default=10)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_dictionary_entry'
            indexes = ((('kind', 'code'), True),)
    db.create_tables([DictionaryEntry])

    class Region(Model):
        code = CharField(unique=True, max_length=20)
        province = CharField(max_length=60)
        city = CharField(max_length=60, default='')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_region'
    db.create_tables([Region])

    class PriceList(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=100)
        is_default = BooleanField(default=False)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_price_list'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([PriceList])

    class Customer(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=200)
        kind = CharField(max_length=20, default='end')
        nature = ForeignKeyField(DictionaryEntry, null=True, on_delete='SET NULL')
        customer_type = ForeignKeyField(DictionaryEntry, null=True, on_delete='SET NULL')
        source = ForeignKeyField(DictionaryEntry, null=True, on_delete='SET NULL')
        region = ForeignKeyField(Region, null=True, on_delete='SET NULL')
        salesperson = ForeignKeyField(User, null=True, on_delete='SET NULL')
        credit_limit = FixedDecimalField(default=decimal.Decimal('0'))
        payment_days = IntegerField(default=0)
        rating = CharField(max_length=2, default='B')
        price_list = ForeignKeyField(PriceList, null=True, on_delete='SET NULL')
        phone = CharField(max_length=40, default='')
        address = CharField(max_length=300, default='')
        public_pool = BooleanField(default=False)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_customer'
            indexes = ((('plant', 'code'), True), (('plant', 'name'), False))
    db.create_tables([Customer])

    class CustomerAddress(Model):
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        label = CharField(max_length=60, default='')
        address = CharField(max_length=300)
        contact = CharField(max_length=60, default='')
        phone = CharField(max_length=40, default='')
        is_default = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'master_data_customer_address'
    db.create_tables([CustomerAddress])

    class CustomerContact(Model):
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        name = CharField(max_length=60)
        title = CharField(max_length=60, default='')
        phone = CharField(max_length=40, default='')
        class Meta:
            database = db
            table_name = 'master_data_customer_contact'
    db.create_tables([CustomerContact])

    class CustomerLogin(Model):
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        user = ForeignKeyField(User, unique=True, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'master_data_customer_login'
    db.create_tables([CustomerLogin])

    class Unit(Model):
        code = CharField(unique=True, max_length=20)
        name = CharField(max_length=60)
        kind = CharField(max_length=10, default='count')
        kg_factor = FixedDecimalField(default=decimal.Decimal('0'))
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_unit'
    db.create_tables([Unit])

    class Product(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=200)
        category = ForeignKeyField(Category, null=True, on_delete='SET NULL')
        selling_unit = ForeignKeyField(Unit, on_delete='RESTRICT')
        pricing_unit = ForeignKeyField(Unit, on_delete='RESTRICT')
        nominal_weight = FixedDecimalField(default=decimal.Decimal('0'))
        catch_weight = BooleanField(default=False)
        loss_tolerance_pct = FixedDecimalField(default=decimal.Decimal('0'))
        tax_rate_pct = FixedDecimalField(default=decimal.Decimal('9'))
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'master_data_product'
            indexes = ((('plant', 'code'), True), (('plant', 'name'), False))
    db.create_tables([Product])

    class PriceRow(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        price_list = ForeignKeyField(PriceList, null=True, on_delete='CASCADE')
        customer = ForeignKeyField(Customer, null=True, on_delete='CASCADE')
        scope_key = CharField(max_length=24)
        product = ForeignKeyField(Product, on_delete='CASCADE')
        price = FixedDecimalField()
        floor_price = FixedDecimalField(default=decimal.Decimal('0'))
        valid_from = DateField()
        valid_to = DateField(null=True)
        class Meta:
            database = db
            table_name = 'master_data_price_row'
            indexes = ((('plant', 'scope_key', 'product', 'valid_from'), True),)
    db.create_tables([PriceRow])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('master_data_price_row'))
    migrator.migrate(migrator.drop_table('master_data_product'))
    migrator.migrate(migrator.drop_table('master_data_unit'))
    migrator.migrate(migrator.drop_table('master_data_customer_login'))
    migrator.migrate(migrator.drop_table('master_data_customer_contact'))
    migrator.migrate(migrator.drop_table('master_data_customer_address'))
    migrator.migrate(migrator.drop_table('master_data_customer'))
    migrator.migrate(migrator.drop_table('master_data_price_list'))
    migrator.migrate(migrator.drop_table('master_data_region'))
    migrator.migrate(migrator.drop_table('master_data_dictionary_entry'))
    migrator.migrate(migrator.drop_table('master_data_category'))
