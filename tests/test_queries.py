"""Screens that list records run a fixed number of queries, however many rows they show."""
import logging

from core.users import create_user


class QueryCounter(logging.Handler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def emit(self, record):
        self.count += 1


def count_queries(fn):
    logger = logging.getLogger("peewee")
    counter, level = QueryCounter(), logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        fn()
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)
    return counter.count


def test_user_list_queries_do_not_grow_with_users(browser, ctx, demo):
    admin = browser("admin")
    few = count_queries(lambda: admin.get("/admin/users"))
    for n in range(30):
        create_user(f"extra{n}", f"Extra {n}", "password123", roles=["sales"], plants=["P1", "P2"])
    many = count_queries(lambda: admin.get("/admin/users"))
    assert many == few
