
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from core import clock
from core.db import BaseModel
from core.models.plant import Plant
from core.models.user import User


class ImportJob(BaseModel):
    """One uploaded workbook going through check (dry run) and, if clean, import."""
    user = ForeignKeyField(User, on_delete="CASCADE")
    plant = ForeignKeyField(Plant, on_delete="CASCADE")
    spec = CharField(max_length=40)
    filename = CharField(max_length=255)
    path = CharField(max_length=500)
    state = CharField(max_length=12, default="checking")   # checking, checked, importing, done, failed
    total = IntegerField(default=0)
    created = IntegerField(default=0)
    updated = IntegerField(default=0)
    ok = BooleanField(default=False)
    problems = TextField(default="[]")                     # JSON: the first problems, for the page
    problem_count = IntegerField(default=0)
    error = TextField(default="")
    created_at = DateTimeField(default=clock.utcnow)
    beat_at = DateTimeField(null=True)        # renewed while a worker checks or imports it: alive
    runner = CharField(max_length=120, default="")

    class Meta:
        table_name = "core_import_job"
