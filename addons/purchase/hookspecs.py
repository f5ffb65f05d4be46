"""Hooks the purchase addon declares for the addons that build on it (a weighbridge's glue)."""
from core.hooks import hookspec


class PurchaseSpecs:
    @hookspec
    def weighbridge_weights(self, plant_id, number):
        """The loaded and empty weights of the closed weighbridge ticket `number` of a truck that came in
        loaded: {"gross": Decimal, "tare": Decimal, "plate": str}, or None when no such ticket (a refusal
        raises UserError naming why)."""

    @hookspec
    def weighbridge_required(self, plant_id):
        """Why live hogs may not be received on typed weights here (a weighbridge serves the plant), or None."""
