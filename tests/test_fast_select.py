"""core.fast_select writes a select's column list itself: for every model, and the usual shapes of query, the
SQL is exactly peewee's own, on SQLite and PostgreSQL."""
from peewee import ForeignKeyField, ModelSelect, fn

from core.fast_select import FastModelSelect


def _shapes(model, cls):
    """The same queries built as `cls` (peewee's ModelSelect or ours)."""
    whole = cls(model, model._meta.sorted_fields, is_default=True)
    yield whole.where(model._meta.primary_key == 7).order_by(model._meta.primary_key.desc()).limit(3)
    fks = [f for f in model._meta.sorted_fields if isinstance(f, ForeignKeyField) and f.rel_model is not model]
    for fk in fks[:3]:
        other = fk.rel_model
        yield (cls(model, model._meta.sorted_fields + other._meta.sorted_fields, is_default=False)
               .join(other, on=(fk == other._meta.primary_key)).where(other._meta.primary_key > 1))
        alias = other.alias("x")
        yield (cls(model, [model._meta.primary_key, alias._meta.primary_key], is_default=False)
               .join(alias, on=(fk == alias._meta.primary_key)))
    inner = cls(model, [model._meta.primary_key], is_default=False).where(model._meta.primary_key < 5)
    yield cls(model, model._meta.sorted_fields, is_default=True).where(model._meta.primary_key.in_(inner))
    yield cls(model, [model._meta.primary_key, fn.COUNT(model._meta.primary_key).alias("n")],
              is_default=False).group_by(model._meta.primary_key)
    yield cls(model, model._meta.sorted_fields, is_default=True).alias("sub")


def test_the_sql_is_peewees_own_for_every_model(ctx):
    from core.kernel import current_kernel
    models = current_kernel().registry.all_models()
    assert len(models) > 100
    compared = 0
    for model in models:
        for ours, theirs in zip(_shapes(model, FastModelSelect), _shapes(model, ModelSelect), strict=True):
            assert ours.sql() == theirs.sql(), model.__name__
            compared += 1
    assert compared > 600


def test_a_model_select_is_the_fast_one(ctx):
    from core.models import Plant, UserPlant
    query = UserPlant.select(UserPlant, Plant).join(Plant).where(Plant.active == True)  # noqa: E712
    assert isinstance(query, FastModelSelect) and isinstance(Plant.select(), FastModelSelect)
    assert query.sql()[0].startswith('SELECT "t1"."id", "t1"."user_id", "t1"."plant_id", "t2"."id", ')
