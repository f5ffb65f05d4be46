"""core: known_permissions."""
# Generated from a schema diff on 2026-11-23 06:14.
from peewee import *
import datetime

def up(migrator, db):
    class KnownPermission(Model):
        name = CharField(unique=True, max_length=120)
        seen_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'core_known_permission'
    db.create_tables([KnownPermission])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('core_known_permission'))
