"""Lots in and out of Excel (the importer upserts them by number), and the opening stock from a workbook:
each row one product of one lot in one warehouse, every row checked before any is posted."""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.product import Product
from addons.stock import moves
from addons.stock.models.lot import KINDS, Lot
from addons.stock.models.warehouse import KINDS as WAREHOUSE_KINDS
from addons.stock.models.warehouse import Warehouse
from core.errors import UserError
from core.excel.cells import Boolean, CellError, Choice, Code, Date, Integer, Number, Text, is_blank
from core.excel.reader import read_sheet
from core.excel.spec import Column, ImportSpec
from core.excel.xlsx import Book


def _expiry(values):
    if not values.get("expires_on") and values.get("shelf_life_days") and values.get("day"):
        values["expires_on"] = values["day"] + datetime.timedelta(days=values["shelf_life_days"])


LOTS = ImportSpec(
    name="lots", model=Lot, key=("number",), title=_l("Lots"), permission="stock.lot", derive=_expiry,
    columns=[
        Column("number", "Lot number", "批次号", Code(40), required=True, aliases=("Lot", "批次")),
        Column("kind", "Kind", "批次类型", Choice(KINDS)),
        Column("day", "Slaughtered or produced on", "屠宰/生产日期", Date(), required=True, aliases=("Day", "日期")),
        Column("heads", "Heads", "头数", Integer(0, 10_000_000)),
        Column("origin", "Origin", "产地", Text(200)),
        Column("shelf_life_days", "Shelf life (days)", "保质期(天)", Integer(0, 3650)),
        Column("expires_on", "Expires on", "到期日", Date()),
        Column("quarantine_cert", "Animal quarantine certificate", "动物检疫合格证明", Text(60)),
        Column("quality_cert", "Meat quality inspection certificate", "肉品品质检验合格证", Text(60)),
        Column("asf_report", "ASF test report", "非洲猪瘟检测报告", Text(60)),
    ],
)

WAREHOUSES = ImportSpec(
    name="warehouses", model=Warehouse, key=("code",), title=_l("Warehouses"), permission="stock.warehouse",
    columns=[
        Column("code", "Warehouse code", "仓库编码", Code(20), required=True, aliases=("Code", "编码")),
        Column("name", "Warehouse name", "仓库名称", Text(60), required=True, aliases=("Name", "名称")),
        Column("kind", "Kind", "类型", Choice(WAREHOUSE_KINDS)),
        Column("active", "Active", "启用", Boolean()),
    ],
)

OPENING = ImportSpec(
    name="opening_stock", model=Lot, key=(), title=_l("Opening stock"), permission="stock.move",
    columns=[
        Column("warehouse", "Warehouse code", "仓库编码", Code(20), required=True),
        Column("product", "Product code", "产品编码", Code(40), required=True),
        Column("lot", "Lot number", "批次号", Code(40)),
        Column("quantity", "Quantity", "数量", Number(3, 0, 10**9)),
        Column("weight", "Weight (kg)", "重量(kg)", Number(3, 0, 10**9), required=True),
    ],
)


def opening_template(locale: str) -> bytes:
    book = Book()
    book.sheet(str(OPENING.title)).append([c.header(locale) for c in OPENING.columns], bold=True)
    return book.to_bytes()


def sheet_rows(source, spec, locale: str, fields=None) -> list[tuple[int, dict]]:
    """The workbook's rows read with `spec`'s columns (`fields`: only these): [(Excel's row number, values)],
    blank rows left out. The first wrong cell stops it, named by its row and column."""
    found = read_sheet(source, spec)
    columns = [c for c in spec.columns if fields is None or c.field in fields]
    rows = []
    for excel_row, cells in found.rows:
        values = {}
        for column in columns:
            index = found.mapping.get(column.field)
            raw = cells[index] if index is not None and index < len(cells) else None
            try:
                values[column.field] = None if is_blank(raw) else column.cell.parse(raw)
            except CellError as exc:
                raise UserError(_("Row %(row)d, %(column)s: %(problem)s", row=excel_row, column=column.header(locale),
                                  problem=str(exc)), field="file") from None
        if all(v is None for v in values.values()):
            continue
        for column in columns:
            if column.required and values[column.field] is None:
                raise UserError(_("Row %(row)d, %(column)s: %(problem)s", row=excel_row, column=column.header(locale),
                                  problem=_("Required.")), field="file")
        rows.append((excel_row, values))
    return rows


def post_opening(plant_id, source, locale: str) -> int:
    """Post the workbook's rows as opening stock; a wrong row is named and nothing is posted."""
    rows = sheet_rows(source, OPENING, locale)
    if not rows:
        raise UserError(_("The workbook has no rows of opening stock."), field="file")
    items = [moves.Item(*_resolve(plant_id, excel_row, values, locale)) for excel_row, values in rows]
    moves.post(plant_id, "opening", items, reason=str(_("Opening stock")))
    return len(items)


def _resolve(plant_id, excel_row, values, locale):
    def named(model, key, code, column):
        record = model.get_or_none((model.plant == plant_id) & (key == code))
        if record is None:
            raise UserError(_("Row %(row)d, %(column)s: %(problem)s", row=excel_row,
                              column=OPENING.column(column).header(locale),
                              problem=_("There is no %(code)s in this plant.", code=code)), field="file")
        return record.id
    warehouse = named(Warehouse, Warehouse.code, values["warehouse"], "warehouse")
    product = named(Product, Product.code, values["product"], "product")
    lot = named(Lot, Lot.number, values["lot"], "lot") if values["lot"] else None
    return warehouse, product, lot, values["quantity"] or Decimal("0"), values["weight"]
