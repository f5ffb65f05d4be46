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
