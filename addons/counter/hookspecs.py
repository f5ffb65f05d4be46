"""Hooks the counter declares: stock (where the plant runs it) follows its sales and returns."""
from core.hooks import hookspec


class CounterSpecs:
    @hookspec
    def counter_sold(self, sale):
        """A counter sale was posted (in its transaction): take its goods out of stock."""

    @hookspec
    def counter_returned(self, sale):
        """A counter return was posted (in its transaction): take its goods back into stock."""
