"""sales_order: orders searched inside their number through a trigram index."""
from core import text_index


def up(migrator, db):
    text_index.install(db, "sales_order_order", ("number",))


def down(migrator, db):
    text_index.uninstall(db, "sales_order_order", ("number",))
