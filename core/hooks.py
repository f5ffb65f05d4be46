"""pluggy hooks, called per plant: the implementations of addons a plant has not enabled are left out."""
from __future__ import annotations

import pluggy

from core.plants import enabled_addons

hookspec = pluggy.HookspecMarker("erp")
hookimpl = pluggy.HookimplMarker("erp")


class CoreSpecs:
    @hookspec
    def state_changed(self, record, old, new, comment):
        """A workflow move was written (inside the same transaction)."""

    @hookspec
    def work_waiting(self, user, plant_id):
        """[core.work.Work] waiting for `user` in the plant (orders to review, notes to load…): the home page."""

    @hookspec
    def extra_fields(self, plant_id, model):
        """[core.extras.ExtraField] the plant added to `model`'s records without code (the plant_fields addon)."""

    @hookspec
    def extra_values(self, plant_id, model, ids):
        """{record id: {extra field name: stored text}} of `model`'s records `ids`."""

    @hookspec
    def save_extra_values(self, plant_id, record, values):
        """Write `values` {extra field name: stored text, or None to clear} of `record`, in the caller's
        transaction."""

    @hookspec
    def addons_enabled(self, plant_id, names):
        """`names` were just enabled for a plant (inside the same transaction; their hooks are called)."""


def make_manager(registry) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("erp")
    pm.add_hookspecs(CoreSpecs)
    for module in registry.hookspecs:
        pm.add_hookspecs(module)
    for _addon, plugin in registry.hook_impls:
        pm.register(plugin)
    return pm


class Hooks:
    def __init__(self, pm: pluggy.PluginManager, registry):
        self.pm = pm
        self.registry = registry
        self._subsets: dict = {}
        self._disabled: dict = {}      # enabled addons -> the rest, per set seen

    def call(self, name: str, plant, **kwargs):
        """Call hook `name` for `plant` (a Plant, an id, or None for plant-less calls)."""
        plant_id = getattr(plant, "id", plant)
        disabled = frozenset()
        if plant_id is not None:
            enabled = enabled_addons(plant_id)
            disabled = self._disabled.get(enabled)
            if disabled is None:
                disabled = self._disabled[enabled] = frozenset(a for a in self.registry.order if a not in enabled)
        if not disabled:
            return getattr(self.pm.hook, name)(**kwargs)
        key = (name, disabled)
        if key not in self._subsets:
            remove = [plugin for addon, plugin in self.registry.hook_impls if addon in disabled]
            self._subsets[key] = self.pm.subset_hook_caller(name, remove_plugins=remove)
        return self._subsets[key](**kwargs)
