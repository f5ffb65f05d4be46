"""A list read page by page shows every record once: none is skipped at a page's edge."""
import re

from addons.master_data.models.customer import Customer


def test_every_customer_once_across_the_pages(ctx, demo, browser):
    plant = demo["P1"]
    Customer.insert_many([{"plant": plant.id, "code": f"LP{n:03d}", "name": f"Listed {n}"}
                          for n in range(130)]).execute()
    admin = browser("admin")
    seen, page = [], 1
    while True:
        html = admin.get(f"/master/customers?q=LP&page={page}").get_data(as_text=True)
        found = re.findall(r">(LP\d{3})<", html)
        seen.extend(found)
        if not found:
            break
        page += 1
    assert page == 4                      # 50, 50 and 30 rows, then an empty page
    assert sorted(seen) == [f"LP{n:03d}" for n in range(130)]


def test_a_whole_code_is_looked_up_and_the_rest_still_offered(ctx, demo, browser):
    plant = demo["P1"]
    Customer.insert_many([{"plant": plant.id, "code": code, "name": name} for code, name in
                          (("XQ100", "Exact"), ("XQ1000", "Longer code"), ("ZZ9", "Named after XQ100"))]).execute()
    admin = browser("admin")
    exact = admin.get("/master/customers?q=xq100").get_data(as_text=True)
    assert re.findall(r">(XQ\d+|ZZ9)<", exact) == ["XQ100"] and 'id="exact-match"' in exact
    every = admin.get("/master/customers?q=xq100&contains=1").get_data(as_text=True)
    assert sorted(re.findall(r">(XQ\d+|ZZ9)<", every)) == ["XQ100", "XQ1000", "ZZ9"]
    part = admin.get("/master/customers?q=XQ10").get_data(as_text=True)     # no such code: a search in the text
    assert sorted(re.findall(r">(XQ\d+|ZZ9)<", part)) == ["XQ100", "XQ1000", "ZZ9"] and "exact-match" not in part
