"""Hooks the stock addon declares for the addons that build on it."""
from core.hooks import hookspec


class StockSpecs:
    @hookspec
    def lot_links(self, lot):
        """[(label, url)] for the page of `lot`, e.g. its recall list where goods of it were shipped."""

    @hookspec
    def production_proposal(self, plant_id, day):
        """What the plant plans to produce on `day` (an ordering addon's production plan):
        {"heads": whole heads, "lines": [(product id, quantity, kg)]}, or None."""
