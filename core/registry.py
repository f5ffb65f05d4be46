"""What addons declare in `register(reg)`. Declaring touches no database."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Menu:
    addon: str
    section: str
    label: object
    endpoint: str
    permission: str | None = None
    sequence: int = 100


@dataclass
class Permission:
    name: str
    label: object
    addon: str
    roles: tuple = ()          # roles that get it by default, when it first appears in a database


@dataclass
class Job:
    id: str
    func: object
    trigger: str
    trigger_args: dict
    addon: str
    per_plant: bool = True     # run once for every plant that enables the addon


@dataclass
class Section:
    code: str
    label: object
    sequence: int
    # the pages of an outside party (a customer's portal): shown to those whose roles grant them, not to a
    # superuser, who passes every check but is no customer
    outside: bool = False


@dataclass
class Registry:
    specs: dict                          # name -> core.addons.AddonSpec
    order: list                          # addon names in dependency order (without "core")
    models: dict = field(default_factory=dict)       # addon -> [Model]
    blueprints: list = field(default_factory=list)   # (addon, blueprint, options)
    menus: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)
    permissions: dict = field(default_factory=dict)  # name -> Permission
    jobs: dict = field(default_factory=dict)         # id -> Job
    attachments: dict = field(default_factory=dict)  # name -> (addon, make(record id) -> (filename, bytes))
    hook_impls: list = field(default_factory=list)   # (addon, module)
    hookspecs: list = field(default_factory=list)
    services: list = field(default_factory=list)     # (addon, name, callable(app, stop_event))
    cli_commands: list = field(default_factory=list)
    demo: list = field(default_factory=list)         # (addon, callable(plants))
    history: list = field(default_factory=list)      # (addon, callable(plants, months)): the demo's past
    roles: dict = field(default_factory=dict)        # code -> label (standard roles)
    importers: dict = field(default_factory=dict)    # name -> (addon, core.excel.spec.ImportSpec)
    resources: dict = field(default_factory=dict)    # name -> (addon, core.api.Resource)
    operations: list = field(default_factory=list)   # (addon, core.api.operation.Operation)
    routes: list = field(default_factory=list)       # (addon, blueprint name, module name): screens on a shared bp

    def for_addon(self, name: str) -> "AddonRegistrar":
        self.models.setdefault(name, [])
        return AddonRegistrar(self, name)

    @property
    def all_addons(self) -> list:
        return ["core", *self.order]

    def all_models(self) -> list:
        return [m for name in self.all_addons for m in self.models.get(name, [])]

    def blueprint_owner(self, blueprint_name: str) -> str | None:
        for addon, bp, _ in self.blueprints:
            if bp.name == blueprint_name:
                return addon
        return None

    def model_key(self, model) -> str:
        """`addon.model`, e.g. `master_data.customer`: the name used in access.csv and permissions."""
        for addon, models in self.models.items():
            if model in models:
                table = model._meta.table_name
                return f"{addon}.{table[len(addon) + 1:] if table.startswith(addon + '_') else table}"
        raise KeyError(model)

    def model_by_key(self, key: str):
        for model in self.all_models():
            if self.model_key(model) == key:
                return model
        return None

    def workflow_models(self) -> list:
        return [m for m in self.all_models() if getattr(m, "STATES", None)]


class AddonRegistrar:
    """The `reg` an addon's register() receives; everything it declares is tagged with the addon."""

    def __init__(self, registry: Registry, addon: str):
        self.registry = registry
        self.addon = addon

    def models(self, *models):
        self.registry.models[self.addon].extend(models)

    def blueprint(self, bp, **options):
        self.registry.blueprints.append((self.addon, bp, options))

    def section(self, code, label, sequence=100, outside=False):
        self.registry.sections[code] = Section(code, label, sequence, outside)

    def menu(self, section, label, endpoint, permission=None, sequence=100):
        self.registry.menus.append(Menu(self.addon, section, label, endpoint, permission, sequence))

    def permission(self, name, label, roles=()):
        if not name.startswith(self.addon + "."):
            raise ValueError(f"addon {self.addon!r}: permission {name!r} must start with '{self.addon}.'")
        self.registry.permissions[name] = Permission(name, label, self.addon, tuple(roles))

    def role(self, code, label):
        self.registry.roles[code] = label

    def job(self, job_id, func, trigger, per_plant=True, **trigger_args):
        if job_id in self.registry.jobs:
            raise ValueError(f"job id {job_id!r} is declared twice")
        self.registry.jobs[job_id] = Job(job_id, func, trigger, trigger_args, self.addon, per_plant)

    def hooks(self, module):
        self.registry.hook_impls.append((self.addon, module))

    def hookspecs(self, module):
        self.registry.hookspecs.append(module)

    def service(self, name, func):
        self.registry.services.append((self.addon, name, func))

    def cli(self, command):
        self.registry.cli_commands.append(command)

    def importer(self, spec):
        if spec.name in self.registry.importers:
            raise ValueError(f"importer {spec.name!r} is declared twice")
        self.registry.importers[spec.name] = (self.addon, spec)

    def resource(self, resource):
        if resource.name in self.registry.resources:
            raise ValueError(f"API resource {resource.name!r} is declared twice")
        self.registry.resources[resource.name] = (self.addon, resource)

    def routes(self, bp, *modules):
        """`modules` add their routes to `bp` (declared in another module) as they are imported: said here, so
        the import is a declaration, and conformance finds a screen module nobody declared."""
        for module in modules:
            self.registry.routes.append((self.addon, bp.name, module.__name__))

    def operation(self, op):
        if any(o.operation_id == op.operation_id for _a, o in self.registry.operations):
            raise ValueError(f"API operation {op.operation_id!r} is declared twice")
        self.registry.operations.append((self.addon, op))

    def attachment(self, name, make):
        """A document e-mails may carry: `make(record_id)` gives (file name, PDF bytes) in the reader's language."""
        if name in self.registry.attachments:
            raise ValueError(f"attachment {name!r} is declared twice")
        self.registry.attachments[name] = (self.addon, make)

    def demo(self, func):
        self.registry.demo.append((self.addon, func))

    def history(self, func):
        """Months of past business for the demo (`initdb --demo --history`), written through the services."""
        self.registry.history.append((self.addon, func))
