"""A dictionary value in a workbook (customer nature, type, source…): its code or its name, as users write
either; what is not there is refused with the codes that are."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.master_data.models.dictionary import KINDS, DictionaryEntry
from core.excel.cells import Ref


class DictionaryRef(Ref):
    def __init__(self, kind):
        super().__init__(DictionaryEntry, plant_scoped=False, extra_filter=(DictionaryEntry.kind == kind))
        self.kind = kind

    def _entries(self):
        return DictionaryEntry.select().where((DictionaryEntry.kind == self.kind) & (DictionaryEntry.active == True))  # noqa: E712

    def lookup(self, plant_id, codes) -> dict:
        wanted = set(codes)
        entries = list(self._entries())
        found = {e.name: e.id for e in entries if e.name in wanted}
        found.update({e.code: e.id for e in entries if e.code in wanted})   # a code wins over an equal name
        return found

    def not_found(self, code) -> str:
        valid = ", ".join(f"{e.code} ({e.name})" for e in self._entries().order_by(DictionaryEntry.sequence,
                                                                                   DictionaryEntry.code))
        return _("%(value)s is not a %(list)s. Use one of: %(valid)s.", value=code, list=str(KINDS[self.kind]),
                 valid=valid or "—")
