"""What the kernel itself declares, through the same registrar addons use."""
from flask_babel import lazy_gettext as _l

# The kernel knows one role and one menu section, its own; the business roles (sales, scheduler, ...) and
# sections are declared by the addons that bring them (master_data, sales_order, ledger, dispatch, ...).


def register_core(reg):
    from core.models import CORE_MODELS
    from core.api.views import bp as api_bp
    from core.views import (account, admin_plants, admin_roles, admin_users, audit_log, auth, bp, excel, home,
                            inbox, jobs)
    reg.models(*CORE_MODELS)
    reg.blueprint(bp)
    reg.routes(bp, account, admin_plants, admin_roles, admin_users, audit_log, auth, excel, home, inbox, jobs)
    reg.blueprint(api_bp)
    reg.role("admin", _l("Administrator"))
    reg.section("admin", _l("Administration"), 90)
    reg.permission("core.admin.users", _l("Manage users"), roles=["admin"])
    reg.permission("core.admin.roles", _l("Manage roles and permissions"), roles=["admin"])
    reg.permission("core.admin.plants", _l("Manage plants and their modules"), roles=["admin"])
    reg.permission("core.audit.read", _l("Read the audit log"), roles=["admin", "manager"])
    reg.menu("admin", _l("Users"), "core.user_list", "core.admin.users", 10)
    reg.menu("admin", _l("Roles"), "core.role_list", "core.admin.roles", 20)
    reg.menu("admin", _l("Plants and modules"), "core.plant_list", "core.admin.plants", 30)
    reg.menu("admin", _l("Company particulars"), "core.company_form", "core.admin.plants", 35)
    reg.menu("admin", _l("Audit log"), "core.audit_list", "core.audit.read", 40)
    reg.permission("core.jobs.read", _l("See scheduled jobs and their history"), roles=["admin"])
    reg.permission("core.jobs.run", _l("Run a scheduled job now"), roles=["admin"])
    reg.menu("admin", _l("Scheduled jobs"), "core.job_list", "core.jobs.read", 50)
    from core.notify import send_outbox
    reg.job("core.mail_outbox", send_outbox, "interval", per_plant=False, minutes=1)
