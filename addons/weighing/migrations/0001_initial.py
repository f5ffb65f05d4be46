"""weighing: initial."""
# Generated from a schema diff on 2026-11-23 00:47.
from peewee import *

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class Station(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=120)
        port_url = CharField(max_length=200)
        protocol = CharField(max_length=40, default='mt_sics')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'weighing_station'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([Station])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('weighing_station'))
