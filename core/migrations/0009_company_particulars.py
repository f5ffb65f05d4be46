"""core: company_particulars."""
# Generated from a schema diff on 2026-12-05 10:01.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('core_company', 'address', CharField(max_length=300, default='')))
    migrator.migrate(migrator.add_column('core_company', 'phone', CharField(max_length=60, default='')))
    migrator.migrate(migrator.add_column('core_company', 'tax_id', CharField(max_length=40, default='')))
    migrator.migrate(migrator.add_column('core_company', 'bank_name', CharField(max_length=120, default='')))
    migrator.migrate(migrator.add_column('core_company', 'bank_account', CharField(max_length=60, default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('core_company', 'bank_account'))
    migrator.migrate(migrator.drop_column('core_company', 'bank_name'))
    migrator.migrate(migrator.drop_column('core_company', 'tax_id'))
    migrator.migrate(migrator.drop_column('core_company', 'phone'))
    migrator.migrate(migrator.drop_column('core_company', 'address'))
