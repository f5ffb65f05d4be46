"""crm: sort_indexes."""
# Generated from a schema diff on 2026-12-05 17:21.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_index('crm_commission_application', ('plant_id', 'amount')))
    migrator.migrate(migrator.add_index('crm_commission_application', ('plant_id', 'day')))
    migrator.migrate(migrator.add_index('crm_follow_up', ('plant_id', 'day')))
    migrator.migrate(migrator.add_index('crm_follow_up', ('plant_id', 'next_day')))
    migrator.migrate(migrator.add_index('crm_reimbursement', ('plant_id', 'amount')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('crm_reimbursement', 'crm_reimbursement_plant_id_amount'))
    migrator.migrate(migrator.drop_index('crm_follow_up', 'crm_follow_up_plant_id_next_day'))
    migrator.migrate(migrator.drop_index('crm_follow_up', 'crm_follow_up_plant_id_day'))
    migrator.migrate(migrator.drop_index('crm_commission_application', 'crm_commission_application_plant_id_day'))
    migrator.migrate(migrator.drop_index('crm_commission_application', 'crm_commission_application_plant_id_amount'))
