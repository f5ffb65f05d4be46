"""core: import_heartbeat."""
# Generated from a schema diff on 2026-12-05 00:03.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('core_import_job', 'beat_at', DateTimeField(null=True)))
    migrator.migrate(migrator.add_column('core_import_job', 'runner', CharField(max_length=120, default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('core_import_job', 'runner'))
    migrator.migrate(migrator.drop_column('core_import_job', 'beat_at'))
