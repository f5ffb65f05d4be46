from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.returns import views
    from addons.returns.models.reason import ReturnReason
    reg.models(ReturnReason)
    reg.blueprint(views.bp, url_prefix="/returns")
    reg.resource(views.REASONS)
    reg.menu("sales", _l("Return reasons"), "returns.reason_list", "returns.reason.read", 60)
