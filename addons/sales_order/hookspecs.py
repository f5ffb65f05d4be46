"""Hooks the sales order addon declares for the addons that build on it."""
from core.hooks import hookspec


class SalesOrderSpecs:
    @hookspec
    def availability(self, plant_id, product_ids, day):
        """{product id: quantity the plant can supply on `day`} for the products it knows (a stock or
        production addon). Products left out fall back to the figure a manager entered for the day."""

    @hookspec
    def order_form_panels(self, plant_id):
        """HTML (Markup) shown beside the staff order form: the price board of the next days, say."""

    @hookspec
    def demand_forecast(self, plant_id, first, last):
        """{(product id, day): quantity} a forecast expects on the days from `first` to `last`: the production
        plan shows it beside the orders as a suggestion."""

    @hookspec
    def firm_orders_changed(self, plant_id, days):
        """Lines or delivery days of firm (approved or completed) orders changed without a state move:
        an approved order edited by a manager, or cut by balancing. Called inside that transaction with
        the delivery days touched (before and after)."""

    @hookspec
    def order_timeline(self, order):
        """[sales_order.timeline.Event] of what the addons above did for `order`: its delivery notes shipped and
        received, its returns. The order page shows them in time order with its own moves and money."""
