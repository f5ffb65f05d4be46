
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from core import clock
from core.db import BaseModel
from core.models.plant import Plant
from core.models.user import User


class AuditLog(BaseModel):
    """Who did what, when, from where. Written in the same transaction as the change; never edited."""
    at = DateTimeField(default=clock.utcnow, index=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    plant = ForeignKeyField(Plant, null=True, on_delete="SET NULL")
    remote_addr = CharField(max_length=64, null=True)
    action = CharField(max_length=40)           # "transition", "create", "write", "delete", "login", ...
    model = CharField(max_length=80, index=True)
    record_id = IntegerField(null=True, index=True)
    old = TextField(null=True)                  # JSON
    new = TextField(null=True)                  # JSON
    comment = TextField(null=True)

    class Meta:
        table_name = "core_audit_log"
