"""What marks the sales summary stale: firm orders moving in or out of the firm states, firm orders
edited or cut, notes shipped, and statistics being switched on again for a plant (it heard nothing while off)."""
from addons.sales_order.models.order import FIRM, Order
from addons.statistics import summary
from core.hooks import hookimpl


@hookimpl
def state_changed(record, old, new, comment):
    if isinstance(record, Order) and (old in FIRM) != (new in FIRM):
        summary.mark(record.plant_id, [record.delivery_date])


@hookimpl
def demand_forecast(plant_id, first, last):
    from addons.statistics.forecast import daily_suggestion
    from core.models import Plant
    return daily_suggestion(Plant.get_by_id(plant_id), first, last)


@hookimpl
def firm_orders_changed(plant_id, days):
    summary.mark(plant_id, days)


@hookimpl
def addons_enabled(plant_id, names):
    if "statistics" in names:
        summary.forget(plant_id)


@hookimpl
def delivery_shipped(note):
    """A shipment changes the shipped basis of its ship date."""
    summary.mark(note.plant_id, [note.shipped_on])
