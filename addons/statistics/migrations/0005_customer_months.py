"""statistics: customer_months."""
# Generated from a schema diff on 2026-12-05 23:59.
from peewee import *

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class CustomerMonth(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        customer_id = IntegerField()
        month = IntegerField()
        salesperson_id = IntegerField(default=0)
        first_month = IntegerField()
        bought_next = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'statistics_customer_month'
            indexes = ((('plant', 'customer_id', 'month'), True), (('plant', 'month', 'salesperson_id', 'first_month', 'bought_next'), False))
    db.create_tables([CustomerMonth])
    # the customers' months are built with the summary: every plant's summary is built again when next read
    db.execute_sql("DELETE FROM statistics_summary_state")


def down(migrator, db):
    migrator.migrate(migrator.drop_table('statistics_customer_month'))
