"""Several users at the same moment: each call in its own thread, app context and database connection."""
import threading

from core.db import db
from tests.sales_helpers import as_user


def at_once(ctx, plant, login, work, items) -> list:
    """work(item) for every item, started together (a barrier), as `login` in `plant`. One outcome per item,
    in order: None when it went through, else the exception it raised ("database is locked" is what a lost
    write lock looks like on SQLite)."""
    barrier, outcomes = threading.Barrier(len(items)), [None] * len(items)

    def run(n, item):
        try:
            with ctx.app_context(), as_user(login, plant):
                barrier.wait()
                work(item)
        except Exception as exc:
            outcomes[n] = exc
        finally:
            db.close()

    threads = [threading.Thread(target=run, args=(n, item)) for n, item in enumerate(items)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes
