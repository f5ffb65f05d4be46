from flask import Blueprint, render_template
from peewee import JOIN, fn

from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.customer import Customer
from core.security import current_plant, requires

bp = Blueprint("ledger", __name__, template_folder="templates")


@bp.route("/balances")
@requires("ledger.account_entry.read")
def balances():
    """Balance per customer, summed in the database (exact: amounts are stored in fen)."""
    plant = current_plant()
    balance = fn.COALESCE(fn.SUM(AccountEntry.amount), 0)
    rows = (Customer.select(Customer.id, Customer.code, Customer.name, Customer.credit_limit,
                            balance.alias("balance"))
            .join(AccountEntry, join_type=JOIN.LEFT_OUTER, on=(AccountEntry.customer == Customer.id))
            .where(Customer.plant == plant.id)
            .group_by(Customer.id, Customer.code, Customer.name, Customer.credit_limit)
            .order_by(Customer.code).limit(500))
    data = [{"code": r.code, "name": r.name, "credit_limit": r.credit_limit,
             "balance": AccountEntry.amount.python_value(r.balance)} for r in rows]
    return render_template("ledger/balances.html", rows=data)
