import datetime

from flask import render_template

from core.security import public, requires
from core.views import bp


@bp.route("/")
@requires()
def home():
    return render_template("core/home.html", now=datetime.datetime.utcnow())


@bp.route("/healthz")
@public
def healthz():
    return {"status": "ok"}
