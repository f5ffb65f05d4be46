"""What tests/test_kill_nine.py kills: a process doing one kind of business work as fast as it can, each
step in its own transaction, until it is killed with SIGKILL. Run as `python -m tests.kill_target WHAT`
with ERP_DATABASE_URL set; prints "ready" once it has started working."""
import os
import sys

from core.app import create_app
from core.context import acting_as
from core.db import db
from core.models import Plant, User


def main(what):
    app = create_app({"SECRET_KEY": "kill", "ERP_DATABASE_URL": os.environ["ERP_DATABASE_URL"],
                      "ERP_ENTRY_POINTS": False})
    with app.app_context():
        p1 = Plant.get(Plant.code == "P1")
        print("ready", flush=True)
        if what == "ship":
            from addons.dispatch import shipping
            from addons.dispatch.models.note import DeliveryNote
            with acting_as(User.get(User.login == "shipper"), p1):
                for note in list(DeliveryNote.select().where(DeliveryNote.state == "loading").order_by(DeliveryNote.id)):
                    shipping.ship(note.id)
        elif what == "approve":
            from addons.sales_order.models.order import Order
            with acting_as(User.get(User.login == "manager"), p1):
                for order in list(Order.select().where(Order.state == "submitted").order_by(Order.id)):
                    order.approve()
        elif what == "import":
            from addons.master_data.excel import CUSTOMERS
            from core.excel.importer import run_import
            with acting_as(User.get(User.login == "manager"), p1):
                run_import(CUSTOMERS, sys.argv[2], p1, dry_run=False)
        db.close()
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
