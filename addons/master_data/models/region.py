from peewee import BooleanField, CharField

from core.db import BaseModel


class Region(BaseModel):
    """Province and city, company-wide; customers are grouped and analysed by it."""
    code = CharField(max_length=20, unique=True)
    province = CharField(max_length=60)
    city = CharField(max_length=60, default="")
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_region"

    def __str__(self):
        return f"{self.province} {self.city}".strip()
