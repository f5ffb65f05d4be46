"""master_data: customers searched inside their code, name, phone and initials through a trigram index."""
from core import text_index

FIELDS = ("code", "name", "phone", "initials")


def up(migrator, db):
    text_index.install(db, "master_data_customer", FIELDS)


def down(migrator, db):
    text_index.uninstall(db, "master_data_customer", FIELDS)
