"""How the counter answers the weighing addon: a weight sold on a counter sale stays as it is."""
from core.hooks import hookimpl


@hookimpl
def weighing_in_use(weighing):
    from flask_babel import gettext as _

    from addons.counter.models.counter import CounterLine, CounterSale
    line = CounterLine.select(CounterLine, CounterSale).join(CounterSale).where(CounterLine.weighing == weighing.id).first()
    if line is not None:
        return _("This weight was sold on counter sale %(number)s: take the goods back there instead.",
                 number=line.sale.number)
    return None
