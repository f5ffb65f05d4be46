
from peewee import BooleanField, CharField, DateTimeField, FloatField, ForeignKeyField, TextField

from core import clock
from core.db import BaseModel
from core.models.plant import Plant


class JobLock(BaseModel):
    """One row per job id; a runner claims it with a conditional UPDATE before running the job."""
    job_id = CharField(max_length=120, primary_key=True)
    owner = CharField(max_length=120, null=True)
    claimed_at = DateTimeField(null=True)

    class Meta:
        table_name = "core_job_lock"


class JobRun(BaseModel):
    job_id = CharField(max_length=120, index=True)
    plant = ForeignKeyField(Plant, null=True, on_delete="CASCADE")
    started_at = DateTimeField(default=clock.utcnow)
    duration_s = FloatField(null=True)
    ok = BooleanField(default=False)
    result = TextField(null=True)          # a message id when result_params is set (see core.jobs.Outcome)
    result_params = TextField(null=True)
    error = TextField(null=True)

    class Meta:
        table_name = "core_job_run"
