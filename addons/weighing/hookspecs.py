"""Hooks the weighing addon declares for the addons that take weights from it (the counter)."""
from core.hooks import hookspec


class WeighingSpecs:
    @hookspec
    def weighing_in_use(self, weighing):
        """Why `weighing` may not be voided (the document it was sold or posted on, named), or None."""
