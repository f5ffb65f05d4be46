"""No input makes a server error: every screen (GET with hostile query strings, POST with hostile form
values), every API operation (hostile query strings, ids and JSON bodies), as the administrator of the
full demo. Each class of value once failed somewhere with a 500: a NUL byte (PostgreSQL), numbers too
large or too precise for their column, ids beyond 64 bits, impossible calendar input, a search on a
joined column."""
import re

import pytest

from core.api import tokens
from core.models import User

# one value of each class (a second of the same class found nothing the first did not)
HOSTILE = {"nul": "a\x00b", "nines": "9" * 30, "tiny": "0.0000001", "month13": "2026-13", "year1": "0001-01-01"}
HUGE_ID = "99999999999999999999"
QUERY = ["page", "q", "month", "first", "last", "day", "as_of", "start", "end", "by", "period", "top", "customer",
         "sort", "dir", "state", "limit", "after", "basis", "note", "station", "record_id", "open"]
JSON_VALUES = ["a\x00b", "1e400", "9" * 30, "0.0000001", "2026-13-01", "0001-01-01", -1, 10**30, 1.5, None, [], {},
               "x" * 3000]


@pytest.fixture
def full_demo(ctx):
    from core.demo import load_demo
    load_demo(ctx.extensions["erp"].registry)
    User.update(lang="en").execute()


def _concrete(rule, value="1"):
    path = re.sub(r"<int:[^>]+>", value, rule)
    return re.sub(r"<[^>]+>", "approve", path)


def _status(call):
    try:
        return call().status_code
    except Exception as exc:          # the test client raises what the app did not handle
        return f"{type(exc).__name__}: {exc}"[:200]


def test_no_screen_answers_500(app, full_demo, browser):
    admin = browser("admin")
    failures = []
    for rule in app.url_map.iter_rules():
        if "static" in rule.endpoint or rule.rule.startswith("/api/"):
            continue
        if "GET" in rule.methods:
            for name, value in HOSTILE.items():
                url = _concrete(rule.rule) + "?" + "&".join(f"{p}={value}" for p in QUERY)
                code = _status(lambda: admin.get(url))
                if not isinstance(code, int) or code >= 500:
                    failures.append(("GET", rule.rule, name, code))
            if rule.arguments:
                code = _status(lambda: admin.get(_concrete(rule.rule, HUGE_ID)))
                if not isinstance(code, int) or code >= 500:
                    failures.append(("GET", rule.rule, "huge id", code))
        if "POST" in rule.methods and not rule.rule.startswith(("/login", "/logout")):
            page = admin.get(_concrete(rule.rule)) if "GET" in rule.methods else None
            names = set(re.findall(r'name="([\w-]+)"', page.get_data(as_text=True))) if page is not None else set()
            names = (names - {"csrf_token"}) | {"amount", "quantity", "gross", "day", "date", "customer", "comment",
                                                "reason", "station", "line", "month", "price", "order", "entry"}
            for name, value in HOSTILE.items():
                code = _status(lambda: admin.post(_concrete(rule.rule), {n: value for n in names}))
                if not isinstance(code, int) or code >= 500:
                    failures.append(("POST", rule.rule, name, code))
    assert failures == []


def test_no_api_operation_answers_500(app, full_demo):
    token = tokens.issue(User.get(User.login == "admin"), "sweep")
    client = app.test_client()
    head = {"Authorization": f"Bearer {token}", "X-Plant": "P1"}

    def call(method, url, **kw):
        with app.app_context():
            return client.open(url, method=method, headers=head, **kw)
    doc = call("GET", "/api/v1/openapi.json").get_json()
    failures = []
    for path, operations in doc["paths"].items():
        url = "/api/v1" + re.sub(r"\{[^}]+\}", "1", path)
        for method, operation in operations.items():
            if method == "get":
                for query in ["q=x", "q=a%00b", "limit=99999999999999999999", "limit=-1", "after=zzz",
                              "after=99999999999999999999"]:
                    code = _status(lambda: call("GET", f"{url}?{query}"))
                    if not isinstance(code, int) or code >= 500:
                        failures.append((method, path, query, code))
                huge = "/api/v1" + re.sub(r"\{[^}]+\}", HUGE_ID, path)
                code = _status(lambda: call("GET", huge))
                if not isinstance(code, int) or code >= 500:
                    failures.append((method, path, "huge id", code))
            if method in ("post", "patch"):
                schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
                if "$ref" in schema:
                    schema = doc["components"]["schemas"][schema["$ref"].split("/")[-1]]
                for field in list(schema.get("properties", {})) or ["x"]:
                    for value in JSON_VALUES:
                        code = _status(lambda: call(method.upper(), url, json={field: value}))
                        if not isinstance(code, int) or code >= 500:
                            failures.append((method, path, field, repr(value)[:20], code))
                code = _status(lambda: call(method.upper(), url, data="{not json", content_type="application/json"))
                if not isinstance(code, int) or code >= 500:
                    failures.append((method, path, "bad json", code))
    assert failures == []


def test_bad_input_is_named_in_the_readers_words(full_demo, browser):
    finance = browser("finance")
    refused = finance.get("/ledger/ageing?as_of=2026-13-01")
    assert refused.status_code == 400 and "as_of: 2026-13-01 is not a date" in refused.get_data(as_text=True)
    refused = finance.get("/statistics/targets?month=2026-13")
    assert refused.status_code in (400, 403)
    leader = browser("leader")
    refused = leader.get("/statistics/customers?month=0000-01")
    assert refused.status_code == 400 and "outside the years 1900 to 2999" in refused.get_data(as_text=True)
    nul = leader.get("/sales/orders?q=a%00b")
    assert nul.status_code in (400, 403)
    assert leader.get("/dispatch/notes/99999999999999999999").status_code == 404
    assert leader.get("/sales/orders?page=99999999999999999999").status_code in (200, 403)
