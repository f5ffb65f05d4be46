"""Per-plant enabling: dependencies follow, needed addons stay, disabled addons vanish for that plant only."""
import pytest

from core import plants
from core.errors import UserError
from core.hooks import Hooks, hookimpl, hookspec, make_manager
from core.models import AuditLog, PlantAddon


def test_enabling_pulls_in_dependencies_in_order(ctx, demo):
    registry = ctx.extensions["erp"].registry
    p2 = demo["P2"]
    assert "dispatch" not in plants.enabled_addons(p2.id)
    added = plants.enable(registry, p2, "weighing")
    assert added == ["dispatch", "weighing"]
    assert {"dispatch", "weighing"} <= plants.enabled_addons(p2.id)


def test_disabling_a_needed_addon_is_refused_and_changes_nothing(ctx, demo):
    registry = ctx.extensions["erp"].registry
    before = PlantAddon.select().count()
    with pytest.raises(UserError, match="sales_order"):
        plants.disable(registry, demo["P2"], "ledger")
    assert PlantAddon.select().count() == before


def test_unknown_addon_is_a_clear_error(ctx, demo):
    with pytest.raises(UserError, match="no addon named cheese"):
        plants.enable(ctx.extensions["erp"].registry, demo["P1"], "cheese")


def test_disabled_addon_answers_404_for_that_plant_only(browser, ctx, demo):
    registry = ctx.extensions["erp"].registry
    admin = browser("admin")
    assert admin.get("/weighing/stations").status_code == 200
    for first in ("purchase_weighing", "counter_stock", "counter"):     # they need weighing: they go first
        plants.disable(registry, demo["P1"], first)
    plants.disable(registry, demo["P1"], "weighing")
    assert admin.get("/weighing/stations").status_code == 404
    assert "/weighing/stations" not in admin.get("/").get_data(as_text=True)
    plants.enable(registry, demo["P2"], "weighing")
    admin.post("/plant", {"plant_id": demo["P2"].id})
    assert admin.get("/weighing/stations").status_code == 200
    assert "/weighing/stations" in admin.get("/").get_data(as_text=True)


def test_admin_screen_enables_and_refuses(browser, ctx, demo):
    admin = browser("admin")
    p2 = demo["P2"]
    page = admin.get(f"/admin/plants/{p2.id}/addons").get_data(as_text=True)
    assert 'data-addon="returns"' in page
    response = admin.post(f"/admin/plants/{p2.id}/addons/returns/enable", follow_redirects=True)
    assert "dispatch" in response.get_data(as_text=True)  # says which dependencies came along
    assert "returns" in plants.enabled_addons(p2.id)
    plants.forget_cache()
    response = admin.post(f"/admin/plants/{p2.id}/addons/dispatch/disable", follow_redirects=True)
    assert "dispatch" in plants.enabled_addons(p2.id)
    assert "returns" in response.get_data(as_text=True)
    assert AuditLog.select().where(AuditLog.action == "enable").count() >= 1


def test_plant_admin_screen_needs_the_permission(browser, demo):
    assert browser("sales").get(f"/admin/plants/{demo['P1'].id}/addons").status_code == 403
    assert browser("sales").post(f"/admin/plants/{demo['P1'].id}/addons/weighing/disable").status_code == 403


class Specs:
    @hookspec
    def plant_event(self, plant_code):
        """Test hook."""


class DispatchImpl:
    calls = []

    @hookimpl
    def plant_event(self, plant_code):
        self.calls.append(("dispatch", plant_code))
        return "dispatch"


class LedgerImpl:
    @hookimpl
    def plant_event(self, plant_code):
        return "ledger"


def test_hooks_of_disabled_addons_are_not_called_for_that_plant(ctx, demo):
    registry = ctx.extensions["erp"].registry
    registry.hookspecs.append(Specs)
    registry.hook_impls += [("dispatch", DispatchImpl()), ("ledger", LedgerImpl())]
    try:
        hooks = Hooks(make_manager(registry), registry)
        assert sorted(hooks.call("plant_event", demo["P1"], plant_code="P1")) == ["dispatch", "ledger"]
        assert hooks.call("plant_event", demo["P2"], plant_code="P2") == ["ledger"]
    finally:
        registry.hookspecs.remove(Specs)
        del registry.hook_impls[-2:]


def test_jobs_run_once_per_plant_that_enables_the_addon(ctx, demo):
    from core.jobs import run_job
    from core.models import JobRun
    registry = ctx.extensions["erp"].registry
    seen = []
    registry.for_addon("dispatch").job("test.per_plant", lambda plant: seen.append(plant.code), "interval", minutes=5)
    try:
        runs = run_job(ctx, "test.per_plant")
    finally:
        del registry.jobs["test.per_plant"]
    assert seen == ["P1"]  # P2 does not run dispatch
    assert [r.ok for r in runs] == [True]
    assert JobRun.select().where(JobRun.job_id == "test.per_plant").count() == 1


def test_a_claimed_job_is_skipped_by_a_second_runner(ctx, demo):
    from core.jobs import OWNER, claim, release, run_job
    registry = ctx.extensions["erp"].registry
    seen = []
    registry.for_addon("ledger").job("test.locked", lambda plant: seen.append(plant.code), "interval", minutes=5)
    try:
        assert claim("test.locked")
        (skipped,) = run_job(ctx, "test.locked")
        assert (skipped.reason, skipped.owner) == ("running", OWNER) and skipped.since is not None
        release("test.locked")
        assert len(run_job(ctx, "test.locked")) == 2
    finally:
        del registry.jobs["test.locked"]
    assert seen == ["P1", "P2"]


def test_a_failing_job_is_recorded_and_other_plants_still_run(ctx, demo):
    from core.jobs import run_job
    registry = ctx.extensions["erp"].registry

    def flaky(plant):
        if plant.code == "P1":
            raise RuntimeError("scale offline")
        return "fine"
    registry.for_addon("ledger").job("test.flaky", flaky, "interval", minutes=5)
    try:
        runs = run_job(ctx, "test.flaky")
    finally:
        del registry.jobs["test.flaky"]
    assert [(r.plant.code, r.ok) for r in runs] == [("P1", False), ("P2", True)]
    assert "scale offline" in runs[0].error


def test_an_administrator_adds_a_plant_and_a_role_on_the_screens(browser, ctx, demo):
    from core.models import Plant, Role, RolePermission
    admin = browser("admin")
    made = admin.post("/admin/plants/new", {"code": "P3", "name": "西南分厂 South-west", "timezone": "Asia/Shanghai",
                                            "doc_prefix": "", "active": "y"})
    assert made.status_code == 302
    p3 = Plant.get(Plant.code == "P3")
    assert p3.company_id == demo["P1"].company_id
    assert AuditLog.select().where((AuditLog.action == "create") & (AuditLog.model == "core_plant")
                                   & (AuditLog.record_id == p3.id)).exists()
    made = admin.post("/admin/roles/new", {"code": "auditor", "name": "Auditor",
                                           "permissions": ["core.audit.read"]})
    assert made.status_code == 302
    role = Role.get(Role.code == "auditor")
    assert [r.permission for r in RolePermission.select().where(RolePermission.role == role)] == ["core.audit.read"]
    assert AuditLog.select().where((AuditLog.model == "core_role") & (AuditLog.record_id == role.id)).exists()
