
from peewee import CharField, DateTimeField

from core import clock
from core.db import BaseModel


class InstalledAddon(BaseModel):
    name = CharField(max_length=64, unique=True)
    version = CharField(max_length=32)
    installed_at = DateTimeField(default=clock.utcnow)
    updated_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "core_installed_addon"


class KnownPermission(BaseModel):
    """A permission this database has heard of. An upgrade grants a permission's default roles only when
    it is new here, so an administrator's later changes to a role are never undone."""
    name = CharField(max_length=120, unique=True)
    seen_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "core_known_permission"
