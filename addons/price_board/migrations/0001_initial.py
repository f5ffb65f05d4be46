"""price_board: initial."""
# Generated from a schema diff on 2026-12-05 14:54.
from peewee import *
from core.fields import FixedDecimalField
import decimal

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class PriceList(Model):
        class Meta:
            database = db
            table_name = 'master_data_price_list'

    class Product(Model):
        class Meta:
            database = db
            table_name = 'master_data_product'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class BoardSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        floor_policy = CharField(max_length=8, default='warn')
        publish_minutes = IntegerField(default=840)
        class Meta:
            database = db
            table_name = 'price_board_settings'
    db.create_tables([BoardSettings])

    class PriceBoard(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        day = DateField()
        publish_at = DateTimeField()
        index_price = FixedDecimalField(places=4, default=decimal.Decimal('0'))
        note = CharField(max_length=300, default='')
        state = CharField(index=True, max_length=12, default='draft')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        published_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'price_board_board'
            indexes = ((('plant', 'day'), True),)
    db.create_tables([PriceBoard])

    class PriceBoardLine(Model):
        board = ForeignKeyField(PriceBoard, on_delete='CASCADE')
        price_list = ForeignKeyField(PriceList, on_delete='RESTRICT')
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        by_index = BooleanField(default=False)
        margin = FixedDecimalField(places=4, default=decimal.Decimal('0'))
        price = FixedDecimalField(places=4)
        floor = FixedDecimalField(places=4, default=decimal.Decimal('0'))
        below_floor = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'price_board_line'
            indexes = ((('board', 'price_list', 'product'), True),)
    db.create_tables([PriceBoardLine])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('price_board_line'))
    migrator.migrate(migrator.drop_table('price_board_board'))
    migrator.migrate(migrator.drop_table('price_board_settings'))
