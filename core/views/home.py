
from flask import render_template

from core import clock
from core.security import current_plant, current_user_or_none, public, requires
from core.views import bp
from core.work import waiting


@bp.route("/")
@requires()
def home():
    plant = current_plant()
    work = waiting(current_user_or_none(), plant) if plant is not None else []
    return render_template("core/home.html", now=clock.utcnow(), work=work)


@bp.route("/healthz")
@public
def healthz():
    return {"status": "ok"}
