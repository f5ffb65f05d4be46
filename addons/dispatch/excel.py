"""Vehicles and container types in and out of Excel: the list's export imports back unchanged."""
from flask_babel import lazy_gettext as _l

from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.vehicle import Vehicle
from core.excel.cells import Boolean, Code, Number, Text
from core.excel.spec import Column, ImportSpec

VEHICLES = ImportSpec(
    name="vehicles", model=Vehicle, key=("plate",), title=_l("Vehicles"), permission="dispatch.vehicle",
    columns=[
        Column("plate", "Plate number", "车牌号", Code(20), required=True, aliases=("Plate", "车牌")),
        Column("capacity_kg", "Capacity (kg)", "载重(千克)", Number(3, 0, 10**9)),
        Column("driver", "Driver", "司机", Text(80)),
        Column("phone", "Phone", "电话", Text(40)),
        Column("carrier", "Carrier", "承运商", Text(120)),
        Column("active", "Active", "启用", Boolean()),
    ],
)

CONTAINER_TYPES = ImportSpec(
    name="container_types", model=ContainerType, key=("code",), title=_l("Container types"),
    permission="dispatch.container_type",
    columns=[
        Column("code", "Code", "编码", Code(20), required=True),
        Column("name", "Name", "名称", Text(60), required=True),
        Column("tare_kg", "Tare (kg)", "皮重(千克)", Number(3, 0, 10**6)),
        Column("active", "Active", "启用", Boolean()),
    ],
)

SPECS = (VEHICLES, CONTAINER_TYPES)
