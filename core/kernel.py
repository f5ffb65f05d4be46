"""Load the addons into a Registry, and the Kernel object an app carries."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from flask import current_app

from core.addons import ADDONS_DIR, AddonError, discover, order
from core.plain_i18n import gettext as _
from core.hooks import Hooks, make_manager
from core.registry import Registry


def load_registry(addons_dir: str = ADDONS_DIR, package: str = "addons", entry_points: bool = True) -> Registry:
    specs = discover(addons_dir, package, entry_points)
    registry = Registry(specs=specs, order=order(specs))
    from core.registration import register_core
    register_core(registry.for_addon("core"))
    for name in registry.order:
        module = importlib.import_module(specs[name].module)
        register = getattr(module, "register", None)
        if not callable(register):
            raise AddonError(_("Addon %(name)s: its __init__ has no register(reg) function.", name=repr(name)))
        register(registry.for_addon(name))
    return registry


@dataclass
class Kernel:
    registry: Registry
    hooks: Hooks
    database: object


def build_kernel(registry: Registry, database) -> Kernel:
    return Kernel(registry, Hooks(make_manager(registry), registry), database)


def current_kernel() -> Kernel:
    return current_app.extensions["erp"]
