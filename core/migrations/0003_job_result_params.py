"""core: job_result_params."""
# Generated from a schema diff on 2026-11-23 06:29.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('core_job_run', 'result_params', TextField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('core_job_run', 'result_params'))
