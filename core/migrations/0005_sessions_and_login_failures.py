"""core: sessions_and_login_failures."""
# Generated from a schema diff on 2026-12-04 23:47.
from peewee import *

# Failed logins move from a per-user counter (which let anyone lock an account out) to core_login_failure.

def up(migrator, db):
    class LoginFailure(Model):
        login = CharField(max_length=80)
        address = CharField(max_length=64)
        at = DateTimeField()
        class Meta:
            database = db
            table_name = 'core_login_failure'
            indexes = ((('address', 'at'), False), (('login', 'at'), False))
    db.create_tables([LoginFailure])

    migrator.migrate(migrator.add_column('core_user', 'session_version', IntegerField(default=0)))
    migrator.migrate(migrator.drop_column('core_user', 'failed_logins'))
    migrator.migrate(migrator.drop_column('core_user', 'locked_until'))


def down(migrator, db):
    migrator.migrate(migrator.add_column('core_user', 'failed_logins', IntegerField(default=0)))
    migrator.migrate(migrator.add_column('core_user', 'locked_until', DateTimeField(null=True)))
    migrator.migrate(migrator.drop_column('core_user', 'session_version'))
    migrator.migrate(migrator.drop_table('core_login_failure'))
