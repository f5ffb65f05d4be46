"""core: audit_one_index."""
# Generated from a schema diff on 2026-12-05 19:56.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.drop_index('core_audit_log', 'auditlog_at'))
    migrator.migrate(migrator.drop_index('core_audit_log', 'auditlog_model'))
    migrator.migrate(migrator.drop_index('core_audit_log', 'auditlog_record_id'))
    migrator.migrate(migrator.add_index('core_audit_log', ('model', 'record_id')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('core_audit_log', 'core_audit_log_model_record_id'))
    migrator.migrate(migrator.add_index('core_audit_log', ('record_id',), name='auditlog_record_id'))
    migrator.migrate(migrator.add_index('core_audit_log', ('model',), name='auditlog_model'))
    migrator.migrate(migrator.add_index('core_audit_log', ('at',), name='auditlog_at'))
