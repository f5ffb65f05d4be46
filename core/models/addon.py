import datetime

from peewee import CharField, DateTimeField

from core.db import BaseModel


class InstalledAddon(BaseModel):
    name = CharField(max_length=64, unique=True)
    version = CharField(max_length=32)
    installed_at = DateTimeField(default=datetime.datetime.utcnow)
    updated_at = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        table_name = "core_installed_addon"
