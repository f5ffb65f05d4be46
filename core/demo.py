"""Demo data: a company with two plants and one user per role, so a newcomer can click through.

Passwords are documented in README.md. Plant P2 runs fewer modules, to show per-plant enabling.
"""
from __future__ import annotations

from core import plants
from core.db import transaction
from core.models import Company, Plant, User
from core.users import create_user

PASSWORD = "demo1234"
DEMO_USERS = [
    # login, name, roles, plants, superuser
    ("admin", "管理员 Admin", ["admin"], ["P1", "P2"], True),
    ("sales", "王销售 Wang (sales)", ["sales"], ["P1"], False),
    ("manager", "李经理 Li (manager)", ["manager"], ["P1", "P2"], False),
    ("scheduler", "张调度 Zhang (scheduler)", ["scheduler"], ["P1"], False),
    ("shipper", "赵发货 Zhao (shipping desk)", ["shipper"], ["P1"], False),
    ("finance", "钱财务 Qian (finance)", ["finance"], ["P1", "P2"], False),
    ("leader", "孙总 Sun (business leader)", ["leader"], ["P1", "P2"], False),
    ("customer", "周记肉铺 Zhou's butcher (customer)", ["customer"], ["P1"], False),
    ("sales2", "刘销售 Liu (sales, north plant)", ["sales"], ["P2"], False),
]
P2_ADDONS = ["master_data", "ledger", "sales_order"]


def load_demo(registry, addons=None) -> bool:
    """Create the demo company once; returns False when it is already there.
    `addons`: only these addons add their demo data (tests keep accounts empty this way)."""
    if User.select().where(User.login == "admin").exists():
        return False
    with transaction():
        company = Company.create(name="示例肉联集团 Demo Meat Group")
        p1 = Plant.create(company=company, code="P1", name="华东肉联厂 East plant")
        p2 = Plant.create(company=company, code="P2", name="华北分厂 North plant")
        for name in registry.order:
            plants.enable(registry, p1, name)
        for name in P2_ADDONS:
            if name in registry.specs:
                plants.enable(registry, p2, name)
        for login, name, roles, plant_codes, superuser in DEMO_USERS:
            create_user(login, name, PASSWORD, roles=roles, plants=plant_codes, superuser=superuser,
                        lang="zh_Hans_CN" if login != "sales2" else "en")
        for addon, func in registry.demo:
            if addons is None or addon in addons:
                func([p1, p2])
    return True

