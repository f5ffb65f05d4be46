"""Start `python run.py serve` in a subprocess on a free port with its own demo database."""
from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_sql(*statements):
    """A `prepare` for `live_server`: run these statements on the fresh demo database."""
    def prepare(url):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.close()
    return prepare


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(instance_dir, extra_env=None, prepare=None):
    """`prepare(database_url)` runs after the demo is loaded and before the server starts."""
    port = free_port()
    env = {**os.environ, "ERP_INSTANCE_DIR": str(instance_dir), "ERP_LANG": "en",
           "ERP_DATABASE_URL": "sqlite:///" + os.path.join(str(instance_dir), "live.sqlite3"), **(extra_env or {})}
    subprocess.run([sys.executable, "run.py", "initdb", "--demo"], cwd=PROJECT, env=env, check=True,
                   capture_output=True, timeout=120)
    if prepare is not None:
        prepare(env["ERP_DATABASE_URL"])
    log = open(os.path.join(str(instance_dir), "serve.log"), "w")
    proc = subprocess.Popen([sys.executable, "run.py", "serve", "--port", str(port)], cwd=PROJECT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start; see " + log.name) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
