"""Writing a record's plant-field values: one row per field set, none for a blank; audited."""
from addons.plant_fields.models.field import PlantFieldValue
from core import audit
from core.db import bulk_upsert, joined_transaction


def save(plant_id, record_id, values: dict) -> None:
    """`values`: {PlantField: text or None}."""
    if not values:
        return
    with joined_transaction():
        cleared = [f.id for f, v in values.items() if v is None]
        if cleared:
            PlantFieldValue.delete().where(PlantFieldValue.field.in_(cleared)
                                           & (PlantFieldValue.record_id == record_id)).execute()
        rows = [{"plant": plant_id, "field": f.id, "record_id": record_id, "value": v} for f, v in values.items()
                if v is not None]
        if rows:
            bulk_upsert(PlantFieldValue, rows, conflict=["field", "record_id"], update=["value"])
        audit.log("plant_fields", PlantFieldValue._meta.table_name, record_id, plant=plant_id,
                  new={f.code: v for f, v in values.items()})
