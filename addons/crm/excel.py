"""Leads in and out of Excel (the public pool's customers come in through the customers' importer)."""
from flask_babel import lazy_gettext as _l

from addons.crm.models.lead import Lead
from addons.master_data.dictionary_ref import DictionaryRef
from addons.master_data.staff import StaffRef
from core.excel.cells import Text
from core.excel.spec import Column, ImportSpec

LEADS = ImportSpec(
    name="leads", model=Lead, key=("name",), title=_l("Leads"), permission="crm.lead",
    columns=[
        Column("name", "Lead", "潜在客户", Text(200), required=True, aliases=("Name", "名称")),
        Column("contact", "Contact", "联系人", Text(60)),
        Column("phone", "Phone", "电话", Text(40)),
        Column("address", "Address", "地址", Text(300)),
        Column("source", "Source", "客户来源", DictionaryRef("customer_source")),
        Column("salesperson", "Salesperson", "业务员", StaffRef()),
        Column("notes", "Notes", "备注", Text(4000)),
    ],
)
