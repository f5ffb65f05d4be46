"""Shared fixtures (loaded by the root conftest.py for tests/ and addons/*/tests/).

One database for the session (SQLite file, or PostgreSQL from ERP_TEST_DATABASE_URL), migrated once
and emptied after every test; the demo company is loaded fresh for each test that asks for it."""
from __future__ import annotations

import os
import re

import pytest

from core.app import create_app
from core.db import bind, db, is_sqlite
from core.install import migrate

os.environ["ERP_LANG"] = "en"  # messages outside a request (CLI, jobs, direct calls) in English
PG_URL = os.environ.get("ERP_TEST_DATABASE_URL", "")
TEST_CONFIG = {"TESTING": True, "SECRET_KEY": "test-secret", "ERP_PASSWORD_METHOD": "pbkdf2:sha256:1000",
               "ERP_ENTRY_POINTS": False}


def pytest_report_header(config):
    return f"database: {'PostgreSQL ' + PG_URL if PG_URL else 'SQLite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """SQLite: a file in this worker's own temporary folder. PostgreSQL: the given database, or, when the
    suite runs in several processes (pytest-xdist, as `make test` does), one database per worker named
    after the given one, made here and dropped at the end."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not PG_URL:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    elif not worker:
        yield PG_URL
    else:
        from core.db import connect_url
        server = connect_url(PG_URL)
        name = f"{PG_URL.rsplit('/', 1)[1]}_{worker}"
        server.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute_sql(f'CREATE DATABASE "{name}"')
        yield PG_URL.rsplit("/", 1)[0] + "/" + name
        db.close()
        server.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close_all()


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app({**TEST_CONFIG, "ERP_DATABASE_URL": database_url})
    kernel = app.extensions["erp"]
    with app.app_context():
        if not is_sqlite():
            _drop_everything(kernel.database)
        migrate(kernel.registry, kernel.database)
        app.extensions["erp_test_seed"] = _snapshot(_tables(kernel))
    return app


def _tables(kernel) -> list[str]:
    return [m._meta.table_name for m in reversed(kernel.registry.all_models())]


def _snapshot(tables) -> dict:
    """What a freshly migrated database holds (addons, roles, grants), as stored: restored after each test
    instead of migrating again (a tenth of the time)."""
    seed = {}
    for table in tables:
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        rows = cursor.fetchall()
        if rows:
            seed[table] = ([d[0] for d in cursor.description], rows)
    return seed


def _restore(seed) -> None:
    param = db.obj.param
    cursor = db.obj.cursor()
    for table, (columns, rows) in reversed(list(seed.items())):      # referenced tables first
        names = ", ".join(f'"{c}"' for c in columns)
        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join([param] * len(columns))})', rows)
        if not is_sqlite() and "id" in columns:    # TRUNCATE restarted the sequence; the rows came back with ids
            db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                           f'(SELECT MAX("id") FROM "{table}"))')


def _drop_everything(database):
    database.execute_sql("DROP SCHEMA public CASCADE")     # one command a statement: each is prepared
    database.execute_sql("CREATE SCHEMA public")


@pytest.fixture(autouse=True)
def _clean(request):
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    kernel = app.extensions["erp"]
    bind(kernel.database)  # a test may have built another app bound elsewhere
    with app.app_context():
        tables = _tables(kernel)
        with db.atomic():
            if is_sqlite():
                db.execute_sql("PRAGMA defer_foreign_keys = ON")  # rows pointing at rows of the same table
                for table in tables:
                    db.execute_sql(f'DELETE FROM "{table}"')
            else:
                db.execute_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
            _restore(app.extensions["erp_test_seed"])
        db.close()


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app
        db.close()


@pytest.fixture
def demo(ctx):
    from core.demo import load_demo
    from core.models import Plant
    load_demo(ctx.extensions["erp"].registry, addons={"master_data"})  # users, plants, master data; no postings
    return {p.code: p for p in Plant.select()}


class Browser:
    """A test client that logs in through the form and sends the CSRF token like a browser does."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()
        self.token = None

    def _refresh_token(self, html):
        found = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', html)
        if found:
            self.token = found.group(1)

    def get(self, url, **kw):
        with self.app.app_context():  # each request its own g, as in production
            response = self.client.get(url, **kw)
        if response.mimetype == "text/html":
            self._refresh_token(response.get_data(as_text=True))
        return response

    def post(self, url, data=None, csrf=True, **kw):
        data = dict(data or {})
        if csrf:
            if self.token is None:
                self.get("/login")
            data.setdefault("csrf_token", self.token)
        with self.app.app_context():
            return self.client.post(url, data=data, **kw)

    def send(self, method, url, data=None, **kw):
        """Any method; form posts carry the CSRF token as a browser's would."""
        if method == "POST":
            return self.post(url, data, **kw)
        with self.app.app_context():
            return self.client.open(url, method=method, data=data, **kw)

    def login(self, login, password="demo1234"):
        self.get("/login")
        response = self.post("/login", {"login": login, "password": password})
        self.get("/")
        return response


@pytest.fixture
def browser(app, demo):
    def make(login=None, password="demo1234"):
        b = Browser(app)
        if login:
            response = b.login(login, password)
            assert response.status_code == 302, f"login of {login} failed"
        return b
    return make


@pytest.fixture
def call(app, ctx, demo):
    """`call(login)` gives `send(method, url, json=None, **headers)`: /api/v1 with that user's token, in P1."""
    from core.api import tokens
    from core.models import User
    made = {}

    def as_user(login):
        if login not in made:
            made[login] = tokens.issue(User.get(User.login == login), "integration")
        client = app.test_client()

        def send(method, url, json=None, **headers):
            with app.app_context():
                return client.open("/api/v1" + url, method=method, json=json, headers={
                    "Authorization": f"Bearer {made[login]}", "X-Plant": "P1", **headers})
        return send
    return as_user
