"""core: job_slots_notice_keys."""
# Generated from a schema diff on 2026-12-04 23:55.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('core_job_run', 'slot', DateTimeField(null=True)))
    migrator.migrate(migrator.add_column('core_job_run', 'slot_key', CharField(unique=True, null=True, max_length=200)))
    migrator.migrate(migrator.add_column('core_notification', 'once_key', CharField(null=True, max_length=120)))
    migrator.migrate(migrator.add_column('core_notification', 'mailing', CharField(null=True, max_length=120)))
    migrator.migrate(migrator.add_index('core_notification', ('user_id', 'once_key'), unique=True))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('core_notification', 'core_notification_user_id_once_key'))
    migrator.migrate(migrator.drop_index('core_job_run', 'core_job_run_slot_key'))
    migrator.migrate(migrator.drop_column('core_notification', 'mailing'))
    migrator.migrate(migrator.drop_column('core_notification', 'once_key'))
    migrator.migrate(migrator.drop_column('core_job_run', 'slot_key'))
    migrator.migrate(migrator.drop_column('core_job_run', 'slot'))
