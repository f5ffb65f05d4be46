"""Return reasons in and out of Excel: the list's export imports back unchanged."""
from flask_babel import lazy_gettext as _l

from addons.returns.models.reason import ReturnReason
from core.excel.cells import Boolean, Code, Text
from core.excel.spec import Column, ImportSpec

REASONS = ImportSpec(
    name="return_reasons", model=ReturnReason, key=("code",), title=_l("Return reasons"),
    permission="returns.reason",
    columns=[
        Column("code", "Code", "编码", Code(), required=True),
        Column("name", "Name", "名称", Text(120), required=True),
        Column("active", "Active", "启用", Boolean()),
    ],
)
