"""Scale drivers: each turns a byte stream into readings. New drivers register by name (see base.py)."""
from addons.weighing.drivers.base import DRIVERS, ParseError, Reading, create, register  # noqa: F401
from addons.weighing.drivers import mt_sics, st_gs, toledo, xk3190  # noqa: F401,E402  (they register themselves)
