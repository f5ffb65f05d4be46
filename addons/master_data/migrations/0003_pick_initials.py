"""master_data: pick_initials."""
# Generated from a schema diff on 2026-12-05 11:59.
from peewee import *

from addons.master_data.initials import initials


def _fill(db, table):
    """Records written before this migration get the initials save() now keeps."""
    rows = db.execute_sql(f'SELECT id, name FROM {table}').fetchall()
    param = db.param
    for start in range(0, len(rows), 1000):
        with db.atomic():
            for pk, name in rows[start:start + 1000]:
                db.execute_sql(f'UPDATE {table} SET initials = {param} WHERE id = {param}', (initials(name), pk))

def up(migrator, db):
    migrator.migrate(migrator.add_column('master_data_customer', 'initials', CharField(max_length=100, default='')))
    migrator.migrate(migrator.add_column('master_data_product', 'initials', CharField(max_length=100, default='')))
    _fill(db, 'master_data_customer')
    _fill(db, 'master_data_product')
    migrator.migrate(migrator.add_index('master_data_customer', ('plant_id', 'initials')))
    migrator.migrate(migrator.add_index('master_data_product', ('plant_id', 'initials')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('master_data_product', 'master_data_product_plant_id_initials'))
    migrator.migrate(migrator.drop_index('master_data_customer', 'master_data_customer_plant_id_initials'))
    migrator.migrate(migrator.drop_column('master_data_product', 'initials'))
    migrator.migrate(migrator.drop_column('master_data_customer', 'initials'))
