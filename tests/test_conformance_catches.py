"""Each conformance check fails for the addon mistake it exists to catch."""
import pytest

from core import conformance
from core.addons import AddonError
from core.app import create_app
from core.db import bind
from tests.addon_factory import make_tree, manifest
from tests.fixtures import TEST_CONFIG

WORKFLOW_MODEL = """
from peewee import CharField
from core.db import BaseModel
from core.workflow import transition


class Ticket(BaseModel):
    STATES = {"open": "Open", "done": "Done"}
    TRANSITIONS = {("open", "done"), ("done", "archived")}
    state = CharField(default="open")

    class Meta:
        table_name = "{addon}_ticket"

    @transition("done")
    def close(self):
        pass

    @transition("limbo")
    def vanish(self):
        pass
"""


@pytest.fixture
def build(app, tmp_path):
    """Build an app from a throwaway addon tree (on the test database), then rebind the real one."""
    def make(addons):
        folder, package = make_tree(tmp_path, addons)
        return create_app({**TEST_CONFIG, "ERP_DATABASE_URL": app.config["ERP_DATABASE_URL"],
                           "ERP_ADDONS_DIR": folder, "ERP_ADDONS_PACKAGE": package})
    yield make
    bind(app.extensions["erp"].database)


def test_unknown_dependency_fails(build):
    with pytest.raises(AddonError, match="unknown addon"):
        build({"orphan": {"manifest": manifest("orphan", ["nowhere"])}})


def test_transition_to_undeclared_state_fails(build):
    app = build({"tickets": {
        "init": "def register(reg):\n    from .model import Ticket\n    reg.models(Ticket)\n",
        "model.py": WORKFLOW_MODEL.replace("{addon}", "tickets"),
    }})
    problems = conformance.addon_problems(app, "tickets")
    assert any("done->archived uses undeclared state 'archived'" in p for p in problems)
    assert any("vanish moves to undeclared state 'limbo'" in p for p in problems)


def test_menu_pointing_at_no_endpoint_fails(build):
    app = build({"menus": {"init": """
        def register(reg):
            reg.menu("admin", "Nowhere", "menus.does_not_exist")
    """}})
    problems = conformance.addon_problems(app, "menus")
    assert problems == ["menus: menu 'Nowhere' points at no endpoint (menus.does_not_exist)"]


def test_access_list_naming_unknown_model_or_role_fails(build):
    app = build({"acl": {
        "manifest": manifest("acl", data=["security/access.csv"]),
        "security/access.csv": "model,group,read,write,create,delete\nacl.ghost,sales,1,0,0,0\n"
                               "acl.ghost,wizards,1,0,0,0\n",
    }})
    problems = conformance.addon_problems(app, "acl")
    assert "acl: access.csv names unknown model 'acl.ghost'" in problems
    assert "acl: access.csv names unknown role 'wizards'" in problems


def test_table_without_addon_prefix_fails(build):
    app = build({"naming": {
        "init": "def register(reg):\n    from .model import Ticket\n    reg.models(Ticket)\n",
        "model.py": WORKFLOW_MODEL.replace("{addon}_ticket", "ticket"),
    }})
    assert any("table 'ticket' does not start with 'naming_'" in p for p in conformance.addon_problems(app, "naming"))


def test_schema_check_sees_a_model_change_without_migration(app, ctx):
    from peewee import IntegerField
    from core.models import Plant
    registry = app.extensions["erp"].registry
    field = IntegerField(null=True)
    Plant._meta.add_field("shoe_size", field)
    try:
        problems = conformance.schema_problems(registry, app.extensions["erp"].database)
    finally:
        Plant._meta.remove_field("shoe_size")
    assert problems == ["column core_plant.shoe_size is missing"]


def test_importer_with_unknown_field_or_no_unique_key_fails(build):
    app = build({"imports": {
        "init": """
            def register(reg):
                from .model import Gadget
                from core.excel.cells import Code, Text
                from core.excel.spec import Column, ImportSpec
                reg.models(Gadget)
                reg.importer(ImportSpec(name="gadgets", model=Gadget, key=("code",), title="Gadgets",
                                        permission="imports.gadget", columns=[
                                            Column("code", "Code", "编码", Code(), required=True),
                                            Column("colour", "Colour", "颜色", Text())]))
        """,
        "model.py": """
            from peewee import CharField, ForeignKeyField
            from core.db import BaseModel
            from core.models import Plant

            class Gadget(BaseModel):
                plant = ForeignKeyField(Plant)
                code = CharField()

                class Meta:
                    table_name = "imports_gadget"
        """,
    }})
    problems = conformance.addon_problems(app, "imports")
    assert "imports: importer 'gadgets' writes unknown field 'colour'" in problems
    assert any("upserts on ['plant', 'code'], which no unique index covers" in p for p in problems)


def test_a_state_written_around_the_workflow_fails(build):
    service = ("from .model import Ticket\n\n\ndef close_quietly(ticket_id):\n"
               "    Ticket.update(state='done').where(Ticket.id == ticket_id).execute()\n\n\n"
               "def close_by_hand(ticket):\n    ticket.state = 'done'\n    ticket.save()\n\n\n"
               "def progress(job):\n    job.state = 'busy'  # not a workflow state: a job's progress\n")
    app = build({"tickets": {
        "init": "def register(reg):\n    from .model import Ticket\n    reg.models(Ticket)\n",
        "model.py": WORKFLOW_MODEL.replace("{addon}", "tickets").replace(', ("done", "archived")', "")
        .replace('"limbo"', '"done"'),
        "service.py": service}})
    problems = [p for p in conformance.addon_problems(app, "tickets") if "outside the workflow" in p]
    assert [p.split(" writes")[0] for p in problems] == ["tickets: tickets/service.py:5", "tickets: tickets/service.py:9"]


def test_a_screen_module_nobody_declared_fails(build):
    views = ("from flask import Blueprint\nbp = Blueprint('screens', __name__)\n\n\n"
             "@bp.route('/a')\ndef a():\n    return ''\n")
    extra = "from .views import bp\n\n\n@bp.route('/b')\ndef b():\n    return ''\n"
    app = build({"screens": {
        "init": "def register(reg):\n    from . import extra, views\n    reg.blueprint(views.bp)\n",
        "views.py": views, "extra.py": extra}})
    problems = conformance.addon_problems(app, "screens")
    assert [p for p in problems if "adds routes" in p] == [
        f"screens: {app.extensions['erp'].registry.specs['screens'].module}.extra adds routes to a blueprint it "
        "does not define; declare it with reg.routes(bp, module)"]
