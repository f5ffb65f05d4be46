"""Choosing a record in a picker (core.picker) as a user does: type, then click the suggestion."""
from playwright.sync_api import expect


def pick(page, name, typed, label):
    box = page.locator(f".erp-pick:has(input[name='{name}'])")
    box.locator("[data-pick-text]").fill("")
    box.locator("[data-pick-text]").press_sequentially(typed)
    choice = box.locator(".erp-pick-menu button", has_text=label)
    expect(choice).to_be_visible()
    choice.click()
    expect(box.locator("[data-pick-text]")).to_have_value(label)
    expect(box.locator("[data-pick-id]")).not_to_have_value("")
