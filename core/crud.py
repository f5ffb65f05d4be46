"""Saving a plant-owned record from a form: one transaction, unique keys checked, the edit audited."""
from __future__ import annotations

from flask_babel import gettext as _
from peewee import IntegrityError

from core import audit
from core.db import transaction
from core.records import has_plant, plant_scoped
from core.security import current_plant


def _snapshot(record, names):
    return {name: getattr(record, name) for name in names}


def save_plant_record(model, record, form, unique=()):
    """Create (record None) or update `record` from `form`'s fields that are model fields.

    Returns the saved record, or None with a message on the form when a unique key is taken.
    """
    plant = current_plant()
    names = [f.name for f in form if f.name in model._meta.fields and f.name not in ("id", "plant")]
    with transaction():
        for name in unique:
            field = getattr(model, name)
            clash = plant_scoped(model).where(field == getattr(form, name).data)
            if record is not None:
                clash = clash.where(model._meta.primary_key != record.id)
            if clash.exists():
                getattr(form, name).errors.append(_("This value is already used in this plant."))
                return None
        before = _snapshot(record, names) if record is not None else {}
        target = record if record is not None else (model(plant=plant.id) if has_plant(model) else model())
        for name in names:
            value, field = getattr(form, name).data, model._meta.fields[name]
            if value is None and not field.null and field.default is not None:
                # a field left out (an API call naming only some fields) takes the model's default
                value = field.default() if callable(field.default) else field.default
            setattr(target, name, value)
        try:
            with transaction():  # a savepoint: the clash below leaves the outer transaction usable
                target.save()
        except IntegrityError:
            form.form_errors.append(_("A record with these values already exists."))
            return None
        old, new = audit.changes(before, _snapshot(target, names))
        audit.log("create" if record is None else "write", model._meta.table_name, target.id,
                  plant=plant.id if has_plant(model) else None, old=old, new=new)
    return target


def may_import(spec_name) -> bool:
    """Whether the current user may import with the named spec (screens hide the button otherwise)."""
    if not spec_name:
        return False
    from flask import current_app

    from core.security import current_user_or_none, may
    _addon, spec = current_app.extensions["erp"].registry.importers[spec_name]
    user, plant = current_user_or_none(), current_plant()
    return all(may(user, f"{spec.permission}.{op}", plant.id) for op in ("create", "write"))


def crud_routes(bp, model, form_class, columns, *, name, title, permission, search=(), order_by=None,
                unique=("code",), saved_message=None, prepare=None, query=None, filters=(), import_spec=None,
                edit_template="core/form_page.html", edit_context=None):
    """Add `<name>_list`, `<name>_new` and `<name>_edit` routes for a plant-owned model to `bp`.

    `permission` is the model key (e.g. "dispatch.vehicle"): reading needs `.read`, saving `.write`.
    `prepare(form)` fills choices that come from the database; `query()` gives the list's base query.
    `edit_context(record)` adds what a custom `edit_template` shows beside the form.
    """
    from flask import flash, redirect, url_for

    from core.listing import form_page, list_page
    from core.records import get_for_plant
    from core.security import requires

    list_endpoint = f"{bp.name}.{name}_list"
    plural = name[:-1] + "ies" if name.endswith("y") else name + "s"

    @requires(f"{permission}.read")
    def list_view():
        return list_page(model, columns, str(title), search=search, order_by=order_by, filters=filters,
                         query=query() if query else None, export_permission=f"{permission}.read",
                         import_spec=import_spec if may_import(import_spec) else None, export_spec=import_spec,
                         new_endpoint=f"{bp.name}.{name}_new", row_endpoint=f"{bp.name}.{name}_edit")

    @requires(f"{permission}.write")
    def edit_view(pk=None):
        from flask import request

        from core import extras
        record = get_for_plant(model, pk) if pk else None
        added = extras.fields_for(model)        # the plant's own fields on this model, saved with the record
        form = extras.with_fields(form_class, added)(obj=record)
        if request.method == "GET":
            extras.fill(form, record, added)
        if prepare:
            prepare(form)
        if form.validate_on_submit():
            with transaction():
                saved = save_plant_record(model, record, form, unique=unique)
                if saved is not None:
                    extras.save(saved, form, added)
            if saved is not None:
                flash(saved_message or _("Saved."), "success")
                return redirect(url_for(list_endpoint))
        extra = edit_context(record) if edit_context and record is not None else {}
        return form_page(form, str(title), template=edit_template, record=record, **extra)

    from core.api import Resource
    bp.add_url_rule(f"/{plural}", f"{name}_list", list_view)
    bp.add_url_rule(f"/{plural}/new", f"{name}_new", edit_view, methods=["GET", "POST"])
    bp.add_url_rule(f"/{plural}/<int:pk>", f"{name}_edit", edit_view, methods=["GET", "POST"])
    # The same model, form, checks and choices serve the JSON API: register() passes this to reg.resource.
    return Resource(plural, model, permission, form=form_class, prepare=prepare, unique=unique,
                    search=tuple(search), title=title, query=query)
