"""A plant's stock rules, read once per request or job."""
from addons.stock.models.settings import StockSettings
from core.cache import cached
from core.db import instances, run_composed


def settings_of(plant_id) -> StockSettings:
    plant_id = getattr(plant_id, "id", plant_id)
    return cached(("stock.settings", plant_id), lambda: _read(plant_id) or StockSettings(plant=plant_id))


def _read(plant_id):
    found = instances(StockSettings, run_composed("stock.settings", lambda plant: StockSettings.select().where(
        StockSettings.plant == plant), plant_id))
    return found[0] if found else None
