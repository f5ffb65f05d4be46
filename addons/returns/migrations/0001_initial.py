"""returns: initial."""
# Generated from a schema diff on 2026-11-23 00:47.
from peewee import *

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class ReturnReason(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT')
        code = CharField(max_length=40)
        name = CharField(max_length=120)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'returns_reason'
            indexes = ((('plant', 'code'), True),)
    db.create_tables([ReturnReason])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('returns_reason'))
