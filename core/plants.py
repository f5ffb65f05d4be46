"""Which addons each plant runs. Enabling pulls in dependencies; disabling a needed one is refused."""
from __future__ import annotations

from flask import current_app, g, has_app_context
from flask_babel import gettext as _

from core import audit
from core.addons import closure, dependents
from core.db import run_composed, transaction
from core.errors import NotFound, UserError
from core.models import Plant, PlantAddon


def enabled_addons(plant_id) -> frozenset:
    """Names of the addons enabled for a plant, cached for the current request or app context."""
    cache = g.setdefault("_erp_enabled", {}) if has_app_context() else {}
    if plant_id not in cache:
        rows = run_composed("core.enabled_addons", lambda p: PlantAddon.select(PlantAddon.addon).where(
            PlantAddon.plant == p), plant_id).fetchall()
        cache[plant_id] = frozenset(name for (name,) in rows)
    return cache[plant_id]


def forget_cache():
    if has_app_context():
        g.pop("_erp_enabled", None)


def plant_by_code(code: str) -> Plant:
    plant = Plant.get_or_none(Plant.code == code)
    if plant is None:
        raise NotFound(_("There is no plant with code %(code)s.", code=code))
    return plant


def _check_known(registry, name):
    if name not in registry.specs:
        raise NotFound(_("There is no addon named %(name)s.", name=name))


def enable(registry, plant: Plant, name: str) -> list[str]:
    """Enable `name` and whatever it needs; returns the addons newly enabled, dependencies first."""
    _check_known(registry, name)
    with transaction():
        current = {a for (a,) in PlantAddon.select(PlantAddon.addon).where(PlantAddon.plant == plant).tuples()}
        wanted = closure(registry.specs, name)
        added = [a for a in registry.order if a in wanted and a not in current]
        for addon in added:
            PlantAddon.create(plant=plant, addon=addon)
        if added:
            audit.log("enable", "core.plant", plant.id, plant=plant, new={"addons": added})
            forget_cache()
            if has_app_context() and "erp" in current_app.extensions:
                current_app.extensions["erp"].hooks.call("addons_enabled", plant, plant_id=plant.id, names=added)
    forget_cache()
    return added


def disable(registry, plant: Plant, name: str) -> None:
    _check_known(registry, name)
    with transaction():
        current = {a for (a,) in PlantAddon.select(PlantAddon.addon).where(PlantAddon.plant == plant).tuples()}
        if name not in current:
            return
        needing = sorted(d for d in dependents(registry.specs, name) if d in current)
        if needing:
            raise UserError(_("%(addon)s cannot be disabled in plant %(plant)s: %(others)s need it. "
                              "Disable those first.", addon=name, plant=plant.code, others=", ".join(needing)))
        PlantAddon.delete().where((PlantAddon.plant == plant) & (PlantAddon.addon == name)).execute()
        audit.log("disable", "core.plant", plant.id, plant=plant, old={"addons": [name]})
    forget_cache()


def _facts(plant) -> dict:
    return {"code": plant.code, "name": plant.name, "timezone": plant.timezone, "doc_prefix": plant.doc_prefix,
            "active": plant.active}


def save_plant(plant, fill) -> Plant:
    """An administrator's new or changed plant: `fill(target)` puts the form's values on it. Audited."""
    from core.models import Company
    with transaction():
        before = _facts(plant) if plant else {}
        target = plant or Plant(company=Company.select().first())
        fill(target)
        if target.company_id is None:       # the first plant of a new company: the company takes its name
            target.company = Company.create(name=target.name)
        target.save()
        old, new = audit.changes(before, _facts(target))
        audit.log("create" if plant is None else "write", Plant._meta.table_name, target.id, plant=target, old=old,
                  new=new)
    return target
