from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, ForeignKeyField, TextField

from core.db import BaseModel
from core.models import Plant, User
from core.workflow import transition


class WorkPlan(BaseModel):
    """One item of a salesperson's weekly work plan (工作计划); `week` is the Monday of its week."""
    STATES = {"open": _l("Planned"), "done": _l("Done")}
    TRANSITIONS = {("open", "done"), ("done", "open")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    salesperson = ForeignKeyField(User, on_delete="CASCADE", backref="+")
    week = DateField()
    title = CharField(max_length=200)
    content = TextField(default="")
    state = CharField(max_length=8, default="open")
    done_on = DateField(null=True)

    class Meta:
        table_name = "crm_work_plan"
        indexes = ((("plant", "week", "salesperson"), False),)

    def __str__(self):
        return self.title

    @transition("done", permission="crm.work_plan.write", label=_l("Mark done"), sources=["open"], style="success",
                when=lambda p: _may_touch(p))
    def finish(self):
        from core.clock import plant_today
        _check_owner(self)
        self.done_on = plant_today(self.plant)

    @transition("open", permission="crm.work_plan.write", label=_l("Open again"), sources=["done"],
                style="secondary", when=lambda p: _may_touch(p))
    def reopen(self):
        _check_owner(self)
        self.done_on = None


def _may_touch(plan) -> bool:
    from addons.crm.access import sees_all
    from core import context
    user = context.current().user
    return user is None or user.id == plan.salesperson_id or sees_all(plan.plant_id)


def _check_owner(plan):
    from flask_babel import gettext as _

    from core.errors import PermissionDenied
    if not _may_touch(plan):
        raise PermissionDenied(_("This is another salesperson's plan."))
