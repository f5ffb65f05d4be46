"""A plant's stock rules, read once per request or job."""
from addons.stock.models.settings import StockSettings
from core.cache import cached


def settings_of(plant_id) -> StockSettings:
    return cached(("stock.settings", plant_id), lambda: StockSettings.get_or_none(
        StockSettings.plant == plant_id) or StockSettings(plant=plant_id))
