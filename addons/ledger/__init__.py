from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.ledger import views
    from addons.ledger.models.entry import AccountEntry
    reg.models(AccountEntry)
    reg.blueprint(views.bp, url_prefix="/ledger")
    reg.menu("finance", _l("Customer balances"), "ledger.balances", "ledger.account_entry.read", 10)
