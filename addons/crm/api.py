"""The CRM over /api/v1, read: follow-ups, interactions, evaluations, work plans, leads, commission rules and the
trace of customers; claims, commissions, reimbursements, plans and leads also moved through their reviews
(POST …/<id>/<move>). A salesperson reads only what concerns their own customers."""
from addons.crm import access
from addons.crm.models.claim import PoolClaim
from addons.crm.models.commission import CommissionApplication, CommissionRule
from addons.crm.models.event import CustomerEvent
from addons.crm.models.expense import Reimbursement
from addons.crm.models.followup import FollowUp
from addons.crm.models.interaction import Evaluation, Interaction
from addons.crm.models.lead import Lead
from addons.crm.models.plan import WorkPlan
from addons.master_data.models.customer import Customer
from core.api import Resource
from core.security import current_user_or_none


def _by_customer(model):
    def scope(query):
        if access.sees_all():
            return query
        mine = Customer.select(Customer.id).where(Customer.salesperson == current_user_or_none().id)
        return query.where(model.customer.in_(mine))
    return scope


def _by_salesperson(model):
    def scope(query):
        return query if access.sees_all() else query.where(model.salesperson == current_user_or_none().id)
    return scope


def _events(query):
    if access.sees_all():
        return query
    me = current_user_or_none().id
    return query.where((CustomerEvent.from_user == me) | (CustomerEvent.to_user == me))


RESOURCES = (
    Resource("follow_ups", FollowUp, "crm.follow_up", search=(FollowUp.content,), scope=_by_customer(FollowUp)),
    Resource("interactions", Interaction, "crm.interaction", search=(Interaction.content,),
             scope=_by_customer(Interaction)),
    Resource("evaluations", Evaluation, "crm.evaluation", scope=_by_customer(Evaluation)),
    Resource("work_plans", WorkPlan, "crm.work_plan", search=(WorkPlan.title,), scope=_by_salesperson(WorkPlan)),
    Resource("leads", Lead, "crm.lead", search=(Lead.name, Lead.phone)),
    Resource("pool_claims", PoolClaim, "crm.pool_claim"),
    Resource("commission_rules", CommissionRule, "crm.commission_rule"),
    Resource("commission_applications", CommissionApplication, "crm.commission_application",
             search=(CommissionApplication.number,), scope=_by_salesperson(CommissionApplication)),
    Resource("reimbursements", Reimbursement, "crm.reimbursement", search=(Reimbursement.number,),
             scope=_by_salesperson(Reimbursement)),
    Resource("customer_events", CustomerEvent, "crm.customer_event", scope=_events),
)
