"""Rows of a document's lines as a form posts them (lines-N-field) and as its pickers show them."""
from __future__ import annotations

from addons.master_data.models.product import Product
from core.picker import ids_by_code, labels_by_id


def posted_rows(form, keys) -> list[dict]:
    """The non-empty rows in order of N; a product typed and not chosen is taken by its code."""
    numbers = sorted({int(k.split("-")[1]) for k in form if k.startswith("lines-") and k.split("-")[1].isdigit()})
    rows = [{key: (form.get(f"lines-{n}-{key}") or "").strip() for key in (*keys, "product_text")} for n in numbers]
    rows = [r for r in rows if any(r[k] for k in keys if k != "delivery_date") or r["product_text"]]
    typed = ids_by_code(Product, [r["product_text"] for r in rows if not r["product"]])
    for row in rows:
        row["product"] = row["product"] or str(typed.get(row["product_text"], ""))
    return rows


def product_labels(rows) -> dict:
    return labels_by_id(Product, [r.get("product") for r in rows if r.get("product")])
