"""Suppliers in and out of Excel: the list's export imports back unchanged."""
from flask_babel import lazy_gettext as _l

from addons.purchase.models.supplier import CATEGORIES, Supplier
from core.excel.cells import Boolean, Choice, Code, Integer, Text
from core.excel.spec import Column, ImportSpec

SUPPLIERS = ImportSpec(
    name="suppliers", model=Supplier, key=("code",), title=_l("Suppliers"), permission="purchase.supplier",
    columns=[
        Column("code", "Supplier code", "供应商编码", Code(), required=True, aliases=("Code", "编码")),
        Column("name", "Supplier name", "供应商名称", Text(200), required=True, aliases=("Name", "名称")),
        Column("category", "Category", "类别", Choice(CATEGORIES)),
        Column("contact", "Contact", "联系人", Text(60)),
        Column("phone", "Phone", "电话", Text(40)),
        Column("address", "Address", "地址", Text(300)),
        Column("tax_id", "Tax id", "税号", Text(40)),
        Column("bank_name", "Bank", "开户银行", Text(100)),
        Column("bank_account", "Bank account", "银行账号", Text(60)),
        Column("payment_days", "Payment days", "账期天数", Integer(0, 3650)),
        Column("active", "Active", "启用", Boolean()),
    ],
)
