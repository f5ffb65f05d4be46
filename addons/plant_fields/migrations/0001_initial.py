"""plant_fields: initial."""
# Generated from a schema diff on 2026-12-05 15:32.
from peewee import *

def up(migrator, db):
    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class PlantField(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        target = CharField(max_length=20)
        code = CharField(max_length=30)
        label = CharField(max_length=60)
        kind = CharField(max_length=8, default='text')
        choices = TextField(default='')
        required = BooleanField(default=False)
        sequence = IntegerField(default=10)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'plant_fields_field'
            indexes = ((('plant', 'target', 'code'), True),)
    db.create_tables([PlantField])

    class PlantFieldValue(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE', index=False)
        field = ForeignKeyField(PlantField, on_delete='CASCADE')
        record_id = IntegerField()
        value = CharField(max_length=300)
        class Meta:
            database = db
            table_name = 'plant_fields_value'
            indexes = ((('field', 'record_id'), True), (('field', 'value'), False))
    db.create_tables([PlantFieldValue])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('plant_fields_value'))
    migrator.migrate(migrator.drop_table('plant_fields_field'))
