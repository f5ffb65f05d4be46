"""Schema migrations per addon (each with its own history table), applied in dependency order, and
the data an addon brings on first install (roles, default grants, security/access.csv).

Migration files are frozen copies of the models at the time (peewee's `playhouse.migrations`), so an
old migration keeps working after the models change. `python run.py makemigrations ADDON` writes the
next one from the difference between the migrated schema and the current models.
"""
from __future__ import annotations

import csv
import os
import re

from peewee import ForeignKeyField

from playhouse.migrations import Runner, template
from playhouse.schema_diff import diff_models

from core import clock, covering, text_index
from core.db import transaction

CORE_DIR = os.path.dirname(os.path.abspath(__file__))
ACCESS_OPS = ("read", "write", "create", "delete")


def migrations_dir(registry, addon: str) -> str:
    base = CORE_DIR if addon == "core" else registry.specs[addon].path
    return os.path.join(base, "migrations")


def runner(registry, database, addon: str) -> Runner:
    return Runner(database, directory=migrations_dir(registry, addon), table_name=f"{addon}_migration")


def migrate(registry, database) -> dict[str, list[str]]:
    """Apply pending migrations addon by addon; record versions; load first-install data."""
    from core.models import InstalledAddon
    applied = {}
    for addon in registry.all_addons:
        if os.path.isdir(migrations_dir(registry, addon)):
            applied[addon] = runner(registry, database, addon).up()
        version = "1.0.0" if addon == "core" else registry.specs[addon].version
        with transaction():
            row = InstalledAddon.get_or_none(InstalledAddon.name == addon)
            if row is None:
                InstalledAddon.create(name=addon, version=version)
                install_data(registry, addon)
            elif row.version != version:
                row.version, row.updated_at = version, clock.utcnow()
                row.save()
    with transaction():
        grant_new_permissions(registry)
    return applied


def pending(registry, database) -> dict[str, list[str]]:
    out = {}
    for addon in registry.all_addons:
        if os.path.isdir(migrations_dir(registry, addon)):
            todo = [m.name for m in runner(registry, database, addon).status() if not m.applied]
            if todo:
                out[addon] = todo
    return out


def read_access_csv(registry, addon: str) -> list[dict]:
    if addon == "core":
        return []
    spec = registry.specs[addon]
    rows = []
    for rel in spec.manifest.get("data", []):
        if os.path.basename(rel) == "access.csv":
            with open(os.path.join(spec.path, rel), encoding="utf-8", newline="") as fh:
                rows.extend(csv.DictReader(fh))
    return rows


def access_permissions(row: dict) -> list[str]:
    return [f"{row['model']}.{op}" for op in ACCESS_OPS if str(row.get(op, "0")).strip() == "1"]


def default_grants(registry, addon: str) -> list[tuple[str, str]]:
    """(role code, permission) pairs an addon grants by default: its permissions' roles and access.csv."""
    grants = [(role, p.name) for p in registry.permissions.values() if p.addon == addon for role in p.roles]
    grants += [(row["group"], perm) for row in read_access_csv(registry, addon) for perm in access_permissions(row)]
    return grants


def _grant(grants) -> None:
    from core.models import Role, RolePermission
    for role_code, permission in grants:
        role, _ = Role.get_or_create(code=role_code, defaults={"name": role_code})
        RolePermission.insert(role=role, permission=permission).on_conflict_ignore().execute()


def install_data(registry, addon: str) -> None:
    """Standard roles and the addon's default grants. Runs once, when the addon is first installed."""
    from core.models import Role
    if addon == "core":
        for code, label in registry.roles.items():
            Role.get_or_create(code=code, defaults={"name": str(label)})
    _grant(default_grants(registry, addon))


def grant_new_permissions(registry) -> list[str]:
    """Grant the default roles of permissions an upgrade brought (new to this database), then remember
    every permission as known; returns the new ones. A permission already known is left as the
    administrator set it. A database from before this record began takes what its roles hold as known."""
    from core.models import KnownPermission, RolePermission
    known = {name for (name,) in KnownPermission.select(KnownPermission.name).tuples()}
    if not known:
        known = {name for (name,) in RolePermission.select(RolePermission.permission).distinct().tuples()}
    grants = [g for addon in registry.all_addons for g in default_grants(registry, addon)]
    new = {perm for _role, perm in grants if perm not in known}
    _grant([(role, perm) for role, perm in grants if perm in new])
    everything = {perm for _role, perm in grants} | set(registry.permissions)
    KnownPermission.insert_many([{"name": name} for name in sorted(everything)]).on_conflict_ignore().execute()
    return sorted(new)


def make_migration(registry, database, addon: str, name: str = "auto") -> str | None:
    """Write the next migration file for `addon` from the models' difference with the migrated schema."""
    run = runner(registry, database, addon)
    run.up()
    diff = schema_diff(database, registry.models.get(addon, []))
    if not diff:
        return None
    directory = migrations_dir(registry, addon)
    os.makedirs(directory, exist_ok=True)
    number = len([f for f in os.listdir(directory) if f[:4].isdigit()]) + 1
    path = os.path.join(directory, f"{number:04d}_{name}.py")
    with open(path, "w", encoding="utf-8") as fh:
        models = registry.models.get(addon, [])
        fh.write(f'"""{addon}: {name}."""\n' + _decimal_places(_unindexed_keys(template(diff), models), models))
    return path


def schema_diff(database, models):
    """What the database's tables lack or hold beyond the models. The trigram and covering indexes are not
    counted: they are made by core/text_index.py (from a model's `text_search`) and core/covering.py, not
    declared as indexes."""
    diff = diff_models(database, models)
    return diff._replace(drop_indexes=[i for i in diff.drop_indexes
                                       if not (i.name and (text_index.is_ours(i.name) or covering.is_ours(i.name)))])


def _decimal_places(source: str, models) -> str:
    """The generator knows FixedDecimalField only as an integer column and drops `places`; without it an
    added column's default is scaled by the default two places (0.01 kg stored as 1, read back as 0.000001)."""
    from core.fields import FixedDecimalField
    by_table = {(m._meta.table_name, f.column_name): f.places for m in models for f in m._meta.fields.values()
                if isinstance(f, FixedDecimalField)}
    by_class = {(m.__name__, f.name): f.places for m in models for f in m._meta.fields.values()
                if isinstance(f, FixedDecimalField)}
    out, current = [], None
    for line in source.splitlines(keepends=True):
        found = re.match(r"\s+class (\w+)\(Model\):", line)
        current = found.group(1) if found else current
        added = re.search(r"add_column\('(\w+)', '(\w+)', FixedDecimalField\(", line)
        field = re.match(r"\s+(\w+) = FixedDecimalField\(", line)
        places = (by_table.get(added.groups()) if added else by_class.get((current, field.group(1))) if field else None)
        if places is not None and places != 2:
            line = line.replace("FixedDecimalField(", f"FixedDecimalField(places={places}, ", 1).replace(", )", ")")
        out.append(line)
    return "".join(out)


def _unindexed_keys(source: str, models) -> str:
    """peewee's generator assumes every foreign key is indexed; write `index=False` where a model says so
    (a composite index starting with the column usually makes the single one redundant)."""
    wanted = {(m.__name__, f.name) for m in models for f in m._meta.fields.values()
              if isinstance(f, ForeignKeyField) and not f.index and not f.unique}
    out, current = [], None
    for line in source.splitlines(keepends=True):
        found = re.match(r"\s+class (\w+)\(Model\):", line)
        current = found.group(1) if found else current
        field = re.match(r"(\s+)(\w+) = ForeignKeyField\((.*)\)\n$", line)
        if field and (current, field.group(2)) in wanted:
            line = f"{field.group(1)}{field.group(2)} = ForeignKeyField({field.group(3)}, index=False)\n"
        out.append(line)
    return "".join(out)
