"""The page of `whodid serve` in a real browser: headless Chromium driven by Selenium.

A uvicorn server runs in a thread on a free loopback port over the bundled samples (plus the
extra articles of test_web.py). The test filters to a dyad, opens an event, checks the
highlighted sentence and article, the chart, the network and the map, opens an article full
of markup (it must stay text), codes a pasted text, and saves a screenshot.

Skipped when Chromium or its driver is missing (Debian: ``apt-get install chromium
chromium-driver``, which .ci/run does); under CI (``CI`` set) a missing browser fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from test_web import PROBE_ID, build_web_db

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,2600", "--hide-scrollbars",
]  # fmt: skip


def _browser() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    message = (
        "headless Chromium is not installed (apt-get install chromium chromium-driver; "
        ".ci/run installs it): browser test skipped"
    )
    if os.environ.get("CI"):
        pytest.fail(message.replace("skipped", "cannot run in CI"))
    pytest.skip(message)


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    """A real server on a free port of 127.0.0.1, in a thread."""
    import uvicorn

    from whodid.web import create_app
    from whodid.web.app import LOOPBACK_HOSTS

    db = build_web_db(tmp_path_factory, coder)
    app = create_app(db, coder=coder, allowed_hosts=LOOPBACK_HOSTS)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - loopback test server
        return json.loads(r.read())


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, driver_path = _browser()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in CHROMIUM_ARGS:
        opts.add_argument(arg)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()


def wait_for(drv, condition, what: str, timeout: float = 20.0):
    """Poll `condition(drv)` until it is truthy; fail naming `what`."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition(drv)
        except Exception as exc:  # an element re-rendered between two calls: poll again
            last = exc
        else:
            if last:
                return last
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def settled(drv, loads: int = 1) -> bool:
    """The page's requests are done and it has rendered at least `loads` times."""
    body = drv.find_element("tag name", "body")
    return (int(body.get_attribute("data-loaded") or 0) >= loads
            and body.get_attribute("data-pending") == "0")  # fmt: skip


def css(drv, selector: str):
    return drv.find_elements("css selector", selector)


def test_page_in_headless_chromium(browser, server, tmp_path):
    drv = browser
    drv.get(server + "/")
    wait_for(drv, settled, "the first render")
    assert not css(drv, "#error")[0].is_displayed(), css(drv, "#error")[0].text
    total = get_json(server + "/api/events")["total"]
    assert css(drv, "#events-count")[0].text.startswith(f"{total} ")
    assert "samples.duckdb" in css(drv, "#store-info")[0].text

    # filter to a dyad
    dyad = css(drv, "#f-dyad")[0]
    dyad.clear()
    dyad.send_keys("BLR-RUS")
    css(drv, "#apply")[0].click()
    wait_for(drv, lambda d: settled(d, 2), "the dyad's render")
    expected = get_json(server + "/api/events?dyad=BLR-RUS&limit=500")
    rows = css(drv, "#events-table tbody tr")
    assert len(rows) == expected["total"] > 0
    for row in rows:
        cells = row.find_elements("css selector", "td.code")
        codes = {c.text.split()[0][:3] for c in cells}
        assert codes == {"BLR", "RUS"}, [c.text for c in cells]
    assert "dyad=BLR-RUS" in drv.current_url

    # the chart, the network and the map render
    assert "BLR-RUS" in css(drv, "#series-title")[0].text
    bars = css(drv, "#series-chart rect.bar")
    assert bars and all(float(b.get_attribute("height")) > 0 for b in bars)
    assert css(drv, "#series-chart path.gline") or css(drv, "#series-chart circle.gdot")
    assert len(css(drv, "#network g.node")) >= 2 and css(drv, "#network path.edge")
    assert len(css(drv, "#map path.country")) > 150
    places = css(drv, "#map circle.place")
    assert "Sochi" in {p.get_attribute("data-name") for p in places}
    assert css(drv, "#map svg")[0].size["height"] > 100

    # open an event: the talks in Sochi
    row = next(r for r in rows if "040" in r.text and "Sochi" in r.text)
    event_id = row.get_attribute("data-id")
    row.click()
    wait_for(drv, lambda d: css(d, "#article-view .article-text"), "the article view")
    wait_for(drv, lambda d: settled(d, 2), "the event's requests")
    ev = get_json(f"{server}/api/events/{event_id}")
    detail = css(drv, "#event-detail")[0]
    assert detail.get_attribute("data-event") == ev["event_id"]
    sentence = detail.find_element("css selector", ".sentence")
    assert sentence.text == ev["sentence"]["text"]
    trigger = sentence.find_element("css selector", ".hl-trigger")
    assert trigger.text == ev["evidence"]["trigger"] == "talks"
    assert "focus" in trigger.get_attribute("class")
    actors = {a.text for a in sentence.find_elements("css selector", ".hl-actor")}
    assert ev["source"]["text"] in actors and ev["target"]["text"] in actors
    assert "nouns.txt" in detail.text  # the rule that produced it
    # the article, with this event's words marked and every kind of highlight drawn
    article = css(drv, "#article-view")[0]
    assert article.get_attribute("data-doc") == ev["doc_id"]
    focus = article.find_elements("css selector", ".hl-trigger.focus")
    assert [f.text for f in focus] == ["talks"]
    for kind in ("actor", "trigger", "quote"):
        assert article.find_elements("css selector", f".hl-{kind}"), kind
    assert f"event={event_id}" in drv.current_url
    shot = tmp_path / "whodid-page.png"
    assert drv.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if os.environ.get("WHODID_SCREENSHOT"):
        shutil.copy(shot, Path(os.environ["WHODID_SCREENSHOT"]))

    # a shared link reopens the same view
    drv.get(drv.current_url)
    wait_for(drv, lambda d: css(d, "#event-detail .sentence .hl-trigger"), "the reopened event")
    assert css(drv, "#f-dyad")[0].get_attribute("value") == "BLR-RUS"

    # an article full of markup stays text
    probe = get_json(f"{server}/api/events?mentions=true&limit=500")["events"]
    probe_event = next(e for e in probe if e["doc_id"] == PROBE_ID)
    drv.get(f"{server}/?event={probe_event['id']}")
    wait_for(drv, lambda d: css(d, "#article-view .article-text"), "the probe article")
    text = css(drv, "#article-view .article-text")[0].text
    assert "<script>window.__whodid_pwned = 1</script>" in text
    assert "<img src=x" in css(drv, "#article-view h3")[0].text
    assert not css(drv, "#article-view script, #article-view img, #article-view b")
    assert drv.execute_script("return window.__whodid_pwned === undefined")

    # paste a text and see it coded
    drv.get(server + "/")
    wait_for(drv, settled, "the page")
    box = css(drv, "#code-text")[0]
    box.send_keys("Russia imposed sanctions on Belarus on Monday.")
    css(drv, "#code-date")[0].send_keys("03142024")
    css(drv, "#code-submit")[0].click()
    wait_for(drv, lambda d: css(d, "#code-text-view .hl-trigger"), "the coded text", 60)
    assert css(drv, "#code-text-view .hl-trigger")[0].text == "imposed"
    assert "163" in css(drv, "#code-events")[0].text
    assert "events" in css(drv, "#code-status")[0].text

    severe = [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe
