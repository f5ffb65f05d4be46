from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.plant_fields import hooks, views
    from addons.plant_fields.models.field import PlantField, PlantFieldValue
    reg.models(PlantField, PlantFieldValue)
    reg.hooks(hooks)
    reg.permission("plant_fields.record", _l("Fill in the plant's own fields of a record"),
                   roles=["sales", "manager", "scheduler", "shipper", "admin"])
    reg.blueprint(views.bp, url_prefix="/plant-fields")
    reg.resource(views.FIELDS)
    reg.menu("admin", _l("Plant fields"), "plant_fields.field_list", "plant_fields.field.read", 80)
