"""What stock adds to other addons' pages (the live board), where they ask for it."""
from flask_babel import lazy_gettext as _l

from addons.stock.lows import below_minimum
from core.hooks import hookimpl


@hookimpl
def board_figures(plant_id):
    return [("low_stock", _l("Products below their minimum"), str(len(below_minimum(plant_id))))]


@hookimpl
def work_waiting(user, plant_id):
    from flask_babel import gettext as _

    from core.security import may
    from core.work import Work
    if not may(user, "stock.level.read", plant_id):
        return []
    return [Work(_("Products below their minimum"), len(below_minimum(plant_id)), "/stock/low", 50, "danger")]
