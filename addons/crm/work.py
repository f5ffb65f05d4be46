"""The CRM's work on the home page: follow-ups due and overdue, claims and applications to approve."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.crm.models.claim import PoolClaim
from addons.crm.models.commission import CommissionApplication
from addons.crm.models.expense import Reimbursement
from addons.crm.reminders import reminders
from addons.crm.settings import settings_of
from core.clock import plant_today
from core.security import may
from core.work import Work, in_state


def work_for(user, plant_id) -> list[Work]:
    out = []
    if may(user, "crm.follow_up.read", plant_id):
        due, overdue = reminders(plant_id, plant_today(plant_id), settings_of(plant_id).remind_days, user.id)
        out.append(Work(_("Follow-ups due"), len(due), "/crm/", 30))
        out.append(Work(_("Follow-ups overdue"), len(overdue), "/crm/", 31, "danger"))
    if may(user, "crm.pool_approve", plant_id):
        n = in_state(PoolClaim, plant_id)
        out.append(Work(_("Pool claims to approve"), n, "/crm/pool", 32, "warning"))
    if may(user, "crm.commission_approve", plant_id):
        n = in_state(CommissionApplication, plant_id)
        out.append(Work(_("Commissions to approve"), n, "/crm/commissions?state=submitted", 33, "warning"))
    if may(user, "crm.expense_approve", plant_id):
        n = in_state(Reimbursement, plant_id)
        out.append(Work(_("Expenses to approve"), n, "/crm/reimbursements?state=submitted", 34, "warning"))
    return out
