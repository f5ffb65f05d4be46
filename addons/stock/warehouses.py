"""A plant's warehouses in use, in code order: what every warehouse choice offers and shipping picks from."""
from __future__ import annotations

from addons.stock.models.warehouse import Warehouse


def active_warehouses(plant_id) -> list[Warehouse]:
    return list(Warehouse.select().where((Warehouse.plant == plant_id) & (Warehouse.active == True))  # noqa: E712
                .order_by(Warehouse.code))
