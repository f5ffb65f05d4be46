"""Find addons, read their manifests without importing them, and order them by dependency.

A bad addon stops the start with a message naming it: an ERP that silently skips a module (as Odoo
does) runs with half its rules missing and nobody notices.
"""
from __future__ import annotations

import ast
import graphlib
import importlib.metadata
import importlib.util
import os
import re
from dataclasses import dataclass, field

from core.plain_i18n import gettext as _

ADDONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "addons")
ENTRY_POINT_GROUP = "erp.addons"
REQUIRED_KEYS = {"name": str, "version": str, "depends": list, "summary": str}
OPTIONAL_KEYS = {"data": list, "category": str, "license": str, "author": str, "demo": list,
                 "application": bool}
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")


class AddonError(Exception):
    """A problem with an addon's declaration that must stop the start."""


@dataclass
class AddonSpec:
    name: str              # technical name: the package's last component
    path: str              # folder holding __manifest__.py
    module: str            # importable module name
    manifest: dict = field(default_factory=dict)
    source: str = "folder"  # "folder" or "entry point"

    @property
    def depends(self) -> list[str]:
        return list(self.manifest.get("depends", []))

    @property
    def version(self) -> str:
        return self.manifest.get("version", "0.0.0")


def read_manifest(name: str, path: str) -> dict:
    manifest_path = os.path.join(path, "__manifest__.py")
    try:
        with open(manifest_path, encoding="utf-8") as fh:
            manifest = ast.literal_eval(fh.read())
    except FileNotFoundError:
        raise AddonError(_("Addon %(name)s: there is no __manifest__.py in %(path)s.", name=repr(name), path=path)) from None
    except (ValueError, SyntaxError) as exc:
        raise AddonError(_("Addon %(name)s: __manifest__.py is not a plain dict literal (%(error)s).",
                           name=repr(name), error=exc)) from None
    validate_manifest(name, manifest)
    return manifest


def validate_manifest(name: str, manifest) -> None:
    if not isinstance(manifest, dict):
        raise AddonError(_("Addon %(name)s: __manifest__.py must hold a dict.", name=repr(name)))
    if not NAME_RE.match(name):
        raise AddonError(_("Addon %(name)s: a technical name is lower-case letters, digits and _.", name=repr(name)))
    for key, kind in REQUIRED_KEYS.items():
        if key not in manifest:
            raise AddonError(_("Addon %(name)s: the manifest lacks the required key %(key)s.", name=repr(name), key=repr(key)))
        if not isinstance(manifest[key], kind):
            raise AddonError(_("Addon %(name)s: the manifest key %(key)s must be a %(kind)s.",
                               name=repr(name), key=repr(key), kind=kind.__name__))
    for key, value in manifest.items():
        kind = REQUIRED_KEYS.get(key) or OPTIONAL_KEYS.get(key)
        if kind is None:
            raise AddonError(_("Addon %(name)s: unknown manifest key %(key)s.", name=repr(name), key=repr(key)))
        if not isinstance(value, kind):
            raise AddonError(_("Addon %(name)s: the manifest key %(key)s must be a %(kind)s.",
                               name=repr(name), key=repr(key), kind=kind.__name__))
    if not VERSION_RE.match(manifest["version"]):
        raise AddonError(_("Addon %(name)s: version %(version)s is not MAJOR.MINOR.PATCH.",
                           name=repr(name), version=repr(manifest["version"])))
    if not all(isinstance(d, str) for d in manifest["depends"]):
        raise AddonError(_("Addon %(name)s: 'depends' must list addon names.", name=repr(name)))
    if name in manifest["depends"]:
        raise AddonError(_("Addon %(name)s depends on itself.", name=repr(name)))


def discover(addons_dir: str = ADDONS_DIR, package: str = "addons",
             entry_points: bool = True) -> dict[str, AddonSpec]:
    """Every addon folder under `addons_dir`, then every installed package in the entry-point group."""
    found: dict[str, AddonSpec] = {}
    if os.path.isdir(addons_dir):
        for entry in sorted(os.listdir(addons_dir)):
            path = os.path.join(addons_dir, entry)
            if os.path.isfile(os.path.join(path, "__manifest__.py")):
                found[entry] = AddonSpec(entry, path, f"{package}.{entry}", read_manifest(entry, path))
    if entry_points:
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            spec = importlib.util.find_spec(ep.value)
            if spec is None or not spec.submodule_search_locations:
                raise AddonError(_("Addon %(name)s: its entry point names %(target)s, which is not a package.",
                                   name=repr(ep.name), target=repr(ep.value)))
            path = list(spec.submodule_search_locations)[0]
            if ep.name in found:
                raise AddonError(_("Addon %(name)s is installed twice (%(first)s and %(second)s).",
                                   name=repr(ep.name), first=found[ep.name].path, second=path))
            found[ep.name] = AddonSpec(ep.name, path, ep.value, read_manifest(ep.name, path), "entry point")
    return found


def order(specs: dict[str, AddonSpec]) -> list[str]:
    """Dependency order; a missing dependency or a cycle raises naming the addons involved."""
    for spec in specs.values():
        missing = [d for d in spec.depends if d not in specs]
        if missing:
            raise AddonError(_("Addon %(name)s depends on unknown addon(s): %(missing)s.",
                               name=repr(spec.name), missing=", ".join(missing)))
    sorter = graphlib.TopologicalSorter({name: spec.depends for name, spec in sorted(specs.items())})
    try:
        return list(sorter.static_order())
    except graphlib.CycleError as exc:
        cycle = exc.args[1]
        raise AddonError(_("Addons depend on each other in a cycle: %(cycle)s.", cycle=" -> ".join(cycle))) from None


def closure(specs: dict[str, AddonSpec], name: str) -> set[str]:
    """`name` and everything it needs, directly or not."""
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(specs[current].depends)
    return seen


def dependents(specs: dict[str, AddonSpec], name: str) -> set[str]:
    """Every addon that needs `name`, directly or not."""
    return {other for other in specs if other != name and name in closure(specs, other)}
