"""Importing through the screens: upload, check with progress, errors workbook, import; export and lists."""
import io
import time

from addons.master_data.models.customer import Customer
from tests.excel_files import read, workbook


def _wait(b, job_url, states=("checking", "importing")):
    deadline = time.monotonic() + 30
    while True:
        status = b.get(job_url + ".json").get_json()
        if status["state"] not in states:
            return status
        assert time.monotonic() < deadline, "the import did not finish"
        time.sleep(0.05)


def _upload(b, data, name="customers.xlsx"):
    response = b.post("/excel/customers/import", {"file": (io.BytesIO(data), name)},
                      content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response.headers["Location"]


def test_check_then_import_a_clean_file(browser, ctx, demo):
    b = browser("manager")
    job = _upload(b, workbook([["客户编码", "客户名称", "信用额度"], ["W1", "网上导入", "1000"], ["W2", "第二", "0"]]))
    status = _wait(b, job)
    assert status["state"] == "checked" and status["ok"] and status["total"] == 2
    assert not Customer.select().where(Customer.code == "W1").exists()  # a check writes nothing
    page = b.get(job).get_data(as_text=True)
    assert "全部 2 行均有效" in page and 'id="commit-import"' in page
    b.post(job + "/commit")
    status = _wait(b, job)
    assert status["state"] == "done" and status["created"] == 2
    assert Customer.get(Customer.code == "W1").name == "网上导入"
    assert b.post(job + "/commit").status_code == 302  # a second click imports nothing more
    assert Customer.select().where(Customer.code == "W1").count() == 1


def test_a_bad_file_gives_an_errors_workbook_in_the_users_language(browser, ctx, demo):
    b = browser("manager")
    job = _upload(b, workbook([["客户编码", "客户名称", "信用额度"], ["E1", "", "1000"], ["E2", "ok", "lots"]]))
    status = _wait(b, job)
    assert status["state"] == "checked" and not status["ok"] and status["problems"] == 2
    page = b.get(job).get_data(as_text=True)
    assert "必填。" in page and 'id="commit-import"' not in page
    rows = read(b.get(job + "/errors.xlsx").data)
    assert rows[0][-1] == "错误"
    assert rows[1][-1] == "客户名称: 必填。" and rows[2][-1] == "信用额度: 不是有效数字。"
    assert read(b.get(job + "/errors.xlsx").data, sheet=1)[1][:2] == [2.0, "客户名称"]
    assert b.post(job + "/commit").status_code == 302
    assert not Customer.select().where(Customer.code == "E2").exists()


def test_not_a_workbook_fails_with_a_message(browser, demo):
    b = browser("manager")
    job = _upload(b, b"hello", name="customers.xlsx")
    status = _wait(b, job)
    assert status["state"] == "failed" and "不是 Excel 工作簿" in status["error"]
    response = b.post("/excel/customers/import", {"file": (io.BytesIO(b"x"), "notes.txt")},
                      content_type="multipart/form-data")
    assert response.status_code == 200 and "请选择 Excel 工作簿" in response.get_data(as_text=True)


def test_jobs_belong_to_their_user(browser, demo):
    job = _upload(browser("manager"), workbook([["客户编码", "客户名称"], ["J1", "x"]]))
    other = browser("admin")
    assert other.get(job).status_code == 404
    assert other.get(job + ".json").status_code == 404


def test_import_needs_create_and_write_rights(browser, demo):
    scheduler = browser("scheduler")  # may read customers, not change them
    assert scheduler.get("/excel/customers/import").status_code == 403
    assert scheduler.get("/excel/customers/export").status_code == 200
    assert browser("shipper").get("/excel/prices/export").status_code == 403
    assert browser("admin").get("/excel/nothing/import").status_code == 404


def test_export_and_template_downloads(browser, demo):
    b = browser("manager")
    rows = read(b.get("/excel/customers/export").data)
    assert rows[0][:2] == ["客户编码", "客户名称"] and len(rows) == 9
    assert read(b.get("/excel/products/template").data)[0][0] == "* 产品编码"


def test_list_search_filter_sort_and_export(browser, ctx, demo):
    b = browser("manager")
    page = b.get("/master/customers?sort=credit_limit&dir=desc").get_data(as_text=True)
    assert page.index("P1C008") < page.index("P1C001")
    page = b.get("/master/customers?kind=channel").get_data(as_text=True)
    assert "P1C003" in page and "P1C001" not in page
    page = b.get("/master/customers?q=周记").get_data(as_text=True)
    assert "P1C001" in page and "P1C002" not in page
    rows = read(b.get("/master/customers?kind=channel&export=xlsx").data)
    assert rows[0][0] == "客户编码" and sorted(r[0] for r in rows[1:]) == ["P1C003", "P1C006"]
    region = rows[0].index("地区编码")                       # related records by the code the import reads
    assert {r[region] for r in rows[1:]} <= {"310100", "320100", "320500", "330100"} and rows[1][region]


def test_an_interrupted_import_is_shown_as_failed(browser, ctx, demo):
    import datetime

    from core.models import ImportJob, User
    job = ImportJob.create(user=User.get(User.login == "manager"), plant=demo["P1"], spec="customers",
                           filename="old.xlsx", path="/nonexistent.xlsx", state="importing",
                           created_at=datetime.datetime.utcnow() - datetime.timedelta(hours=2))
    status = browser("manager").get(f"/excel/jobs/{job.id}.json").get_json()
    assert status["state"] == "failed" and "中断" in status["error"]
    fresh = ImportJob.create(user=job.user, plant=demo["P1"], spec="customers", filename="new.xlsx",
                             path="/nonexistent.xlsx", state="checking")
    assert browser("manager").get(f"/excel/jobs/{fresh.id}.json").get_json()["state"] == "checking"


def test_a_killed_import_shows_failed_within_a_minute_and_its_file_is_checked_again(browser, ctx, demo):
    import datetime

    from core import clock
    from core.models import ImportJob
    manager = browser("manager")
    job_url = _upload(manager, workbook([["客户编码", "客户名称"], ["K1", "Killed"]]))
    _wait(manager, job_url)
    job = ImportJob.get_by_id(int(job_url.rsplit("/", 1)[1]))
    # another worker imports it: alive while its heartbeat is fresh, whoever polls (not in this worker's memory)
    ImportJob.update(state="importing", beat_at=clock.utcnow() - datetime.timedelta(seconds=30)).where(
        ImportJob.id == job.id).execute()
    assert manager.get(job_url + ".json").get_json()["state"] == "importing"
    # its worker was killed: no beat for a minute
    ImportJob.update(beat_at=clock.utcnow() - datetime.timedelta(seconds=61)).where(ImportJob.id == job.id).execute()
    status = manager.get(job_url + ".json").get_json()
    assert status["state"] == "failed" and not Customer.select().where(Customer.code == "K1").exists()
    page = manager.get(job_url).get_data(as_text=True)
    assert 'id="check-again"' in page
    again = manager.post(job_url + "/again", {})
    again_url = again.headers["Location"]
    assert again_url != job_url and _wait(manager, again_url)["state"] == "checked"   # the same file, no upload
    manager.post(again_url + "/commit")
    assert _wait(manager, again_url)["state"] == "done" and Customer.get(Customer.code == "K1").name == "Killed"


def test_an_import_records_its_state_with_its_rows(ctx, demo):
    import pytest

    from addons.master_data.excel import CUSTOMERS
    from core.excel.importer import run_import

    def crash(result):
        raise RuntimeError("the worker died between the rows and the state")
    with pytest.raises(RuntimeError):
        run_import(CUSTOMERS, workbook([["客户编码", "客户名称"], ["A1", "Atomic"]]), demo["P1"], dry_run=False,
                   on_commit=crash)
    assert not Customer.select().where(Customer.code == "A1").exists()     # rows and state: both or neither
