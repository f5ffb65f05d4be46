"""An upgrade that brings a new permission grants it to its default roles; a permission the database
already knows stays as the administrator left it."""
from core.install import migrate
from core.models import Role, RolePermission
from core.registry import Permission


def _holds(role_code, permission):
    return (RolePermission.select().join(Role)
            .where((Role.code == role_code) & (RolePermission.permission == permission)).exists())


def test_a_new_permission_reaches_its_roles_and_a_revoked_one_stays_revoked(ctx):
    kernel = ctx.extensions["erp"]
    registry = kernel.registry
    assert _holds("manager", "statistics.read")
    # the administrator takes a default grant away; the next migration leaves it so
    RolePermission.delete().where((RolePermission.permission == "statistics.read") & (RolePermission.role == Role.get(
        Role.code == "manager").id)).execute()
    migrate(registry, kernel.database)
    assert not _holds("manager", "statistics.read")
    # an upgrade declares a permission the database has not seen: its roles get it at the next migration
    registry.permissions["statistics.forecast"] = Permission("statistics.forecast", "Forecast", "statistics",
                                                            ("manager", "leader"))
    try:
        migrate(registry, kernel.database)
        assert _holds("manager", "statistics.forecast") and _holds("leader", "statistics.forecast")
        assert not _holds("sales", "statistics.forecast")
        # known from now on: revoking it sticks too
        RolePermission.delete().where(RolePermission.permission == "statistics.forecast").execute()
        migrate(registry, kernel.database)
        assert not _holds("leader", "statistics.forecast")
    finally:
        del registry.permissions["statistics.forecast"]
