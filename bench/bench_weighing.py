"""Scale drivers' decoding speed (`weighing.frames_per_s.<driver>`) and the time from a stable frame on
the wire to the weight shown in the browser (`weighing.wire_to_browser_ms`, goal under 300 ms)."""
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
from decimal import Decimal

N_FRAMES = 20_000


def frames_per_second():
    from addons.weighing.drivers import DRIVERS, create
    from addons.weighing.simulator import encode
    for name in sorted(DRIVERS):
        weights = [Decimal(n) / 100 for n in range(1000, 1000 + 200)]
        stream = b"".join(encode(name, w, True) for w in weights) * (N_FRAMES // 200)
        if name.startswith("xk3190_eq"):
            stream += b"="
        driver = create(name)
        start = time.perf_counter()
        for offset in range(0, len(stream), 4096):     # as a port delivers it: in chunks
            driver.feed(stream[offset:offset + 4096])
        elapsed = time.perf_counter() - start
        print(f"bench: weighing.frames_per_s.{name}: {N_FRAMES / elapsed:.0f} frames/s", flush=True)


def wire_to_browser():
    chromium = os.environ.get("ERP_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(chromium):
        print("bench: weighing.wire_to_browser_ms: skipped (no Chromium)", flush=True)
        return
    from playwright.sync_api import sync_playwright

    from addons.weighing.simulator import Simulator
    from tests.live_server import live_server
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    simulator = Simulator("st_gs", period=0.05)     # a frame every 50 ms, as indicators stream
    simulator.hold("10.00")
    _server, stop = simulator.serve_tcp("127.0.0.1", port)
    samples = []
    try:
        with live_server(tempfile.mkdtemp(prefix="erp-bench-scale-"),
                         extra_env={"ERP_DEMO_SCALE": f"socket://127.0.0.1:{port}"}) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(base + "/login")
            page.fill("#login", "shipper")
            page.fill("#password", "demo1234")
            page.click("button[type=submit]")
            page.goto(base + "/dispatch/desk")
            page.locator("#desk-notes tbody a").first.click()
            shown = page.locator('#live-weight [data-live-field="weight"]')
            shown.wait_for()
            page.wait_for_function("document.querySelector('#live-weight').dataset.stable === '1'", timeout=20000)
            for n in range(20):
                target = Decimal(20 + n) + Decimal("0.25")
                text = f"{target:,.3f}"
                start = time.perf_counter()
                simulator.hold(str(target))                 # the next frame on the wire says it, stable
                page.wait_for_function(
                    "([t]) => document.querySelector('#live-weight [data-live-field=\"weight\"]').textContent === t"
                    " && document.querySelector('#live-weight').dataset.stable === '1'", arg=[text], timeout=5000,
                    polling=5)
                samples.append((time.perf_counter() - start) * 1000)
                time.sleep(0.2)
            browser.close()
    finally:
        stop.set()
    print(f"bench: weighing.wire_to_browser_ms: {statistics.median(samples):.0f} ms "
          f"(median of {len(samples)}; worst {max(samples):.0f} ms)", flush=True)


def main():
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    frames_per_second()
    wire_to_browser()


if __name__ == "__main__":
    main()
