"""A plant's CRM rules, read with their defaults when the plant never saved any."""
from addons.crm.models.settings import CrmSettings


def settings_of(plant_id) -> CrmSettings:
    found = CrmSettings.get_or_none(CrmSettings.plant == plant_id)
    return found if found is not None else CrmSettings(plant=plant_id)


def upgrade_steps(settings) -> list[tuple[str, int]]:
    """(grade, referred end customers with a deal needed), best grade first; a step set to 0 is off."""
    steps = [("A", settings.upgrade_a), ("B", settings.upgrade_b), ("C", settings.upgrade_c), ("D", settings.upgrade_d)]
    return [(g, n) for g, n in steps if n and n > 0]
