"""standing_order: initial."""
# Generated from a schema diff on 2026-12-05 15:05.
from peewee import *
from core.fields import FixedDecimalField

# The instants (created_at, at) take their default from the models: new tables, no rows to fill.

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

    class StandingOrder(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        active = BooleanField(default=True)
        starts_on = DateField()
        ends_on = DateField(null=True)
        remarks = CharField(max_length=300, default='')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'standing_order_standing'
            indexes = ((('plant', 'customer'), True),)
    db.create_tables([StandingOrder])

    class StandingLine(Model):
        standing = ForeignKeyField(StandingOrder, on_delete='CASCADE')
        weekday = IntegerField()
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        quantity = FixedDecimalField(places=3)
        class Meta:
            database = db
            table_name = 'standing_order_line'
            indexes = ((('standing', 'weekday', 'product'), True),)
    db.create_tables([StandingLine])

    class StandingRun(Model):
        standing = ForeignKeyField(StandingOrder, on_delete='CASCADE')
        day = DateField()
        order = ForeignKeyField(Order, null=True, on_delete='SET NULL')
        problem = CharField(max_length=300, default='')
        at = DateTimeField()
        class Meta:
            database = db
            table_name = 'standing_order_run'
            indexes = ((('standing', 'day'), True),)
    db.create_tables([StandingRun])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('standing_order_run'))
    migrator.migrate(migrator.drop_table('standing_order_line'))
    migrator.migrate(migrator.drop_table('standing_order_standing'))
