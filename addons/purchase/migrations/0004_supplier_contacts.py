"""purchase: supplier_contacts."""
# Generated from a schema diff on 2026-12-05 13:16.
from peewee import *

def up(migrator, db):
    class Supplier(Model):
        class Meta:
            database = db
            table_name = 'purchase_supplier'

    class SupplierContact(Model):
        supplier = ForeignKeyField(Supplier, on_delete='CASCADE')
        name = CharField(max_length=60)
        title = CharField(max_length=60, default='')
        phone = CharField(max_length=40, default='')
        class Meta:
            database = db
            table_name = 'purchase_supplier_contact'
    db.create_tables([SupplierContact])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('purchase_supplier_contact'))
