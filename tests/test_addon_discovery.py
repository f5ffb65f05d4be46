"""Discovery, manifest validation and dependency order: a bad addon stops the start, naming itself."""
import os
import sys

import pytest

from core.addons import AddonError, closure, dependents, discover, order
from core.kernel import load_registry
from tests.addon_factory import make_tree, manifest


def test_shipped_addons_are_found_in_dependency_order():
    specs = discover(entry_points=False)
    names = order(specs)
    assert {"master_data", "ledger", "sales_order", "dispatch", "weighing", "returns"} <= set(names)
    for name in names:
        for dep in specs[name].depends:
            assert names.index(dep) < names.index(name), f"{dep} must come before {name}"


def test_unknown_dependency_stops_with_both_names(tmp_path):
    folder, package = make_tree(tmp_path, {"alpha": {"manifest": manifest("alpha", ["ghost"])}})
    with pytest.raises(AddonError, match=r"'alpha' depends on unknown addon\(s\): ghost"):
        load_registry(folder, package, entry_points=False)


def test_cycle_stops_naming_the_cycle(tmp_path):
    folder, package = make_tree(tmp_path, {
        "alpha": {"manifest": manifest("alpha", ["beta"])},
        "beta": {"manifest": manifest("beta", ["gamma"])},
        "gamma": {"manifest": manifest("gamma", ["alpha"])},
    })
    with pytest.raises(AddonError, match="cycle") as err:
        load_registry(folder, package, entry_points=False)
    assert all(name in str(err.value) for name in ("alpha", "beta", "gamma"))


@pytest.mark.parametrize("text, message", [
    ("{'name': 'x', 'version': '1.0.0', 'depends': [], 'summary': 'x'", "not a plain dict literal"),
    ("__import__('os').system('true')", "not a plain dict literal"),
    ("{'name': 'x', 'version': '1.0.0', 'depends': []}", "lacks the required key 'summary'"),
    ("{'name': 'x', 'version': '1.0', 'depends': [], 'summary': 'x'}", "MAJOR.MINOR.PATCH"),
    ("{'name': 'x', 'version': '1.0.0', 'depends': 'base', 'summary': 'x'}", "'depends' must be a list"),
    ("{'name': 'x', 'version': '1.0.0', 'depends': [], 'summary': 'x', 'colour': 'red'}", "unknown manifest key 'colour'"),
    ("['not', 'a', 'dict']", "must hold a dict"),
])
def test_corrupt_manifest_is_refused_with_a_clear_message(tmp_path, text, message):
    folder, package = make_tree(tmp_path, {"broken": {"manifest": text}})
    with pytest.raises(AddonError) as err:
        discover(folder, package, entry_points=False)
    assert "'broken'" in str(err.value) and message in str(err.value)


def test_manifest_is_read_not_imported(tmp_path):
    marker = tmp_path / "imported"
    text = f"{{'name': 'x', 'version': '1.0.0', 'depends': [], 'summary': open({str(marker)!r}, 'w').name}}"
    folder, package = make_tree(tmp_path, {"sneaky": {"manifest": text}})
    with pytest.raises(AddonError):
        discover(folder, package, entry_points=False)
    assert not marker.exists()


def test_addon_without_register_is_refused(tmp_path):
    folder, package = make_tree(tmp_path, {"lazy": {"init": "X = 1\n"}})
    with pytest.raises(AddonError, match="'lazy': its __init__ has no register"):
        load_registry(folder, package, entry_points=False)


def test_closure_and_dependents():
    specs = discover(entry_points=False)
    assert closure(specs, "weighing") == {"weighing", "dispatch", "sales_order", "ledger", "master_data"}
    assert dependents(specs, "ledger") == {"sales_order", "dispatch", "weighing", "returns", "statistics", "stock_dispatch",
                                           "purchase_weighing", "crm", "price_board", "standing_order", "counter", "counter_stock", "plant_fields"}
    assert closure(specs, "stock_dispatch") == {"stock_dispatch", "stock", "dispatch", "sales_order", "ledger", "master_data"}
    assert dependents(specs, "stock") == {"stock_dispatch", "purchase", "purchase_weighing", "counter_stock"}


def test_entry_point_addon_is_discovered_and_registered(tmp_path, monkeypatch):
    # A third-party package installed with pip declares itself in the erp.addons group.
    site = tmp_path / "site"
    pkg = site / "erp_cold_store"
    pkg.mkdir(parents=True)
    (pkg / "__manifest__.py").write_text(repr(manifest("cold_store", ["master_data"])))
    (pkg / "__init__.py").write_text("CALLED = []\ndef register(reg):\n    CALLED.append(reg.addon)\n")
    dist = site / "erp_cold_store-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: erp-cold-store\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[erp.addons]\ncold_store = erp_cold_store\n")
    monkeypatch.syspath_prepend(str(site))
    registry = load_registry()
    assert registry.specs["cold_store"].source == "entry point"
    assert registry.order.index("master_data") < registry.order.index("cold_store")
    assert sys.modules["erp_cold_store"].CALLED == ["cold_store"]
    assert os.path.samefile(registry.specs["cold_store"].path, pkg)


def test_start_up_errors_are_translated(tmp_path, monkeypatch):
    folder, package = make_tree(tmp_path, {"alpha": {"manifest": manifest("alpha", ["ghost"])}})
    monkeypatch.setenv("ERP_LANG", "zh_Hans_CN")
    with pytest.raises(AddonError, match="模块 'alpha' 依赖不存在的模块：ghost"):
        load_registry(folder, package, entry_points=False)
