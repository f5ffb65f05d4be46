"""Choosing one record of a long list by typing: a form field, its widget, and the rule the server decides by.

The page holds two inputs: the record's id (hidden, filled by erp.js from the server's suggestions) and the
text typed. The id is never trusted: it must be one of the records the view allows (`field.query()`). Without
an id (no script, or the text typed and sent at once) the text's first word is taken as the record's code,
so "P1C002" or "P1C002 客户2" both choose customer P1C002.
"""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import Field
from wtforms.validators import StopValidation

HINT = _l("Type a code, a name or pinyin initials")


def first_word(text) -> str:
    return (text or "").strip().split(" ")[0].strip()


def resolve(query, model, raw_id, text):
    """The record of `query` the post names by id, else by the code the text starts with; None if neither."""
    raw_id = (raw_id or "").strip()
    if raw_id:
        from core.params import is_id
        if not is_id(raw_id):           # forty nines is no record, and no integer a database holds
            return None
        return query.where(model._meta.primary_key == int(raw_id)).first()
    code = first_word(text)
    return query.where(model.code == code).first() if code else None


SUGGESTIONS = 20


def suggest(model, text, query=None):
    """The plant's active records whose code starts with, name holds or (where kept) pinyin initials start
    with `text`, by code, twenty at most: what a picker's endpoint answers."""
    from core.records import plant_scoped
    query = plant_scoped(model, query).where(model.active == True)  # noqa: E712
    text = (text or "").strip()[:60]
    if text:
        found = model.code.startswith(text) | model.name.contains(text)
        if "initials" in model._meta.fields:
            found = found | model.initials.startswith(text.lower())
        query = query.where(found)
    return query.order_by(model.code).limit(SUGGESTIONS)


def answer(records):
    from flask import jsonify
    return jsonify([{"id": r.id, "label": label_of(r)} for r in records])


def ids_by_code(model, texts) -> dict:
    """{text: id} for the texts whose first word is the code of one of the plant's records (one query)."""
    from core.records import plant_scoped
    codes = {first_word(t) for t in texts if first_word(t)}
    if not codes:
        return {}
    found = dict(plant_scoped(model, model.select(model.code, model._meta.primary_key))
                 .where(model.code.in_(list(codes))).tuples())
    return {t: found[first_word(t)] for t in texts if first_word(t) in found}


def labels_by_id(model, ids) -> dict:
    """{"id": "code name"} of the plant's records among `ids` (one query), for showing rows already chosen."""
    from core.records import plant_scoped
    ids = {int(i) for i in ids if str(i).isdigit()}
    if not ids:
        return {}
    return {str(r.id): label_of(r) for r in plant_scoped(model, model.select(model._meta.primary_key, model.code,
                                                                              model.name)).where(
        model._meta.primary_key.in_(list(ids)))}


def label_of(record) -> str:
    return f"{record.code} {record.name}" if record is not None else ""


def picker_html(name, endpoint, *, record=None, text="", css="form-control", invalid=False, label="",
                required=False, input_id=None, params=None, submit=False) -> Markup:
    """The two inputs and the suggestion menu; `endpoint` answers `?q=` with [{id, label}]. `record` may be
    a (id, label) pair; with `submit`, choosing sends the form (a GET form that only picks)."""
    url = url_for(endpoint, **(params or {}))
    if isinstance(record, tuple):
        value, shown = str(record[0] or ""), text or record[1]
    else:
        value, shown = ("" if record is None else str(record.id)), text or label_of(record)
    return Markup(
        '<div class="erp-pick" data-pick-url="{url}"{submit}>'
        '<input type="hidden" name="{name}" value="{value}" data-pick-id>'
        '<input type="text" class="{css}{bad}" name="{name}_text" value="{shown}" autocomplete="off"'
        ' role="combobox" aria-autocomplete="list" aria-expanded="false" aria-label="{label}" placeholder="{hint}"'
        '{req}{id_attr} data-pick-text>'
        '<div class="erp-pick-menu list-group shadow-sm" role="listbox" hidden></div></div>'
    ).format(url=url, submit=Markup(" data-pick-submit") if submit else "", name=name, value=value, css=css,
             bad=" is-invalid" if invalid else "", id_attr=Markup(' id="%s"') % input_id if input_id else "",
             shown=shown, label=label, hint=str(HINT), req=Markup(" required") if required else "")


class PickWidget:
    def __call__(self, field, **kwargs):
        css = kwargs.pop("class_", kwargs.pop("class", "form-control")).replace("form-select", "form-control")
        record = field.record
        if record is None and field.data is not None:      # an edit form: show the saved choice
            record = field.allowed().where(field.model._meta.primary_key == field.data).first()
        return picker_html(field.name, field.endpoint, record=record, text=field.text, css=css,
                           invalid=bool(field.errors), label=escape(str(field.label.text)), input_id=field.id,
                           params=field.params)


class PickField(Field):
    """A reference chosen by typing. `data` is the chosen record's id (or None); `record` the record.

    The view sets `query` (a callable giving the records that may be chosen) before validating; `endpoint`
    names the route that suggests them, `params` its fixed arguments (e.g. own_unless=...).
    """
    widget = PickWidget()

    def __init__(self, label=None, validators=None, *, model=None, endpoint=None, params=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.model, self.endpoint, self.params = model, endpoint, params or {}
        self.query = None
        self.record, self.text, self._raw = None, "", ""

    def process(self, formdata, data=None, extra_filters=None):
        super().process(formdata, data, extra_filters)
        if formdata is not None:
            self.text = (formdata.get(f"{self.name}_text") or "").strip()

    def process_data(self, value):
        value = getattr(value, "id", value)
        self.data = int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else None
        self._raw = "" if self.data is None else str(self.data)

    def process_formdata(self, valuelist):
        self._raw = str(valuelist[0]).strip() if valuelist and valuelist[0] is not None else ""
        self.data = int(self._raw) if self._raw.isdigit() else None

    def allowed(self):
        from core.records import plant_scoped
        query = self.query() if callable(self.query) else self.query
        return query if query is not None else plant_scoped(self.model)

    def pre_validate(self, form):
        if not self._raw and not self.text:
            self.data, self.record = None, None
            return
        self.record = resolve(self.allowed(), self.model, self._raw, self.text)
        self.data = self.record.id if self.record is not None else None
        if self.record is None:
            # StopValidation: a DataRequired after this would put "required" in place of the reason
            raise StopValidation(_("Choose one of the suggestions: nothing matches “%(text)s”.",
                                   text=self.text or self._raw))

    def show(self, record):
        """Show `record` as chosen (a GET that preselects, or an edit form)."""
        self.record, self.data = record, getattr(record, "id", None)
        self.text = label_of(record)
