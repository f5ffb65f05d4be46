"""How the CRM hears of the addons it builds on: a firm order may lift its referring channel's grade."""
from core.hooks import hookimpl


@hookimpl
def state_changed(record, old, new, comment):
    from addons.sales_order.models.order import FIRM, Order
    if isinstance(record, Order) and new in FIRM and old not in FIRM:
        from addons.crm.grading import deal_closed
        deal_closed(record)


@hookimpl
def work_waiting(user, plant_id):
    from addons.crm.work import work_for
    return work_for(user, plant_id)
