"""`run.py serve` answers with a real WSGI server: the login page, in Chinese by default."""
import re
import urllib.request

from tests.live_server import live_server


def test_serve_shows_the_login_page_in_chinese_and_english(tmp_path):
    with live_server(tmp_path) as base:
        with urllib.request.urlopen(base + "/") as response:  # not logged in: sent to the login page
            assert response.url.startswith(base + "/login")
            page = response.read().decode("utf-8")
        assert "登录" in page
        request = urllib.request.Request(base + "/login", headers={"Accept-Language": "en"})
        with urllib.request.urlopen(request) as response:
            assert "Log in" in response.read().decode("utf-8")
        assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))', page)
        assert len(assets) >= 3  # Bootstrap CSS and JS, our CSS
        for asset in assets:
            assert asset.startswith("/"), f"{asset} is not served by us"
            with urllib.request.urlopen(base + asset) as response:
                assert response.status == 200
