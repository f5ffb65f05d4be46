"""The kernel's screens: one blueprint, one module per screen group."""
from flask import Blueprint

bp = Blueprint("core", __name__, template_folder="../templates")
# its screens, one module each, are declared with reg.routes in core/registration.py
