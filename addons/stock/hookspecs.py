"""Hooks the stock addon declares for the addons that build on it."""
from core.hooks import hookspec


class StockSpecs:
    @hookspec
    def lot_links(self, lot):
        """[(label, url)] for the page of `lot`, e.g. its recall list where goods of it were shipped."""
