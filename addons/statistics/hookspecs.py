"""Hooks the statistics addon declares: other addons' figures on the live board."""
from core.hooks import hookspec


class StatisticsSpecs:
    @hookspec
    def board_figures(self, plant_id):
        """[(key, label, text)] to show as tiles on the live board, refreshed with it (e.g. products low on stock)."""
