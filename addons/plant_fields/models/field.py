from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from core.db import BaseModel
from core.models import Plant

TARGETS = {"order": _l("Sales orders"), "customer": _l("Customers"), "product": _l("Products"),
           "delivery_note": _l("Delivery notes")}
KINDS = {"text": _l("Text"), "number": _l("Number"), "date": _l("Date"), "choice": _l("Choice")}


class PlantField(BaseModel):
    """A field a plant adds to a kind of record (自定义字段): on its forms, lists, filters, Excel, prints and
    the API, with no code and no migration."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    target = CharField(max_length=20)
    code = CharField(max_length=30)
    label = CharField(max_length=60)
    kind = CharField(max_length=8, default="text")
    choices = TextField(default="")          # choice: one per line, "code=label" or just the label
    required = BooleanField(default=False)
    sequence = IntegerField(default=10)
    active = BooleanField(default=True)

    class Meta:
        table_name = "plant_fields_field"
        indexes = ((("plant", "target", "code"), True),)

    def __str__(self):
        return self.label

    def choice_map(self) -> dict:
        out = {}
        for line in (self.choices or "").splitlines():
            line = line.strip()
            if line:
                code, _sep, label = line.partition("=")
                out[code.strip()] = (label or code).strip()
        return out


class PlantFieldValue(BaseModel):
    """One record's value of a plant field, as text (a number canonical, a date ISO, a choice its code)."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    field = ForeignKeyField(PlantField, on_delete="CASCADE", backref="values")
    record_id = IntegerField()
    value = CharField(max_length=300)

    class Meta:
        table_name = "plant_fields_value"
        indexes = ((("field", "record_id"), True), (("field", "value"), False))
