from peewee import CharField, DateTimeField, IntegerField, TextField

from core import clock
from core.db import BaseModel


class Submission(BaseModel):
    """A form or an API create already received (core.once): its key is unique, so the same one sent twice
    is seen twice but acted on once. An API create keeps its answer, to give it again."""
    key = CharField(max_length=200, unique=True)
    status = IntegerField(null=True)          # the answer given (API), once there is one
    body = TextField(null=True)
    at = DateTimeField(default=clock.utcnow, index=True)

    class Meta:
        table_name = "core_submission"
