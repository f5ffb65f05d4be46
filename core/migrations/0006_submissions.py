"""core: submissions."""
# Generated from a schema diff on 2026-12-04 23:50.
from peewee import *


def up(migrator, db):
    class Submission(Model):
        key = CharField(unique=True, max_length=200)
        status = IntegerField(null=True)
        body = TextField(null=True)
        at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'core_submission'
    db.create_tables([Submission])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('core_submission'))
