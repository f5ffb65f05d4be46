"""Only what a user can do is offered: walking every link of the full demo as each role, from the home page,
no link answers 403 (or fails), and no form posts to a route whose permission the user lacks."""
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from flask import current_app

from core.models import Plant, User
from core.security import may

ROLES = ["admin", "sales", "scheduler", "shipper", "finance", "manager", "leader", "storekeeper", "buyer", "cashier", "customer"]
PAGES = 160           # per role: enough to reach every menu and the records the home page and lists link
SKIP = ("/static/", "/bootstrap/", "/logout", "/lang/")


@pytest.fixture
def full_demo(ctx):
    from core.demo import load_demo
    load_demo(ctx.extensions["erp"].registry)
    User.update(lang="en").execute()


def _links(html):
    hrefs = [unescape(h) for h in re.findall(r'href="([^"#][^"]*)"', html)]
    forms = [unescape(a) for a in re.findall(r'<form[^>]*method="post"[^>]*action="([^"]+)"', html, flags=re.I)]
    forms += [unescape(a) for a in re.findall(r'<form[^>]*action="([^"]+)"[^>]*method="post"', html, flags=re.I)]
    buttons = [unescape(a) for a in re.findall(r'formaction="([^"]+)"', html)]
    return hrefs, forms + buttons


def _guard(path, method):
    adapter = current_app.url_map.bind("localhost")
    try:
        endpoint, _args = adapter.match(path, method=method)
    except Exception:
        return ("none", None)
    return getattr(current_app.view_functions[endpoint], "erp_guard", ("none", None))


@pytest.mark.parametrize("login", ROLES)
def test_no_offered_link_or_form_is_refused(app, full_demo, browser, login):
    client = browser(login)
    user, plant = User.get(User.login == login), Plant.get(Plant.code == "P1")
    seen, queue, refused = set(), [("/", "")], []
    while queue and len(seen) < PAGES:
        url, linked_from = queue.pop(0)
        key = urlsplit(url).path + ("?" + urlsplit(url).query if "export" in url else "")
        if key in seen:
            continue
        seen.add(key)
        answer = client.get(url)
        if answer.status_code in (403,) or answer.status_code >= 500:
            refused.append((f"{url} (linked from {linked_from})", answer.status_code))
            continue
        if answer.mimetype != "text/html":
            continue
        hrefs, actions = _links(answer.get_data(as_text=True))
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
                continue
            queue.append((href, url))
        for action in actions:
            kind, permission = _guard(urlsplit(action).path, "POST")
            if kind == "permission" and permission and not may(user, permission, plant.id):
                refused.append((f"form on {url} → {action}", permission))
    assert refused == [], "\n".join(map(str, refused))
