
from flask import render_template

from core import clock
from core.security import public, requires
from core.views import bp


@bp.route("/")
@requires()
def home():
    return render_template("core/home.html", now=clock.utcnow())


@bp.route("/healthz")
@public
def healthz():
    return {"status": "ok"}
