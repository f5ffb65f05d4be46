"""The menu a user sees: sections and entries of the addons enabled in their plant that they may open."""
from __future__ import annotations

from flask import url_for

from core.plants import enabled_addons
from core.security import may


def menu_for(registry, user, plant) -> list[dict]:
    if user is None or plant is None:
        return []
    enabled = enabled_addons(plant.id) | {"core"}
    sections: dict[str, list] = {}
    for item in sorted(registry.menus, key=lambda m: m.sequence):
        if item.addon in enabled and may(user, item.permission, plant.id):
            sections.setdefault(item.section, []).append({"label": item.label, "url": url_for(item.endpoint)})
    ordered = sorted(sections, key=lambda code: registry.sections[code].sequence if code in registry.sections else 999)
    return [{"code": code, "label": registry.sections[code].label if code in registry.sections else code,
             "items": sections[code]} for code in ordered]
