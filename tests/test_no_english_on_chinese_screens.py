"""No English left on a Chinese screen: every page of the full demo, as the administrator reading Chinese, is
searched for the product's own English strings (the catalog's messages of two words or more). Names the data
carries ("Demo Meat Group", "Hind leg") are not messages, so they do not count."""
import html
import os
import re

from babel.messages.pofile import read_po

from core.models import User

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# words that read the same in a Chinese screen: units, file formats, currency and code names
ALLOWED = {"PDF", "Excel", "API", "kg", "ASF"}


def _messages() -> list[str]:
    with open(os.path.join(PROJECT, "i18n", "messages.pot"), "rb") as handle:
        catalog = read_po(handle)
    found = set()
    for message in catalog:
        text = message.id if isinstance(message.id, str) else message.id[0]
        text = re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", text or "")      # the parts between placeholders
        for part in text:
            part = part.strip(" .:,;·()")
            if len(part.split()) >= 2 and re.search(r"[A-Za-z]{3}", part) and part not in ALLOWED:
                found.add(part)
    return sorted(found, key=len, reverse=True)


def _visible(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<option[^>]*>[^<]*</option>", " ", page)     # data choices (products, customers) are names
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_no_english_message_on_a_chinese_screen(app, browser, ctx):
    from core.demo import load_demo
    load_demo(ctx.extensions["erp"].registry)
    User.update(lang="zh_Hans_CN").execute()
    admin = browser("admin")
    messages = _messages()
    leaks = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or "static" in rule.endpoint or rule.rule.startswith(("/api/", "/healthz")):
            continue
        url = re.sub(r"<int:[^>]+>", "1", rule.rule)
        if "<" in url:
            continue
        response = admin.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        text = " ".join(_visible(response.get_data(as_text=True)).split())
        found = [m for m in messages if m in text]
        if found:
            leaks[url] = found[:5]
    assert leaks == {}, "\n".join(f"{u}: {m}" for u, m in leaks.items())


def test_the_login_page_asks_in_the_readers_language(app):     # no shared app context: one per request
    for language, words in (("zh-CN,zh;q=0.9", "请登录后再打开此页面"), ("en", "Please log in to open this page")):
        client = app.test_client()
        asked = client.get("/sales/orders", headers={"Accept-Language": language})
        login = client.get(asked.headers["Location"], headers={"Accept-Language": language})
        assert words in login.get_data(as_text=True)
