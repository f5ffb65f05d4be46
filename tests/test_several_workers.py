"""The multi-worker deployment of the README, started for real: gunicorn with two workers on the test
database, one scheduler process beside them. A session opened on one worker is good on the other; an
order written through one is read through the other; the scheduler starts its schedule and stays up."""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import pytest

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            return urllib.request.urlopen(url, timeout=2)
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture
def deployment(app, database_url, demo):
    env = {**os.environ, "ERP_DATABASE_URL": database_url, "ERP_SECRET_KEY": "one-key-for-every-worker",
           "ERP_LANG": "en", "PYTHONPATH": PROJECT}
    port = _free_port()
    web = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "60",
                            "core.wsgi:app"], cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    scheduler = subprocess.Popen([sys.executable, "run.py", "scheduler"], cwd=PROJECT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/login")
        yield f"http://127.0.0.1:{port}", web, scheduler
    finally:
        for process in (web, scheduler):
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()


def test_two_workers_and_a_scheduler(deployment):
    base, web, scheduler = deployment
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    opener.open(base + "/login", urllib.parse.urlencode({"login": "manager", "password": "demo1234",
                                                         "csrf_token": token}).encode())
    for _ in range(10):                     # the session holds whichever worker answers
        response = opener.open(base + "/sales/orders")
        assert response.status == 200 and "/login" not in response.url
    with ThreadPoolExecutor(6) as pool:     # at once: both workers answer, for the same session
        answers = list(pool.map(lambda _n: opener.open(base + "/sales/orders"), range(12)))
    assert all(a.status == 200 and "/login" not in a.url for a in answers)
    time.sleep(2)
    assert scheduler.poll() is None and web.poll() is None      # the scheduler runs beside the workers
