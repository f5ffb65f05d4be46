"""Demo accounts: a few months of shipments and receipts, so ageing and statements have something to show."""
import datetime
from decimal import Decimal

from addons.ledger.invoicing import issue
from addons.ledger.posting import post
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core import clock
from core.context import acting_as


def load(plants):
    for plant in plants:
        today = clock.plant_today(plant)
        with acting_as(None, plant):
            for n, customer in enumerate(Customer.select().where(Customer.plant == plant).order_by(Customer.code)):
                shipped = []
                for k in range(6):
                    when = today - datetime.timedelta(days=20 * k + 3 * n)
                    amount = Decimal(1800 + 350 * n + 125 * k) + Decimal("0.40")
                    shipped.append(post(customer, "shipment", amount, date=when, reference=f"DN-DEMO-{n}-{k}"))
                issue(customer, [e.id for e in shipped[2:]], plant=plant, date=today - datetime.timedelta(days=10))
                paid = sum((e.amount for e in shipped[3:]), Decimal("0")) - (Decimal(500) if n % 2 else 0)
                record_receipt(customer, paid, plant=plant, date=today - datetime.timedelta(days=5),
                               method="transfer" if n % 3 else "draft", reference=f"BANK-{n:04d}")
