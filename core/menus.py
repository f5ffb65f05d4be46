"""The menu a user sees: sections and entries of the addons enabled in their plant that they may open."""
from __future__ import annotations

from flask import current_app, request, url_for

from core.plants import enabled_addons
from core.security import may, permissions_of


def menu_for(registry, user, plant) -> list[dict]:
    if user is None or plant is None:
        return []
    enabled = enabled_addons(plant.id) | {"core"}
    sections: dict[str, list] = {}
    urls = _urls(registry)
    granted = permissions_of(user)
    for item in sorted(registry.menus, key=lambda m: m.sequence):
        section = registry.sections.get(item.section)
        if section is not None and section.outside and item.permission not in granted:
            continue
        if item.addon in enabled and may(user, item.permission, plant.id):
            sections.setdefault(item.section, []).append({"label": item.label, "url": urls[item.endpoint]})
    ordered = sorted(sections, key=lambda code: registry.sections[code].sequence if code in registry.sections else 999)
    return [{"code": code, "label": registry.sections[code].label if code in registry.sections else code,
             "items": sections[code]} for code in ordered]


def _urls(registry) -> dict:
    """Each menu entry's address, built once per application (they take no arguments) for every page."""
    cache = current_app.extensions.setdefault("erp_menu_urls", {}).setdefault(request.script_root, {})
    if not cache:       # per mount point: behind a proxy the same app may answer under a prefix
        cache.update({item.endpoint: url_for(item.endpoint) for item in registry.menus})
    return cache
