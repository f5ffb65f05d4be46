from peewee import CharField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.models.plant import Plant


class Sequence(BaseModel):
    """The last number issued per plant, document type and year (see core.numbering)."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE")
    doc_type = CharField(max_length=20)
    year = IntegerField()
    last = IntegerField(default=0)

    class Meta:
        table_name = "core_sequence"
        indexes = ((("plant", "doc_type", "year"), True),)
