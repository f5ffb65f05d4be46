"""The kernel's screens: one blueprint, one module per screen group."""
from flask import Blueprint

bp = Blueprint("core", __name__, template_folder="../templates")

from core.views import (account, admin_plants, admin_roles, admin_users, audit_log, auth, excel, home,  # noqa: E402,F401
                        inbox, jobs)
