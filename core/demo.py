"""Demo data: a company with two plants and its administrator; each addon adds its own (master_data the
people of a sales organisation, one per role), so a newcomer can click through.

Passwords are documented in README.md. Plant P2 runs fewer modules, to show per-plant enabling.
"""
from __future__ import annotations

from core import plants
from core.db import transaction
from core.models import Company, Plant, User
from core.users import create_user

PASSWORD = "demo1234"
P2_ADDONS = ["master_data", "ledger", "sales_order"]


def load_demo(registry, addons=None, history_months=0) -> bool:
    """Create the demo company once; returns False when it is already there.
    `addons`: only these addons add their demo data (tests keep accounts empty this way).
    `history_months`: each addon that writes the past (reg.history) does so right after its own demo data,
    before the addons above it add theirs (the desk's scale, say, came after those months)."""
    if User.select().where(User.login == "admin").exists():
        return False
    with transaction():
        company = Company.create(name="示例肉联集团 Demo Meat Group", address="江苏省盐城市东台市食品工业园 1 号",
                                 phone="0515-8888 0000", tax_id="91320981MA1XXXXXX0",
                                 bank_name="中国农业银行东台支行", bank_account="1040 1234 5678 9012")
        p1 = Plant.create(company=company, code="P1", name="华东肉联厂 East plant")
        p2 = Plant.create(company=company, code="P2", name="华北分厂 North plant")
        for name in registry.order:
            plants.enable(registry, p1, name)
        for name in P2_ADDONS:
            if name in registry.specs:
                plants.enable(registry, p2, name)
        create_user("admin", "管理员 Admin", PASSWORD, roles=["admin"], plants=["P1", "P2"], superuser=True)
        for addon, func in registry.demo:
            if addons is None or addon in addons:
                func([p1, p2])
                for _owner, past in (h for h in registry.history if h[0] == addon and history_months):
                    past([p1, p2], history_months)
    return True


