from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel


class Company(BaseModel):
    name = CharField(max_length=200)
    currency = CharField(max_length=3, default="CNY")
    # what every printed document's header carries
    address = CharField(max_length=300, default="")
    phone = CharField(max_length=60, default="")
    tax_id = CharField(max_length=40, default="")           # 统一社会信用代码 / 纳税人识别号
    bank_name = CharField(max_length=120, default="")
    bank_account = CharField(max_length=60, default="")

    class Meta:
        table_name = "core_company"


class Plant(BaseModel):
    """A site (厂区/分厂). Every business document belongs to one."""
    company = ForeignKeyField(Company, backref="plants", on_delete="RESTRICT")
    code = CharField(max_length=20, unique=True)
    name = CharField(max_length=200)
    timezone = CharField(max_length=64, default="Asia/Shanghai")
    # what its document numbers carry (SO-P1-2026-000010), so numbers are unique across the company;
    # empty: the plant's code
    doc_prefix = CharField(max_length=10, default="")
    active = BooleanField(default=True)

    class Meta:
        table_name = "core_plant"

    @property
    def number_prefix(self) -> str:
        return self.doc_prefix or self.code

    def __str__(self):
        return f"{self.code} {self.name}"


class PlantAddon(BaseModel):
    """An addon enabled for a plant. A row's absence means disabled; tables and data stay either way."""
    plant = ForeignKeyField(Plant, backref="addon_rows", on_delete="CASCADE")
    addon = CharField(max_length=64)

    class Meta:
        table_name = "core_plant_addon"
        indexes = ((("plant", "addon"), True),)
