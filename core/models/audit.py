
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from core import clock
from core.db import BaseModel
from core.models.plant import Plant
from core.models.user import User


class AuditLog(BaseModel):
    """Who did what, when, from where. Written in the same transaction as the change; never edited."""
    at = DateTimeField(default=clock.utcnow)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    plant = ForeignKeyField(Plant, null=True, on_delete="SET NULL")
    remote_addr = CharField(max_length=64, null=True)
    action = CharField(max_length=40)           # "transition", "create", "write", "delete", "login", ...
    model = CharField(max_length=80)
    record_id = IntegerField(null=True)
    old = TextField(null=True)                  # JSON
    new = TextField(null=True)                  # JSON
    comment = TextField(null=True)

    class Meta:
        table_name = "core_audit_log"
        # Every transaction writes audit rows, and each index is one more page written per row. A record's
        # history is read by (model, record_id) in id order, the list newest id first: one index serves both
        # lookups, where one on each column and one on `at` (read by nothing) cost three pages a row.
        indexes = ((("model", "record_id"), False),)
