"""The menu a user sees: sections and entries of the addons enabled in their plant that they may open."""
from __future__ import annotations

from flask import current_app, request, url_for

from core.plants import enabled_addons
from core.security import may, permissions_of, plant_ids_of


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


MENU_CACHE_SIZE = 512


def menu_markup(registry, user, plant):
    """The navigation bar's menu as HTML, rendered once for each combination of what decides it: the plant and
    its addons, the user's permissions (or superuser), the language and the mount point. Every page shows it,
    and rendering its fifty-odd translated entries was a good part of an ordinary page's time. The key holds
    all its inputs, so a changed role or addon is a new key, never a stale menu. Returns (markup, empty)."""
    from flask_babel import get_locale
    from markupsafe import Markup
    if user is None or plant is None:
        return Markup(""), True
    member = plant.id in plant_ids_of(user)
    key = (plant.id, member, user.is_superuser, permissions_of(user), frozenset(enabled_addons(plant.id)),
           str(get_locale()), request.script_root)
    cache = current_app.extensions.setdefault("erp_menu_markup", {})
    found = cache.get(key)
    if found is None:
        sections = menu_for(registry, user, plant)
        found = (Markup(current_app.jinja_env.get_template("core/_menu.html").render(erp_menu=sections)),
                 not sections)
        if len(cache) >= MENU_CACHE_SIZE:
            cache.clear()
        cache[key] = found
    return found
