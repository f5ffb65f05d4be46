"""Chinese and English screens; money, numbers and times formatted for the locale and the plant."""
import datetime
from decimal import Decimal

from flask_babel import force_locale, format_currency

from addons.master_data.models.customer import Customer
from core.models import AuditLog, User


def test_login_page_follows_the_browser_language(browser):
    b = browser()
    zh = b.get("/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).get_data(as_text=True)
    assert "登录" in zh and 'lang="zh-CN"' in zh
    en = b.get("/login", headers={"Accept-Language": "en-US,en;q=0.9"}).get_data(as_text=True)
    assert "Log in" in en and "登录" not in en


def test_default_language_is_chinese(browser):
    assert "用户名" in browser().get("/login").get_data(as_text=True)


def test_switching_language_sticks_to_the_user(browser, ctx):
    b = browser("sales")
    assert "销售订单" in b.get("/").get_data(as_text=True)
    b.post("/lang", {"lang": "en", "next": "/"})
    page = b.get("/").get_data(as_text=True)
    assert "Sales orders" in page and "销售订单" not in page
    assert User.get(User.login == "sales").lang == "en"
    again = browser("sales")  # a new session remembers the choice
    assert "Sales orders" in again.get("/").get_data(as_text=True)


def test_unknown_language_changes_nothing(browser, ctx):
    b = browser("sales")
    b.post("/lang", {"lang": "klingon", "next": "/"})
    assert User.get(User.login == "sales").lang == "zh_Hans_CN"


def test_money_is_formatted_by_babel_for_each_locale(ctx):
    with ctx.test_request_context():
        with force_locale("zh_Hans_CN"):
            assert format_currency(Decimal("1234.5"), "CNY") == "¥1,234.50"
        with force_locale("en"):
            assert format_currency(Decimal("1234.5"), "CNY") == "CN¥1,234.50"


def test_list_shows_money_in_the_users_locale(browser, ctx, demo):
    Customer.create(plant=demo["P1"], code="C9", name="Big buyer", credit_limit=Decimal("1234567.80"))
    page = browser("admin").get("/master/customers").get_data(as_text=True)
    assert "¥1,234,567.80" in page


def test_times_are_shown_in_the_plants_time_zone(browser, ctx, demo):
    AuditLog.create(at=datetime.datetime(2026, 1, 1, 0, 30), action="test", model="core_test", plant=demo["P1"])
    admin = browser("admin")
    assert "2026/1/1 08:30" in admin.get("/audit?model=core_test").get_data(as_text=True)  # Shanghai, UTC+8
    demo["P1"].timezone = "Asia/Urumqi"
    demo["P1"].save()
    assert "2026/1/1 06:30" in admin.get("/audit?model=core_test").get_data(as_text=True)  # UTC+6


def test_money_is_shown_in_the_companys_currency(browser, ctx, demo):
    from core.models import Company
    Company.update(currency="HKD").execute()
    Customer.create(plant=demo["P1"], code="C9", name="Big buyer", credit_limit=Decimal("1234567.80"))
    page = browser("admin").get("/master/customers").get_data(as_text=True)
    assert "HK$1,234,567.80" in page and "¥1,234,567.80" not in page


def test_job_schedules_read_as_sentences(ctx):
    from flask_babel import force_locale

    from core.schedule_text import describe
    with force_locale("en"):
        assert describe("cron", {"hour": 8, "minute": 0}) == "every day at 08:00"
        assert describe("cron", {"minute": "*/5"}) == "every 5 minutes"
        assert describe("cron", {"minute": 15}) == "every hour at minute 15"
        assert describe("interval", {"minutes": 1}) == "every minute"
    with force_locale("zh_Hans_CN"):
        assert describe("cron", {"hour": 2, "minute": 40}) == "每天 02:40"


def test_a_system_memo_reads_in_each_readers_language(ctx):
    from flask_babel import force_locale

    from core.messages import memo, shown_memo
    from flask_babel import lazy_gettext as _l
    stored = memo(_l("Transit loss on %(number)s"), number="DN-1")
    with force_locale("zh_Hans_CN"):
        zh = shown_memo(stored)
    with force_locale("en"):
        assert shown_memo(stored) == "Transit loss on DN-1"
    assert zh != "Transit loss on DN-1" and "DN-1" in zh
    assert shown_memo("客户说的 typed by a user") == "客户说的 typed by a user"


def test_each_documents_states_read_as_different_chinese_words(app, ctx):
    """Two states of one document must not look alike in Chinese (a trip "delivered" is not "shipped")."""
    from addons.dispatch.models.note import DeliveryNote
    from addons.dispatch.models.trip import Trip
    from core.db import BaseModel
    with force_locale("zh_Hans_CN"):
        assert str(Trip.STATES["delivered"]) == "已送达" and str(DeliveryNote.STATES["shipped"]) == "已发货"
        alike = {}
        for model in ctx.extensions["erp"].registry.all_models():
            states = getattr(model, "STATES", None) if issubclass(model, BaseModel) else None
            if isinstance(states, dict):
                words = [str(label) for label in states.values()]
                if len(set(words)) != len(words):
                    alike[model.__name__] = words
        assert alike == {}
