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

    @hookspec
    def production_costs(self, plant_id, items, day):
        """{index: cost} for production `items` (stock.moves.Item) whose cost an addon knows, e.g. what the
        lot's live hogs cost, spread over its products; called inside the posting's transaction, before the
        items are costed (an answer may post moves of its own, such as the hogs used)."""
