"""stock: initial."""
# Generated from a schema diff on 2026-12-05 09:37.
from peewee import *
from core.fields import FixedDecimalField
import decimal

# TODO: created_at: default <function utcnow at 0x7f3054a271a0> must be added by hand
# TODO: created_at: default <function utcnow at 0x7f3054a271a0> must be added by hand
# TODO: at: default <function utcnow at 0x7f3054a271a0> must be added by hand

def up(migrator, db):
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

    class Lot(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=40)
        kind = CharField(max_length=12, default='slaughter')
        day = DateField()
        heads = IntegerField(default=0)
        origin = CharField(max_length=200, default='')
        shelf_life_days = IntegerField(default=0)
        expires_on = DateField(null=True)
        quarantine_cert = CharField(max_length=60, default='')
        quality_cert = CharField(max_length=60, default='')
        asf_report = CharField(max_length=60, default='')
        remarks = TextField(default='')
        created_at = DateTimeField()
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'stock_lot'
            indexes = ((('plant', 'number'), True), (('plant', 'expires_on'), False))
    db.create_tables([Lot])

    class Warehouse(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        code = CharField(max_length=20)
        name = CharField(max_length=60)
        kind = CharField(max_length=10, default='cold')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'stock_warehouse'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([Warehouse])

    class StockCount(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        warehouse = ForeignKeyField(Warehouse, on_delete='RESTRICT')
        day = DateField()
        state = CharField(index=True, max_length=10, default='draft')
        created_at = DateTimeField()
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        posted_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'stock_count'
            indexes = ((('plant', 'number'), True),)
    db.create_tables([StockCount])

    class StockCountLine(Model):
        count = ForeignKeyField(StockCount, on_delete='CASCADE', index=False)
        seq = IntegerField()
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        lot = ForeignKeyField(Lot, null=True, on_delete='RESTRICT')
        expected_quantity = FixedDecimalField(places=3)
        expected_weight = FixedDecimalField(places=3)
        counted_quantity = FixedDecimalField(places=3, null=True)
        counted_weight = FixedDecimalField(places=3, null=True)
        reason = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'stock_count_line'
            indexes = ((('count', 'seq'), True),)
    db.create_tables([StockCountLine])

    class StockLevel(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        warehouse = ForeignKeyField(Warehouse, on_delete='RESTRICT', index=False)
        product = ForeignKeyField(Product, on_delete='RESTRICT')
        lot = ForeignKeyField(Lot, null=True, on_delete='RESTRICT')
        lot_key = IntegerField(default=0)
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'stock_level'
            indexes = ((('warehouse', 'product', 'lot_key'), True), (('plant', 'product'), False))
    db.create_tables([StockLevel])

    class StockMinimum(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        product = ForeignKeyField(Product, on_delete='CASCADE')
        warehouse = ForeignKeyField(Warehouse, on_delete='CASCADE', index=False)
        min_quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        min_weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        class Meta:
            database = db
            table_name = 'stock_minimum'
            indexes = ((('warehouse', 'product'), True), (('plant', 'product'), False))
    db.create_tables([StockMinimum])

    class StockMove(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        day = DateField()
        at = DateTimeField()
        kind = CharField(max_length=12)
        warehouse = ForeignKeyField(Warehouse, on_delete='RESTRICT', index=False)
        product = ForeignKeyField(Product, on_delete='RESTRICT', index=False)
        lot = ForeignKeyField(Lot, null=True, on_delete='RESTRICT', index=False)
        quantity = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        weight = FixedDecimalField(places=3, default=decimal.Decimal('0'))
        reference = CharField(max_length=40, default='')
        source_model = CharField(max_length=40, default='')
        source_id = IntegerField(null=True)
        reason = CharField(max_length=300, default='')
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'stock_move'
            indexes = ((('plant', 'day'), False), (('plant', 'lot'), False), (('plant', 'product', 'day'), False), (('source_model', 'source_id'), False))
    db.create_tables([StockMove])

    class StockSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        allow_negative = BooleanField(default=True)
        require_certificates = BooleanField(default=False)
        reserve_at_approval = BooleanField(default=False)
        ship_from = ForeignKeyField(Warehouse, null=True, on_delete='SET NULL')
        returns_to = ForeignKeyField(Warehouse, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'stock_settings'
    db.create_tables([StockSettings])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('stock_settings'))
    migrator.migrate(migrator.drop_table('stock_move'))
    migrator.migrate(migrator.drop_table('stock_minimum'))
    migrator.migrate(migrator.drop_table('stock_level'))
    migrator.migrate(migrator.drop_table('stock_count_line'))
    migrator.migrate(migrator.drop_table('stock_count'))
    migrator.migrate(migrator.drop_table('stock_warehouse'))
    migrator.migrate(migrator.drop_table('stock_lot'))
