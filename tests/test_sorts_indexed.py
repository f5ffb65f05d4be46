"""Every sort a list offers has an index to read it in order (led by the column, or by the plant and the column),
so a sorted page of a list of a million rows costs a page, not a sort of the million. Lists of the plant's
settings, which stay small by nature, are the exception and are named here."""
import re
from html import unescape

from core.db import db

# Tables that hold a plant's configuration rather than its business: tens of rows, never millions.
SMALL = {"master_data_unit", "master_data_region", "master_data_dictionary_entry", "master_data_category",
         "master_data_price_list", "dispatch_vehicle", "dispatch_container_type", "stock_warehouse",
         "plant_fields_field", "returns_reason", "weighing_station", "crm_commission_rule", "ledger_milestone"}


def _indexed(table):
    leads = {"id"}
    for index in db.get_indexes(table):
        columns = list(index.columns)
        if columns:
            leads.add(columns[0])
            if columns[0] == "plant_id" and len(columns) > 1:
                leads.add(columns[1])
    return leads


def test_every_offered_sort_reads_an_index(ctx, browser):
    from core.demo import load_demo
    load_demo(ctx.extensions["erp"].registry)
    admin = browser("admin")
    home = admin.get("/").get_data(as_text=True)
    menu = sorted({unescape(h) for h in re.findall(r'class="dropdown-item[^"]*" href="(/[^"?#]*)"', home)})
    assert len(menu) > 40
    missing, checked = [], 0
    for path in menu:
        html = admin.get(path).get_data(as_text=True)
        table = re.search(r'data-model="([a-z_]+)"', html)
        if not table or table.group(1) in SMALL:
            continue
        fields = {f.name: f.column_name for f in _model(table.group(1))._meta.sorted_fields}
        for name in set(re.findall(r"[?&amp;]sort=([a-z_]+)", html)):
            checked += 1
            if fields.get(name, name) not in _indexed(table.group(1)):
                missing.append(f"{path}: {table.group(1)}.{name}")
    assert checked > 30
    assert not missing, "sorted without an index: " + ", ".join(missing)


def _model(table):
    from core.kernel import current_kernel
    for model in current_kernel().registry.all_models():
        if model._meta.table_name == table:
            return model
    raise LookupError(table)
