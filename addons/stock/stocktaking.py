"""Stocktaking: a count sheet of one warehouse made from its levels, counts entered on the screen or from
the sheet filled in and uploaded, and the differences posted as moves with their reasons."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from peewee import JOIN

from addons.master_data.models.product import Product
from addons.stock import moves
from addons.stock.excel import sheet_rows
from addons.stock.lots import lot_by_code
from addons.stock.models.count import StockCount, StockCountLine
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core import audit, clock, context, numbering
from core.db import insert_rows, lock_get, transaction
from core.errors import UserError
from core.excel.cells import Integer, Number, Text
from core.excel.spec import Column, ImportSpec
from core.excel.xlsx import Book
from core.numbers import read_decimal

ZERO = Decimal("0")
SHEET = ImportSpec("stock_count", StockCountLine, [
    Column("seq", "Line", "行号", Integer(minimum=1), required=True),
    Column("product_code", "Product code", "产品编码", Text(40)),
    Column("product_name", "Product", "产品", Text(200)),
    Column("lot", "Lot", "批次", Text(40)),
    Column("expected_quantity", "Book quantity", "账面数量", Number(3)),
    Column("expected_weight", "Book weight (kg)", "账面重量(kg)", Number(3)),
    Column("counted_quantity", "Counted quantity", "实盘数量", Number(3, minimum=0)),
    Column("counted_weight", "Counted weight (kg)", "实盘重量(kg)", Number(3, minimum=0)),
    Column("reason", "Reason", "差异原因", Text(200)),
], key=("seq",), title="Count sheet", permission="stock.count")


def start(plant, warehouse_id) -> StockCount:
    """A new count of the warehouse, its lines the warehouse's levels as they stand now."""
    warehouse = Warehouse.get_or_none((Warehouse.id == warehouse_id) & (Warehouse.plant == plant.id))
    if warehouse is None:
        raise UserError(_("Choose a warehouse of this plant."), field="warehouse")
    user = context.current().user
    with transaction():
        day = clock.plant_today(plant)
        count = StockCount.create(plant=plant.id, number=numbering.next_number(plant, "SC", day), warehouse=warehouse,
                                  day=day, created_by=user)
        levels = (StockLevel.select(StockLevel).join(Product).where(
            (StockLevel.warehouse == warehouse.id) & ((StockLevel.quantity != 0) | (StockLevel.weight != 0)))
            .order_by(Product.code, StockLevel.lot_key))
        insert_rows(StockCountLine, [{"count": count.id, "seq": n, "product": lv.product_id, "lot": lv.lot_id,
                                      "expected_quantity": lv.quantity, "expected_weight": lv.weight}
                                     for n, lv in enumerate(levels, 1)])
        audit.log("create", StockCount._meta.table_name, count.id, plant=plant.id,
                  new={"number": count.number, "warehouse": warehouse.code})
    return count


def _open(count_id) -> StockCount:
    count = lock_get(StockCount, count_id)
    if count.state != "draft":
        raise UserError(_("Count %(number)s is %(state)s: it can no longer change.", number=count.number,
                          state=str(StockCount.STATES[count.state])))
    return count


def add_line(count_id, product_id, lot_code="") -> StockCountLine:
    """Goods found that the books do not hold here: a line expecting nothing."""
    with transaction():
        count = _open(count_id)
        product = Product.get_or_none((Product.id == product_id) & (Product.plant == count.plant_id))
        if product is None:
            raise UserError(_("Choose a product of this plant."), field="product")
        lot = lot_by_code(count.plant_id, lot_code) if (lot_code or "").strip() else None
        clash = StockCountLine.select().where((StockCountLine.count == count.id) & (StockCountLine.product == product.id)
                                              & (StockCountLine.lot == lot.id if lot else StockCountLine.lot.is_null()))
        if clash.exists():
            raise UserError(_("This product and lot already have a line on the count."), field="product")
        last = StockCountLine.select().where(StockCountLine.count == count.id).count()
        return StockCountLine.create(count=count.id, seq=last + 1, product=product, lot=lot, expected_quantity=ZERO,
                                     expected_weight=ZERO)


def record(count_id, entries: dict) -> int:
    """`entries`: {line seq: (counted quantity, counted kg, reason)} as typed; blank leaves a line uncounted.
    Every entry is checked before any is written; a wrong one names its line."""
    with transaction():
        count = _open(count_id)
        lines = {line.seq: line for line in StockCountLine.select().where(StockCountLine.count == count.id)}
        changed = []
        for seq, (qty, kg, reason) in sorted(entries.items()):
            line = lines.get(seq)
            if line is None:
                raise UserError(_("Line %(n)d is not on count %(number)s.", n=seq, number=count.number), field="seq")
            qty, kg = _reading(qty, seq, _("Counted quantity")), _reading(kg, seq, _("Counted weight (kg)"))
            if (qty is None) != (kg is None):
                raise UserError(_("Line %(n)d: give the counted quantity and weight both.", n=seq), field="counted")
            line.counted_quantity, line.counted_weight, line.reason = qty, kg, (reason or "").strip()[:200]
            changed.append(line)
        for line in changed:
            line.save(only=[StockCountLine.counted_quantity, StockCountLine.counted_weight, StockCountLine.reason])
        audit.log("count", StockCount._meta.table_name, count.id, plant=count.plant_id,
                  new={"lines": {line.seq: [line.counted_quantity, line.counted_weight] for line in changed}})
    return len(changed)


def _reading(raw, seq, label):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = raw if isinstance(raw, Decimal) else read_decimal(str(raw).strip(), 3)
    except ValueError as exc:
        raise UserError(_("Line %(n)d, %(field)s: %(problem)s", n=seq, field=label, problem=str(exc)),
                        field="counted") from None
    if value < 0:
        raise UserError(_("Line %(n)d, %(field)s: cannot be negative.", n=seq, field=label), field="counted")
    return value


def sheet(count) -> bytes:
    """The count sheet to print or fill in: the books, and empty columns for what is found."""
    book = Book()
    page = book.sheet(count.number)
    page.append([c.header(_locale()) for c in SHEET.columns], bold=True)
    for line, product, lot in lines_of(count):
        page.append([line.seq, product.code, product.name, lot.number if lot else "", line.expected_quantity,
                     line.expected_weight, line.counted_quantity, line.counted_weight, line.reason])
    return book.to_bytes()


def _locale() -> str:
    from core.i18n import select_locale
    return str(select_locale())


def lines_of(count):
    query = (StockCountLine.select(StockCountLine, Product, Lot).join(Product).switch(StockCountLine)
             .join(Lot, JOIN.LEFT_OUTER).where(StockCountLine.count == count.id).order_by(StockCountLine.seq))
    return [(line, line.product, line.lot if line.lot_id else None) for line in query]


def read_back(count_id, source) -> int:
    """The sheet filled in and uploaded: its counted columns recorded, each row's problem named by its row."""
    entries = {values["seq"]: (values["counted_quantity"], values["counted_weight"], values["reason"] or "")
               for _row, values in sheet_rows(source, SHEET, _locale(),
                                              fields={"seq", "counted_quantity", "counted_weight", "reason"})}
    return record(count_id, entries)


def post(count_id) -> StockCount:
    """Every counted line that differs from the books becomes a stocktaking move of the difference."""
    with transaction():
        count = _open(count_id)
        counted = [line for line, _p, _l in lines_of(count) if line.counted_quantity is not None]
        if not counted:
            raise UserError(_("Nothing has been counted on %(number)s yet.", number=count.number))
        items = []
        for line in counted:
            dq, dk = line.counted_quantity - line.expected_quantity, line.counted_weight - line.expected_weight
            if dq or dk:
                items.append((line, moves.Item(count.warehouse_id, line.product_id, line.lot_id, dq, dk, source_id=line.id)))
        by_reason: dict = {}
        for line, item in items:
            by_reason.setdefault(line.reason or _("Stocktaking difference"), []).append(item)
        for reason, group in by_reason.items():
            moves.post(count.plant_id, "count", group, reference=count.number,
                       source_model=StockCountLine._meta.table_name, reason=reason)
        count.posted_at = clock.utcnow()
        count.save(only=[StockCount.posted_at])
        count.mark_posted()
    return count
