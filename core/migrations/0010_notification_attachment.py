"""core: notification_attachment."""
# Generated from a schema diff on 2026-12-05 10:08.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('core_notification', 'attachment', CharField(null=True, max_length=120)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('core_notification', 'attachment'))
