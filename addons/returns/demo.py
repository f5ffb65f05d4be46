"""Demo return reasons."""
from addons.returns.models.reason import ReturnReason

REASONS = [("quality", "质量问题 Quality"), ("wrong", "发错货 Wrong goods"), ("shelf", "保质期短 Short shelf life"),
           ("transit", "运输损坏 Damaged in transit"), ("cancel", "客户取消 Customer cancelled")]


def load(plants):
    for plant in plants:
        for code, name in REASONS:
            ReturnReason.create(plant=plant, code=code, name=name)
