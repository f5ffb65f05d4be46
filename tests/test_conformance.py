"""Every addon found passes the kernel's conformance checks (see core/conformance.py)."""
import os
import uuid

import pytest

from core import conformance
from core.addons import discover, order
from core.db import bind, connect_url
from core.install import migrate
from core.kernel import load_registry

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = ["core", *order(discover(entry_points=False))]


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_conforms(app, addon):
    assert conformance.addon_problems(app, addon) == []


def test_catalogs_are_complete_and_compile():
    assert conformance.catalog_problems(PROJECT) == []


@pytest.fixture
def empty_database(app, database_url):
    """A database nobody has touched: a new SQLite file, or a new PostgreSQL database."""
    if database_url.startswith("sqlite"):
        url = database_url.replace("test.sqlite3", f"empty-{uuid.uuid4().hex[:6]}.sqlite3")
        database = connect_url(url)
        yield database
        database.close()
    else:
        admin = connect_url(database_url)
        name = f"erp_conf_{uuid.uuid4().hex[:8]}"
        admin.execute_sql(f'CREATE DATABASE "{name}"')
        database = connect_url(database_url.rsplit("/", 1)[0] + "/" + name)
        yield database
        database.close_all()
        admin.execute_sql(f'DROP DATABASE "{name}"')
        admin.close_all()
    bind(app.extensions["erp"].database)


def test_migrations_on_an_empty_database_give_the_models_schema(empty_database):
    registry = load_registry(entry_points=False)
    bind(empty_database)
    migrate(registry, empty_database)
    assert conformance.schema_problems(registry, empty_database) == []
    tables = set(empty_database.get_tables())
    for addon in registry.all_addons:
        assert f"{addon}_migration" in tables, f"{addon} keeps its own migration history"
