"""The company's particulars, as every printed document's header shows them: edited by an administrator, audited."""
from __future__ import annotations

from core import audit
from core.cache import cached, forget
from core.db import transaction
from core.models import Company, Plant

FIELDS = ("name", "address", "phone", "tax_id", "bank_name", "bank_account")


def company_of(plant) -> Company:
    """The company a plant belongs to, read once per request."""
    plant_id = getattr(plant, "id", plant)
    return cached(("core.company", plant_id), lambda: Company.select().join(Plant).where(Plant.id == plant_id).get())


def save_company(company, values: dict) -> Company:
    with transaction():
        old = {name: getattr(company, name) for name in FIELDS}
        for name in FIELDS:
            setattr(company, name, (values.get(name) or "").strip())
        company.save()
        before, after = audit.changes(old, {name: getattr(company, name) for name in FIELDS})
        audit.log("write", Company._meta.table_name, company.id, old=before, new=after)
    for plant in company.plants:
        forget(("core.company", plant.id))
    return company
