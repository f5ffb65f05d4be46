"""What dispatch tells the addons below it: the goods behind the ledger's shipment charges."""
from __future__ import annotations

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.items import Item
from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.product import Product
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.line import OrderLine
from core.hooks import hookimpl


@hookimpl
def entry_items(entry_ids):
    """A shipment charge is one order's lines on one note: those lines, as billed."""
    entries = list(AccountEntry.select(AccountEntry.id, AccountEntry.source_id, AccountEntry.order_id).where(
        AccountEntry.id.in_(entry_ids) & (AccountEntry.source_model == DeliveryNote._meta.table_name)))
    if not entries:
        return {}
    units = units_by_id()
    lines: dict = {}
    for line in (DeliveryLine.select(DeliveryLine, Product, OrderLine).join(Product).switch(DeliveryLine)
                 .join(OrderLine).where(DeliveryLine.note.in_({e.source_id for e in entries}))
                 .order_by(DeliveryLine.seq)):
        lines.setdefault((line.note_id, line.order_line.order_id), []).append(line)
    return {e.id: [Item(f"{x.product.code} {x.product.name}", x.shipped_quantity, units[x.product.selling_unit_id].name,
                        x.shipped_weight, x.unit_price, units[x.product.pricing_unit_id].name, x.amount,
                        x.product.tax_rate_pct)
                   for x in lines.get((e.source_id, e.order_id), [])] for e in entries}
