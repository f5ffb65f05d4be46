"""`python run.py ...` as an administrator types it: real processes, real exit codes."""
import os
import subprocess
import sys
import uuid

import pytest

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """Run the CLI against its own database (SQLite, or a fresh PostgreSQL one), with the demo loaded."""
    instance = tmp_path_factory.mktemp("cli-instance")
    env = {**os.environ, "ERP_INSTANCE_DIR": str(instance), "ERP_LANG": "en"}
    pg = os.environ.get("ERP_TEST_DATABASE_URL")
    if pg:
        from core.db import connect_url
        admin = connect_url(pg)
        name = f"erp_cli_{uuid.uuid4().hex[:12]}"  # unique: two CI runs on one server must not share it
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute_sql(f'CREATE DATABASE "{name}"')
        env["ERP_DATABASE_URL"] = pg.rsplit("/", 1)[0] + "/" + name
    else:
        env["ERP_DATABASE_URL"] = "sqlite:///" + str(instance / "cli.sqlite3")

    def run(*args, input=None, lang="en"):
        return subprocess.run([sys.executable, "run.py", *args], cwd=PROJECT, env={**env, "ERP_LANG": lang},
                              input=input,
                              capture_output=True, text=True, timeout=120)
    result = run("initdb", "--demo")
    assert result.returncode == 0, result.stderr
    yield run
    if pg:
        admin.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close_all()


def test_help_lists_every_command(cli):
    out = cli("--help").stdout
    for command in ("serve", "web", "scheduler", "initdb", "migrate", "addons", "users", "jobs"):
        assert command in out
    assert cli("addons", "--help").returncode == 0


def test_the_command_line_speaks_one_language(cli):
    """Help, click's own words and its errors in the process's language; nothing English left in Chinese."""
    chinese = cli("jobs", "--help", lang="zh_Hans_CN").stdout
    assert "用法：" in chinese and "定时任务。" in chinese and "显示此帮助并退出。" in chinese
    assert not any(word in chinese for word in ("Usage", "Options", "Show this message", "Scheduled jobs"))
    refused = cli("jobs", "run", lang="zh_Hans_CN")
    assert refused.returncode == 2 and "错误：缺少参数" in refused.stderr and "Error" not in refused.stderr
    english = cli("jobs", "--help", lang="en").stdout
    assert "Usage:" in english and "Scheduled jobs." in english


def test_addons_list_shows_dependency_order_and_state(cli):
    result = cli("addons", "list", "--plant", "P2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    names = [line.split()[0] for line in lines]
    assert names.index("master_data") < names.index("ledger") < names.index("sales_order") < names.index("dispatch")
    state = {line.split()[0]: line.split()[3] for line in lines}
    assert state["sales_order"] == "enabled" and state["dispatch"] == "disabled"


def test_disabling_a_needed_addon_exits_non_zero_with_the_reason(cli):
    result = cli("addons", "disable", "ledger", "--plant", "P1")
    assert result.returncode == 1
    assert "ledger cannot be disabled" in result.stderr and "sales_order" in result.stderr
    assert "enabled" in [line.split()[3] for line in cli("addons", "list", "--plant", "P1").stdout.splitlines()
                         if line.startswith("ledger")]


def test_enable_and_disable_round_trip(cli):
    result = cli("addons", "enable", "weighing", "--plant", "P2")
    assert result.returncode == 0 and "dispatch, weighing" in result.stdout
    assert cli("addons", "disable", "weighing", "--plant", "P2").returncode == 0
    assert cli("addons", "disable", "dispatch", "--plant", "P2").returncode == 0


def test_unknown_plant_and_addon_are_clear_errors(cli):
    result = cli("addons", "list", "--plant", "NOPE")
    assert result.returncode == 1 and "no plant with code NOPE" in result.stderr
    result = cli("addons", "enable", "cheese", "--plant", "P1")
    assert result.returncode == 1 and "no addon named cheese" in result.stderr


def test_users_create_and_refuse_duplicates(cli):
    result = cli("users", "create", "clerk", "--name", "Clerk", "--password", "password123",
                 "--role", "finance", "--plant", "P1")
    assert result.returncode == 0, result.stderr
    again = cli("users", "create", "clerk", "--name", "Clerk", "--password", "password123")
    assert again.returncode == 1 and "already has this name" in again.stderr
    bad_role = cli("users", "create", "x1", "--name", "X", "--password", "password123", "--role", "wizard")
    assert bad_role.returncode == 1 and "no role with code wizard" in bad_role.stderr


def test_migrate_is_idempotent(cli):
    result = cli("migrate")
    assert result.returncode == 0 and "up to date" in result.stdout


def test_messages_follow_the_language(cli):
    result = cli("addons", "list", "--plant", "NOPE", lang="zh_Hans_CN")
    assert result.returncode == 1
    assert "没有编码为 NOPE 的厂区" in result.stderr


def test_import_prints_each_bad_row_and_exits_non_zero(cli, tmp_path):
    from tests.excel_files import workbook
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([["客户编码", "客户名称", "账期天数"], ["K1", "", 10], ["K2", "ok", "many"]],
                             title_rows=["客户清单"]))
    result = cli("import", "customers", str(bad), "--plant", "P1", "--errors", str(tmp_path / "errors.xlsx"))
    assert result.returncode == 1
    assert "Row 3, 客户名称: Required." in result.stderr and "Row 4, 账期天数: Not a number." in result.stderr
    assert (tmp_path / "errors.xlsx").exists()


def test_import_dry_run_then_import_then_export(cli, tmp_path):
    from tests.excel_files import read, workbook
    good = tmp_path / "good.xlsx"
    good.write_bytes(workbook([["Product code", "Product name", "Selling unit", "Pricing unit"],
                               ["X9", "Cheeks", "box", "kg"]]))
    dry = cli("import", "products", str(good), "--plant", "P2", "--dry-run")
    assert dry.returncode == 0 and "nothing was written" in dry.stdout
    done = cli("import", "products", str(good), "--plant", "P2")
    assert done.returncode == 0 and "1 new" in done.stdout
    out = tmp_path / "out.xlsx"
    assert cli("export", "products", str(out), "--plant", "P2").returncode == 0
    assert "X9" in [row[0] for row in read(out.read_bytes())]


def test_import_needs_a_plant_when_there_are_several(cli, tmp_path):
    result = cli("export", "customers", str(tmp_path / "x.xlsx"))
    assert result.returncode == 1 and "--plant" in result.stderr
    (tmp_path / "x.xlsx").write_bytes(b"anything")
    result = cli("import", "cheese", str(tmp_path / "x.xlsx"), "--plant", "P1")
    assert result.returncode == 1 and "Nothing named cheese can be imported" in result.stderr


def test_api_tokens_from_the_command_line(cli, app):
    made = cli("tokens", "create", "finance", "--name", "EDI from the wholesaler")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("erp_") and len(token) > 30
    listed = cli("tokens", "list", "finance")
    assert "EDI from the wholesaler" in listed.stdout and token[:12] in listed.stdout and "active" in listed.stdout
    assert token not in listed.stdout                        # shown once, at creation
    token_id = listed.stdout.split("\t", 1)[0]
    assert cli("tokens", "revoke", "finance", token_id).returncode == 0
    assert "revoked" in cli("tokens", "list", "finance").stdout
    assert cli("tokens", "create", "nobody", "--name", "x").returncode != 0
