"""master_data: crm_fields."""
# Generated from a schema diff on 2026-12-05 14:18.
from peewee import *

# created_at: records written before this migration keep NULL (their creation instant is not known); new ones
# get the instant from the model's default.

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class DictionaryEntry(Model):
        class Meta:
            database = db
            table_name = 'master_data_dictionary_entry'

    migrator.migrate(migrator.add_column('master_data_customer', 'grade', CharField(max_length=1, default='E')))
    migrator.migrate(migrator.add_column('master_data_customer', 'channel_type_id', ForeignKeyField(DictionaryEntry, field=DictionaryEntry.id, null=True, on_delete='SET NULL')))
    migrator.migrate(migrator.add_column('master_data_customer', 'referred_by_id', ForeignKeyField(Customer, field=Customer.id, null=True, on_delete='SET NULL')))
    migrator.migrate(migrator.add_column('master_data_customer', 'assigned_on', DateField(null=True)))
    migrator.migrate(migrator.add_column('master_data_customer', 'created_at', DateTimeField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_referred_by_id'))
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_channel_type_id'))
    migrator.migrate(migrator.drop_column('master_data_customer', 'created_at'))
    migrator.migrate(migrator.drop_column('master_data_customer', 'assigned_on'))
    migrator.migrate(migrator.drop_column('master_data_customer', 'referred_by_id'))
    migrator.migrate(migrator.drop_column('master_data_customer', 'channel_type_id'))
    migrator.migrate(migrator.drop_column('master_data_customer', 'grade'))
