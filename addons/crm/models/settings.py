from peewee import CharField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.models import Plant


class CrmSettings(BaseModel):
    """A plant's CRM rules: how far ahead follow-ups are announced, when a channel customer is lost, and how
    many referred end customers with a deal lift a channel to each grade (0: never automatically)."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    remind_days = IntegerField(default=3)
    low_grades = CharField(max_length=5, default="DE")     # lost when not converted within low_grade_days
    low_grade_days = IntegerField(default=30)
    high_grades = CharField(max_length=5, default="ABC")   # lost with no deal within high_grade_days
    high_grade_days = IntegerField(default=90)
    upgrade_d = IntegerField(default=1)
    upgrade_c = IntegerField(default=3)
    upgrade_b = IntegerField(default=6)
    upgrade_a = IntegerField(default=10)

    class Meta:
        table_name = "crm_settings"
