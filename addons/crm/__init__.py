from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.crm import (api, churn, demo, excel, followup_views, hooks, lead_views, money_views, plan_views,
                            pool_views, stats_views, views)
    from addons.crm.models.claim import PoolClaim
    from addons.crm.models.commission import CommissionApplication, CommissionRule
    from addons.crm.models.commission_payment import CommissionPayment
    from addons.crm.models.event import CustomerEvent
    from addons.crm.models.expense import Reimbursement
    from addons.crm.models.followup import FollowUp
    from addons.crm.models.interaction import Evaluation, Interaction
    from addons.crm.models.lead import Lead
    from addons.crm.models.plan import WorkPlan
    from addons.crm.models.settings import CrmSettings
    reg.models(CustomerEvent, PoolClaim, FollowUp, WorkPlan, CommissionRule, CommissionApplication, CommissionPayment,
               Reimbursement, Lead, Interaction, Evaluation, CrmSettings)
    reg.hooks(hooks)
    reg.demo(demo.load)
    reg.job("crm.churn", churn.run, "cron", hour=1, minute=30)
    for name, label, roles in [
            ("crm.all_customers", _l("See every salesperson's customers in the CRM"), ["manager", "leader", "admin"]),
            ("crm.claim", _l("Claim customers from the public pool"), ["sales", "manager", "admin"]),
            ("crm.pool_approve", _l("Approve claims on the public pool"), ["manager", "admin"]),
            ("crm.transfer", _l("Transfer customers between salespeople"), ["manager", "admin"]),
            ("crm.grade", _l("Change a customer's grade"), ["manager", "admin"]),
            ("crm.churn", _l("See and run the churn rules"), ["manager", "admin"]),
            ("crm.commission_approve", _l("Approve commissions"), ["manager", "admin"]),
            ("crm.commission_pay", _l("Pay commissions"), ["finance", "admin"]),
            ("crm.expense_approve", _l("Approve expense reimbursements"), ["manager", "admin"]),
            ("crm.statistics", _l("See CRM statistics"), ["manager", "leader", "admin"]),
            ("crm.settings", _l("Set the CRM rules of a plant"), ["manager", "admin"])]:
        reg.permission(name, label, roles=roles)
    reg.section("crm", _l("Customers & follow-ups"), 25)
    reg.blueprint(views.bp, url_prefix="/crm")
    reg.routes(views.bp, pool_views, followup_views, plan_views, money_views, lead_views, stats_views)
    reg.importer(excel.LEADS)
    for resource in api.RESOURCES:
        reg.resource(resource)
    reg.menu("crm", _l("My day"), "crm.home", "crm.follow_up.read", 5)
    reg.menu("crm", _l("Channel customers"), "crm.channel_list", "crm.follow_up.read", 10)
    reg.menu("crm", _l("End customers"), "crm.end_list", "crm.follow_up.read", 11)
    reg.menu("crm", _l("Public pool"), "crm.pool", "crm.pool_claim.read", 15)
    reg.menu("crm", _l("Follow-ups"), "crm.follow_up_list", "crm.follow_up.read", 20)
    reg.menu("crm", _l("Work plans"), "crm.plans", "crm.work_plan.read", 25)
    reg.menu("crm", _l("Leads"), "crm.lead_list", "crm.lead.read", 30)
    reg.menu("crm", _l("Commissions"), "crm.commission_list", "crm.commission_application.read", 40)
    reg.menu("crm", _l("Commission rules"), "crm.commission_rule_list", "crm.commission_rule.read", 41)
    reg.menu("crm", _l("Expense reimbursements"), "crm.reimbursement_list", "crm.reimbursement.read", 45)
    reg.menu("crm", _l("Lost customers"), "crm.lost", "crm.customer_event.read", 50)
    reg.menu("crm", _l("CRM statistics"), "crm.statistics", "crm.statistics", 55)
    reg.menu("crm", _l("CRM rules"), "crm.settings", "crm.settings", 60)
