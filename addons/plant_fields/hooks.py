"""The plant's own fields, given to the kernel (core.extras) for the models they are added to."""
from core.db import instances, run_composed
from core.hooks import hookimpl


def _targets():
    from addons.dispatch.models.note import DeliveryNote
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from addons.sales_order.models.order import Order
    return {Order: "order", Customer: "customer", Product: "product", DeliveryNote: "delivery_note"}


def _fields(plant_id, model):
    from addons.plant_fields.models.field import PlantField
    target = _targets().get(model)
    if target is None:
        return []
    # asked by every list and document page of the four models: composed once
    return instances(PlantField, run_composed("plant_fields.fields", lambda plant, kind: PlantField.select().where(
        (PlantField.plant == plant) & (PlantField.target == kind) & (PlantField.active == True))  # noqa: E712
        .order_by(PlantField.sequence, PlantField.id), plant_id, target))


@hookimpl
def extra_fields(plant_id, model):
    from addons.plant_fields.models.field import PlantFieldValue
    from core.extras import ExtraField
    out = []
    for f in _fields(plant_id, model):
        def matching(raw, field_id=f.id):
            return PlantFieldValue.select(PlantFieldValue.record_id).where(
                (PlantFieldValue.field == field_id) & (PlantFieldValue.value == raw))
        out.append(ExtraField(f"x_{f.code}", f.label, f.kind, f.choice_map(), f.required, matching))
    return out


@hookimpl
def extra_values(plant_id, model, ids):
    from addons.plant_fields.models.field import PlantFieldValue
    fields = {f.id: f for f in _fields(plant_id, model)}
    if not fields or not ids:
        return {}
    out: dict = {}
    for row in (PlantFieldValue.select(PlantFieldValue.field, PlantFieldValue.record_id, PlantFieldValue.value)
                .where(PlantFieldValue.field.in_(list(fields)) & PlantFieldValue.record_id.in_(list(ids))).tuples()):
        field_id, record_id, value = row
        out.setdefault(record_id, {})[f"x_{fields[field_id].code}"] = value
    return out


@hookimpl
def save_extra_values(plant_id, record, values):
    from addons.plant_fields.values import save
    fields = {f"x_{f.code}": f for f in _fields(plant_id, type(record))}
    save(plant_id, record.id, {fields[k]: v for k, v in values.items() if k in fields})
