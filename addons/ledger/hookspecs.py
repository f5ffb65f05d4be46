"""Hooks the ledger declares for the addons that build on it."""
from core.hooks import hookspec


class LedgerSpecs:
    @hookspec
    def committed_amount(self, customer_id):
        """Money a customer has committed to but not yet been charged for (e.g. approved orders not yet
        shipped), as a Decimal. Credit exposure adds every implementation's answer to the balance."""

    @hookspec
    def order_contracts(self, order_ids):
        """{order id: (order number, contract amount as Decimal)} for the orders named."""

    @hookspec
    def customer_order(self, customer_id, number=None, order_id=None):
        """The id of this customer's order with that number (or that id), else None: money names an order
        of its own customer and plant, never another's."""

    @hookspec
    def entry_items(self, entry_ids):
        """{entry id: [Item]} the goods behind charges (a delivery's products with pieces, kg, price, amount
        and tax rate), for statements and invoices to print them; see ledger.items.Item."""
