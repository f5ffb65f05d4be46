"""Checks every addon gets for free (like Tryton's ModuleTestCase): each returns a list of problems.

tests/test_conformance.py runs them over every addon found; tests/test_conformance_catches.py shows
each one catching a broken addon.
"""
from __future__ import annotations

import ast
import os

from core.install import ACCESS_OPS, read_access_csv
from core.workflow import transitions_of


def known_permissions(registry) -> set[str]:
    names = set(registry.permissions)
    for model in registry.all_models():
        key = registry.model_key(model)
        names.update(f"{key}.{op}" for op in ACCESS_OPS)
    return names


def addon_problems(app, name: str) -> list[str]:
    registry = app.extensions["erp"].registry
    problems = []
    if name != "core":
        for dep in registry.specs[name].depends:
            if dep not in registry.specs:
                problems.append(f"{name}: depends on unknown addon {dep!r}")
    for model in registry.models.get(name, []):
        problems += _model_problems(registry, name, model)
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    permissions = known_permissions(registry)
    for menu in registry.menus:
        if menu.addon != name:
            continue
        if menu.endpoint not in endpoints:
            problems.append(f"{name}: menu {str(menu.label)!r} points at no endpoint ({menu.endpoint})")
        if menu.section not in registry.sections:
            problems.append(f"{name}: menu {str(menu.label)!r} is in unknown section {menu.section!r}")
        if menu.permission and menu.permission not in permissions:
            problems.append(f"{name}: menu {str(menu.label)!r} needs undeclared permission {menu.permission!r}")
    for row in read_access_csv(registry, name):
        if registry.model_by_key(row.get("model", "")) is None:
            problems.append(f"{name}: access.csv names unknown model {row.get('model')!r}")
        if row.get("group") not in registry.roles:
            problems.append(f"{name}: access.csv names unknown role {row.get('group')!r}")
    for spec_name, (owner, spec) in registry.importers.items():
        if owner == name:
            problems += _importer_problems(registry, name, spec, permissions)
    for res_name, (owner, resource) in registry.resources.items():
        if owner == name:
            if f"{resource.permission}.read" not in permissions:
                problems.append(f"{name}: API resource {res_name!r} names unknown model key {resource.permission!r}")
            if resource.model not in registry.all_models():
                problems.append(f"{name}: API resource {res_name!r} serves a model no addon registers")
    for permission in registry.permissions.values():
        if permission.addon == name:
            problems += [f"{name}: permission {permission.name} given to unknown role {role!r}"
                         for role in permission.roles if role not in registry.roles]
    folder = registry.specs[name].path if name != "core" else os.path.dirname(os.path.abspath(__file__))
    problems += state_writes(name, folder)
    problems += undeclared_screens(registry, name, folder)
    return problems


def undeclared_screens(registry, addon: str, folder: str) -> list[str]:
    """A module adding routes to a blueprint it does not define must be declared with `reg.routes`: else the
    only thing keeping its screens is an import a linter calls unused."""
    declared = {module for owner, _bp, module in registry.routes if owner == addon}
    package = "core" if addon == "core" else registry.specs[addon].module
    problems = []
    for path in _python_files(folder):
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        adds_routes = any(isinstance(node, ast.Attribute) and node.attr in ("route", "add_url_rule")
                          and isinstance(node.value, ast.Name) and node.value.id == "bp"
                          for fn in tree.body if isinstance(fn, ast.FunctionDef)
                          for deco in fn.decorator_list for node in ast.walk(deco))
        defines_bp = any(isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "bp"
                                                              for t in node.targets) for node in tree.body)
        inside = os.path.relpath(path, folder)[:-3].replace(os.sep, ".").removesuffix("__init__").rstrip(".")
        module = f"{package}.{inside}" if inside else package
        if adds_routes and not defines_bp and module not in declared:
            problems.append(f"{addon}: {module} adds routes to a blueprint it does not define; declare it with "
                            f"reg.routes(bp, module)")
    return problems


def _python_files(folder):
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in ("migrations", "tests", "__pycache__", "templates", "static")]
        yield from (os.path.join(root, f) for f in sorted(files) if f.endswith(".py"))


# A line that writes a `state` that is not a document's (an import's progress) says so with this mark.
NOT_A_DOCUMENT = "not a workflow state"


def state_writes(addon: str, folder: str) -> list[str]:
    """Every `x.state = ...`, `.update(state=...)` or `setattr(x, "state", ...)` in the addon's code outside
    core/workflow.py: a state written around the workflow has no audit entry and calls no hook."""
    problems = []
    for path in _python_files(folder):
        if path.endswith(os.path.join("core", "workflow.py")):
            continue
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        lines = source.splitlines()
        found = sorted({node.lineno for node in ast.walk(ast.parse(source)) if _writes_state(node)})
        where = os.path.relpath(path, os.path.dirname(folder))
        problems += [f"{addon}: {where}:{n} writes a state outside the workflow (use a @transition, or "
                     f"workflow.move_all)" for n in found if NOT_A_DOCUMENT not in lines[n - 1]]
    return problems


def _writes_state(node) -> bool:
    def is_state(target):
        if isinstance(target, ast.Attribute):
            return target.attr == "state"
        if isinstance(target, (ast.Tuple, ast.List)):
            return any(is_state(t) for t in target.elts)
        return False
    if isinstance(node, ast.Assign):
        return any(is_state(t) for t in node.targets)
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return is_state(node.target)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update":
        return any(k.arg == "state" for k in node.keywords)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
        return len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value == "state"
    return False


def _importer_problems(registry, addon, spec, permissions) -> list[str]:
    problems = []
    fields = spec.model._meta.fields
    for column in spec.columns:
        if column.field not in fields:
            problems.append(f"{addon}: importer {spec.name!r} writes unknown field {column.field!r}")
    for key in (*spec.key, *spec.conflict_fields):
        if key not in fields:
            problems.append(f"{addon}: importer {spec.name!r} keys on unknown field {key!r}")
    headers = [h.lower() for c in spec.columns for h in c.headers()]
    duplicates = sorted({h for h in headers if headers.count(h) > 1})
    if duplicates:
        problems.append(f"{addon}: importer {spec.name!r} uses a header twice: {', '.join(duplicates)}")
    if f"{spec.permission}.write" not in permissions:
        problems.append(f"{addon}: importer {spec.name!r} names unknown model key {spec.permission!r}")
    conflict = [*(["plant"] if spec.plant_scoped else []), *spec.conflict_fields]
    unique = [list(cols) for cols, is_unique in spec.model._meta.indexes if is_unique]
    unique += [[name] for name, f in fields.items() if f.unique]
    if conflict not in unique:
        problems.append(f"{addon}: importer {spec.name!r} upserts on {conflict}, which no unique index covers")
    return problems


def _model_problems(registry, addon, model) -> list[str]:
    problems = []
    table = model._meta.table_name
    if not table.startswith(f"{addon}_"):
        problems.append(f"{addon}: table {table!r} does not start with '{addon}_'")
    states = getattr(model, "STATES", None)
    pairs = getattr(model, "TRANSITIONS", None)
    specs = transitions_of(model)
    if not (states or pairs or specs):
        return problems
    if not states or "state" not in model._meta.fields:
        problems.append(f"{addon}: {model.__name__} has transitions but no STATES or no state field")
        return problems
    if not pairs:
        problems.append(f"{addon}: {model.__name__} lists STATES but no TRANSITIONS: its moves cannot be checked")
    for source, target in pairs or ():
        for state in (source, target):
            if state not in states:
                problems.append(f"{addon}: {model.__name__} transition {source}->{target} uses undeclared state {state!r}")
    default = model._meta.fields["state"].default
    if default not in states:
        problems.append(f"{addon}: {model.__name__} starts in undeclared state {default!r}")
    permissions = known_permissions(registry)
    for spec in specs:
        if spec.target not in states:
            problems.append(f"{addon}: {model.__name__}.{spec.name} moves to undeclared state {spec.target!r}")
        for source in spec.sources or ():
            if (source, spec.target) not in (pairs or ()):
                problems.append(f"{addon}: {model.__name__}.{spec.name} from {source!r} is not in TRANSITIONS")
        if spec.permission and spec.permission not in permissions:
            problems.append(f"{addon}: {model.__name__}.{spec.name} needs undeclared permission {spec.permission!r}")
    return problems


def schema_problems(registry, database) -> list[str]:
    """After all migrations on `database`, the schema must be what the models declare."""
    from core.install import schema_diff
    diff = schema_diff(database, registry.all_models())
    problems = [f"table {m._meta.table_name} is not created by any migration" for m in diff.create_tables]
    problems += [f"column {f.model._meta.table_name}.{f.column_name} is missing" for f in diff.add_columns]
    problems += [f"column {table}.{column} exists but no model declares it" for table, column in diff.drop_columns]
    problems += [f"index {i.display('missing')}" for i in diff.add_indexes]
    problems += [f"index {i.display('extra')}" for i in diff.drop_indexes]
    return problems


def catalog_problems(project_dir: str, locales=("zh_Hans_CN", "en")) -> list[str]:
    """Every message in the code has a translation in every catalog, and every catalog compiles."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    import io
    method_map, options_map = _babel_config(project_dir)
    keywords = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2)}
    wanted = set()
    for _fn, _line, message, _c, _ctx in extract_from_dir(project_dir, method_map, options_map, keywords=keywords):
        wanted.add(message if isinstance(message, str) else message[0])
    problems = []
    for locale in locales:
        path = os.path.join(project_dir, "i18n", locale, "LC_MESSAGES", "messages.po")
        if not os.path.exists(path):
            problems.append(f"{locale}: no catalog at {path}")
            continue
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale=locale)
        translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog
                      if m.id and (m.string if isinstance(m.string, str) else all(m.string)) and not m.fuzzy}
        problems += [f"{locale}: not translated: {msg!r}" for msg in sorted(wanted - translated)]
        for message, errors in catalog.check():
            problems += [f"{locale}: {message.id!r}: {error}" for error in errors]
        write_mo(io.BytesIO(), catalog)
    return problems


def _babel_config(project_dir):
    from babel.messages.frontend import parse_mapping_cfg
    with open(os.path.join(project_dir, "i18n", "babel.cfg"), encoding="utf-8") as fh:
        return parse_mapping_cfg(fh)
