
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
    # the scheduled time this run is for (UTC): unique per job and plant, so two schedulers never run one
    # slot twice; none for a run asked for by hand
    slot = DateTimeField(null=True)
    slot_key = CharField(max_length=200, null=True, unique=True)   # job|plant|slot: NULL plants compare equal here
    started_at = DateTimeField(default=clock.utcnow)
    duration_s = FloatField(null=True)
    ok = BooleanField(default=False)
    result = TextField(null=True)          # a message id when result_params is set (see core.jobs.Outcome)
    result_params = TextField(null=True)
    error = TextField(null=True)

    class Meta:
        table_name = "core_job_run"
