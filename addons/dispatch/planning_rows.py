"""The planning screen's waiting lines as HTML, written in one pass: a page is a hundred lines of six cells, and
in the template the loops, attribute lookups, filters and escapes of those cells were most of the page's
rendering. Every text is escaped as the template escaped it."""
from __future__ import annotations

from flask_babel import gettext as _
from markupsafe import Markup, escape

from core.i18n import number_text


def _typed(left) -> str:
    """What the quantity box starts with: a whole number without decimals, else the quantity as stored."""
    return "%d" % left if left == left.to_integral_value() else str(left)


def waiting_html(groups, units) -> Markup:
    """`groups` as `planning.by_region` gives them (region name -> customer -> WaitingLine): a heading and a
    table per region, a header row per customer, a row per line with its box to choose it and its quantity."""
    left_word, pickup_word = escape(_("left")), escape(_("Self-pickup"))
    quantity_word, no_region = escape(_("Quantity")), _("No region")
    unit_names = {unit_id: escape(unit.name) for unit_id, unit in units.items()}
    out = []
    for region, customers in groups.items():
        out.append(f'<h3 class="h6 mt-3 text-muted">{escape(region or no_region)}</h3>\n<table class="table table-sm">')
        for customer, items in customers.items():
            out.append(f'<tr class="table-light"><th colspan="6">{escape(customer.code)} {escape(customer.name)}</th></tr>')
            for r in items:
                line_id, number, product = r.line.id, escape(r.order.number), r.line.product
                name = escape(product.name)
                pickup = f' <span class="badge bg-info">{pickup_word}</span>' if r.order.self_pickup else ""
                out.append(
                    f'<tr data-order-line="{line_id}">\n'
                    f'<td><input class="form-check-input" type="checkbox" name="pick-{line_id}" value="1" '
                    f'aria-label="{number} {name}"></td>\n'
                    f"<td>{number}{pickup}</td>\n"
                    f"<td>{name}</td>\n"
                    f'<td class="num">{left_word} {escape(number_text(r.left))} {unit_names[product.selling_unit_id]}</td>\n'
                    f'<td class="num erp-narrow"><input class="form-control form-control-sm num" name="qty-{line_id}" '
                    f'value="{escape(_typed(r.left))}" aria-label="{quantity_word}"></td>\n'
                    f'<td class="num">≈ {escape(number_text(r.weight))} kg</td>\n</tr>')
        out.append("</table>")
    return Markup("\n".join(out))
