"""How purchasing answers the hooks of the addons it builds on."""
from core.hooks import hookimpl


@hookimpl
def production_costs(plant_id, items, day):
    from addons.purchase import slaughter_cost
    return slaughter_cost.spread(plant_id, items, day)
