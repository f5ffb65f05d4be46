"""Log in, switch language, switch plant, and see the home page in Chinese, rendered with real glyphs."""
import os

from playwright.sync_api import expect

# Two different characters drawn with the page's font: identical pixels mean both fell back to the
# same "missing glyph" box, i.e. no CJK font rendered them.
GLYPHS_DIFFER = """() => {
  const draw = (ch) => { const c = document.createElement('canvas'); c.width = 40; c.height = 40;
    const g = c.getContext('2d'); g.font = '32px ' + getComputedStyle(document.body).fontFamily;
    g.fillText(ch, 2, 32); return c.toDataURL(); };
  return draw('销') !== draw('售') && draw('销') !== draw(' ');
}"""


def login(page, server, user="admin", password="demo1234"):
    page.goto(server + "/login")
    page.fill("#login", user)
    page.fill("#password", password)
    page.click("button[type=submit]")


def test_login_switch_language_and_plant(page, server, artifacts):
    login(page, server)
    expect(page.locator("h1")).to_contain_text("欢迎")
    expect(page.locator("#current-plant")).to_contain_text("P1")

    page.select_option("#lang-switch select", "en")
    expect(page.locator("h1")).to_contain_text("Welcome")
    expect(page.locator("nav")).to_contain_text("Administration")

    page.select_option("#plant-switch select", label="P2 华北分厂 North plant")
    expect(page.locator("#current-plant")).to_contain_text("P2")
    expect(page.locator("nav")).not_to_contain_text("Dispatch")  # P2 does not run dispatch

    page.select_option("#lang-switch select", "zh_Hans_CN")
    expect(page.locator("h1")).to_contain_text("欢迎")
    expect(page.locator("nav")).to_contain_text("系统管理")
    assert page.evaluate(GLYPHS_DIFFER), "Chinese characters are not rendered (no CJK font?)"
    page.screenshot(path=os.path.join(artifacts, "home-zh.png"), full_page=True)

    outside = [url for url in page.requests if not url.startswith(server) and not url.startswith("data:")]
    assert outside == []


def test_wrong_password_shows_the_message_in_chinese(page, server):
    login(page, server, "sales", "wrong-password")
    expect(page.locator(".alert-danger")).to_contain_text("用户名或密码错误")


def test_plant_menus_differ_per_user(page, server):
    login(page, server, "sales2")  # a sales user of the north plant, in English
    expect(page.locator("#current-plant")).to_contain_text("P2")
    expect(page.locator("nav")).to_contain_text("Sales")
    expect(page.locator("nav")).not_to_contain_text("Administration")
