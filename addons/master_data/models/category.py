from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.models import Plant


class Category(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=100)
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_category"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return self.name
