"""Pages as users wait for them (`web.<page>_p50_ms`, `web.<page>_p95_ms`): a real server (`run.py web`,
waitress, 8 threads) on loopback, over the plant group's data of bench/web_data.py, asked by a logged-in
manager (the Chinese screens) and by an API token, one request at a time, each page ROUNDS times after two
warm-up requests. The budget of a page is a ratio to the login page's p95 measured in the same run
(`web.login_p95_ms`): pages 8×, API calls 3×; each line says its ratio, so a slow day on a shared machine
does not move the verdict. Then eight ageing requests at once, and the server's memory (`web.rss_start_mb`
at rest after a warm pass of every page from eight sessions, `web.rss_peak_mb` under the benchmark,
`web.rss_after_mb` at rest after it). SQLite, and PostgreSQL when reachable (`_pg_`)."""
from __future__ import annotations

import concurrent.futures
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROUNDS = int(os.environ.get("BENCH_WEB_ROUNDS", "30"))
PAGE_BUDGET, API_BUDGET = 8, 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pages(facts) -> list[tuple[str, str, bool]]:
    """(name, path, is_api): what users open most, at the size they open it."""
    c, o = facts["customer"], facts["order"]
    return [
        ("home", "/", False),
        ("orders", "/sales/orders", False),
        ("orders_search", f"/sales/orders?q={facts['search']}", False),
        ("orders_search_text", "/sales/orders?q=Customer%20000123", False),
        ("orders_sort", "/sales/orders?sort=amount&dir=desc", False),
        ("order", f"/sales/orders/{o}", False),
        ("customers_search", f"/master/customers?q={facts['customer_code']}", False),
        ("desk", "/dispatch/desk", False),
        ("desk_note", f"/dispatch/desk/{facts['note']}", False),
        ("planning", "/dispatch/planning", False),
        ("ageing", "/ledger/ageing", False),
        ("account", f"/ledger/customers/{c}", False),
        ("statement", f"/ledger/customers/{c}/statement", False),
        ("receivables", "/ledger/receivables", False),
        ("stat_sales", "/statistics/sales?basis=ordered&by=product", False),
        ("stat_sales_chart", "/statistics/chart/sales.svg?basis=ordered", False),
        ("stat_ranking", "/statistics/ranking?basis=ordered&by=customer", False),
        ("stat_targets", "/statistics/targets", False),
        ("stat_customers", "/statistics/customers", False),
        ("stat_collections", "/statistics/collections", False),
        ("stat_forecast", "/statistics/forecast", False),
        ("live_board", "/statistics/board", False),
        ("live_board_json", "/statistics/board.json", False),
        ("api_orders", "/api/v1/orders", True),
        ("api_order", f"/api/v1/orders/{o}", True),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_s(pid) -> float:
    """The process's user and system CPU so far, in seconds."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


ORDINARY = ("orders", "order", "desk", "desk_note", "account", "statement")


def _rss_mb(pid) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Server:
    """`run.py web` in its own process, as production runs it."""

    def __init__(self, url, folder):
        self.port = _free_port()
        env = dict(os.environ, ERP_DATABASE_URL=url, ERP_SECRET_KEY="bench", ERP_INSTANCE_DIR=folder)
        self.process = subprocess.Popen([sys.executable, os.path.join(ROOT, "run.py"), "web", "--port",
                                         str(self.port), "--threads", "8"], cwd=ROOT, env=env,
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "server.log"), "w"))
        self.base = f"http://127.0.0.1:{self.port}"
        for _wait in range(600):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def rss(self) -> float:
        return _rss_mb(self.process.pid)

    def cpu(self) -> float:
        return _cpu_s(self.process.pid)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def _login(server, login="manager"):
    import requests
    from core.demo import PASSWORD
    session = requests.Session()
    form = session.get(server.base + "/login").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    answer = session.post(server.base + "/login", data={"csrf_token": token, "login": login, "password": PASSWORD})
    assert "/login" not in answer.url, "the manager could not log in"
    return session


def _times(get, path, rounds) -> list[float]:
    for _warm in range(2):
        get(path)
    out = []
    for _n in range(rounds):
        start = time.perf_counter()
        answer = get(path)
        out.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200 and not answer.history, (path, answer.status_code, answer.url)
    return out


def _p(values, q) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


class Peak(threading.Thread):
    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.peak, self.done = server, 0.0, threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak = max(self.peak, self.server.rss())
            time.sleep(0.02)


def _warm(server, facts, token):
    """Every page once from eight sessions at once, then a rest: what a server that has been up a while is."""
    import requests

    def walk(_n):
        session = _login(server)
        for _name, path, is_api in pages(facts):
            if is_api:
                requests.get(server.base + path, headers={"Authorization": f"Bearer {token}",
                                                          "X-Plant": facts["plant"]})
            else:
                session.get(server.base + path)
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(walk, range(8)))
    time.sleep(12)


def _measure(url, folder, suffix=""):
    import requests
    from bench.bench_masterdata import _app
    from bench.web_data import build
    app = _app(url)
    started = time.perf_counter()
    facts = build(app)
    with app.app_context():
        from core.api import tokens
        from core.models import User
        token = tokens.issue(User.get(User.login == "manager"), "bench")
        app.extensions["erp"].database.close()
    print(f"bench: web.data{suffix}_s: {time.perf_counter() - started:.0f} s (loading the data, not a page)", flush=True)
    server = Server(url, folder)
    try:
        anonymous = requests.Session()
        _times(lambda p: anonymous.get(server.base + p), "/login", ROUNDS)     # the server warmed up first
        login = _times(lambda p: anonymous.get(server.base + p), "/login", ROUNDS * 3)
        session = _login(server)
        api = requests.Session()
        api.headers.update({"Authorization": f"Bearer {token}", "X-Plant": facts["plant"]})
        _warm(server, facts, token)
        start_rss = server.rss()     # at rest after a warm pass: templates compiled, every thread's connection open
        peak = Peak(server)
        peak.start()
        base = _p(login, 95)
        print(f"bench: web.login{suffix}_p95_ms: {base:.1f} ms (p50 {_p(login, 50):.1f})", flush=True)
        for name, path, is_api in pages(facts):
            client = api if is_api else session
            try:
                took = _times(lambda p, c=client: c.get(server.base + p), path, ROUNDS)
            except AssertionError as failed:     # a page that fails at this size is a figure too
                print(f"bench: web.{name}{suffix}_p95_ms: failed ({failed.args[0][1]} from {path})", flush=True)
                continue
            p95 = _p(took, 95)
            budget = API_BUDGET if is_api else PAGE_BUDGET
            verdict = "within" if p95 <= budget * base else "OVER"
            print(f"bench: web.{name}{suffix}_p50_ms: {_p(took, 50):.1f} ms", flush=True)
            print(f"bench: web.{name}{suffix}_p95_ms: {p95:.1f} ms ({p95 / base:.1f}× login; budget {budget}×: "
                  f"{verdict})", flush=True)
        paths = {name: path for name, path, _api in pages(facts)}
        for name in ORDINARY:       # warm, then the server's own CPU over many requests of ordinary pages
            session.get(server.base + paths[name])
        spent, count = server.cpu(), 0
        for _round in range(ROUNDS):
            for name in ORDINARY:
                session.get(server.base + paths[name])
                count += 1
        print(f"bench: web.cpu_per_page{suffix}_ms: {(server.cpu() - spent) * 1000 / count:.1f} ms "
              f"(server CPU per ordinary page: {', '.join(ORDINARY)})", flush=True)
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            start = time.perf_counter()
            sessions = [_login(server) for _n in range(8)]
            list(pool.map(lambda s: s.get(server.base + "/ledger/ageing").status_code, sessions))
            print(f"bench: web.ageing_8_at_once{suffix}_s: {time.perf_counter() - start:.2f} s", flush=True)
        peak.done.set()
        peak.join()
        time.sleep(12)    # the server at rest again (it hands freed memory back every few seconds)
        print(f"bench: web.rss_start{suffix}_mb: {start_rss:.0f} MB", flush=True)
        print(f"bench: web.rss_peak{suffix}_mb: {peak.peak:.0f} MB (budget 250)", flush=True)
        print(f"bench: web.rss_after{suffix}_mb: {server.rss():.0f} MB (budget start + 50)", flush=True)
    finally:
        server.stop()


def main():
    """BENCH_WEB_DB=sqlite or pg runs one database only (default both)."""
    from bench.bench_masterdata import _pg_reachable, scratch_pg
    folder = tempfile.mkdtemp(prefix="erp-bench-web-")
    only = os.environ.get("BENCH_WEB_DB", "")
    if only != "pg":
        _measure(f"sqlite:///{os.path.join(folder, 'web.sqlite3')}", folder)
    if only == "sqlite":
        return
    if _pg_reachable():
        with scratch_pg("erp_bench_web") as url:
            _measure(url, folder, "_pg")
    else:
        print("bench: web.login_pg_p95_ms: skipped (no PostgreSQL reachable)", flush=True)


if __name__ == "__main__":
    main()
