
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, TextField

from core import clock
from core.db import BaseModel
from core.models.plant import Plant
from core.models.user import User


class Notification(BaseModel):
    """A message to one user. Subject and body are English source strings with parameters,
    translated when read, so each reader sees their own language."""
    user = ForeignKeyField(User, backref="notifications", on_delete="CASCADE")
    plant = ForeignKeyField(Plant, null=True, on_delete="CASCADE")
    subject = CharField(max_length=200)
    body = TextField(default="")
    params = TextField(default="{}")     # JSON
    link = CharField(max_length=300, default="")
    created_at = DateTimeField(default=clock.utcnow)
    read_at = DateTimeField(null=True)
    email = BooleanField(default=False)  # also send by e-mail (when SMTP is configured)
    emailed_at = DateTimeField(null=True)
    # a notice a job sends once per subject and day ("overdue:42:2026-12-05"): however often the job runs,
    # one row per user and key
    once_key = CharField(max_length=120, null=True)
    mailing = CharField(max_length=120, null=True)
    # a document to attach to the e-mail, as "<attachment name>:<record id>" (reg.attachment), made when it is sent
    attachment = CharField(max_length=120, null=True)       # the outbox run sending it now (claimed)

    class Meta:
        table_name = "core_notification"
        indexes = ((("user", "read_at"), False), (("email", "emailed_at"), False), (("user", "once_key"), True))
