"""The REST API of `whodid serve` (FastAPI's TestClient; no server, no browser).

The store is the bundled samples plus a few extra articles: two wire reports of one event
(a cluster with two mentions, one with a '/' in its id) and a hostile article whose text,
title and source hold markup, which must come back as plain text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from whodid.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SAMPLE_DATE = date(2024, 3, 14)
PROBE_ID = "xss-probe"
PROBE_TEXT = (
    "Russia imposed sanctions on Belarus on Friday. "
    '<script>window.__whodid_pwned = 1</script> <img src=x onerror="window.__whodid_pwned=2">\n\n'
    "Poland condemned Russia after the incident."
)
EXTRA = [
    {"id": "wire/0315", "date": "2024-03-15", "source": "Wire One", "title": "Energy deal",
     "text": "Belarus signed an energy agreement with Russia in Minsk."},
    {"id": "wire/0316", "date": "2024-03-16", "source": "Wire Two", "title": "Energy deal (2)",
     "text": "Belarus signed an energy agreement with Russia."},
    {"id": PROBE_ID, "date": "2024-03-15", "source": "<b>Probe</b>",
     "title": "<img src=x onerror=\"window.__whodid_pwned=3\">", "url": "javascript:alert(1)",
     "text": PROBE_TEXT},
]  # fmt: skip

_BUILT: dict[str, Path] = {}


def build_web_db(tmp_path_factory, coder) -> Path:
    """The samples and EXTRA ingested once per test session (shared with the browser test)."""
    if "db" not in _BUILT:
        db = tmp_path_factory.mktemp("web") / "samples.duckdb"
        with Store(db, read_only=False) as st:
            st.ingest_paths([SAMPLES], default_date=SAMPLE_DATE, coder=coder)
            report = st.ingest(EXTRA, coder=coder)
            assert report.errors == 0
        _BUILT["db"] = db
    return _BUILT["db"]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, coder) -> Path:
    return build_web_db(tmp_path_factory, coder)


@pytest.fixture(scope="module")
def app(web_db, coder):
    from whodid.web import create_app

    return create_app(web_db, coder=coder)


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def st(web_db):
    with Store(web_db) as store:
        yield store


def ok(client, url: str, **params) -> dict:
    r = client.get(url, params=params)
    assert r.status_code == 200, (url, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def err(client, url: str, status: int, method: str = "GET", **kw) -> dict:
    r = client.request(method, url, **kw)
    assert r.status_code == status, (url, r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error", "detail"}, body
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in r.text and 'File "' not in r.text
    return body


# --------------------------------------------------------------------------- /api/info


def test_info_counts_the_store(client, st):
    info = ok(client, "/api/info")
    counts = st.counts()
    assert info["documents"] == counts["documents"] == 6
    assert info["mentions"] == counts["events"]
    assert info["clusters"] == counts["clusters"]
    assert info["quotes"] == counts["quotes"]
    assert info["database"] == "samples.duckdb"
    assert info["max_page"] == 500 and info["max_text"] == 100_000


# --------------------------------------------------------------------------- /api/events


def test_events_default_is_every_cluster_in_date_order(client, st):
    data = ok(client, "/api/events", limit=500)
    assert data["total"] == st.counts()["clusters"] == len(data["events"])
    dates = [e["date"] for e in data["events"] if e["date"]]
    assert dates == sorted(dates)
    expected = st.events(arrow=True).to_pylist()
    assert [e["id"] for e in data["events"]] == [r["cluster_id"] for r in expected]
    first = data["events"][0]
    for key in (
        "id",
        "event_id",
        "cluster_id",
        "date",
        "source_code",
        "target_code",
        "cameo",
        "label",
        "goldstein",
        "quad_class",
        "num_mentions",
        "doc_id",
        "sentence",
    ):
        assert key in first  # fmt: skip


def test_events_paging_and_order(client):
    every = ok(client, "/api/events", limit=500)["events"]
    page1 = ok(client, "/api/events", limit=5, offset=0)
    page2 = ok(client, "/api/events", limit=5, offset=5)
    assert page1["total"] == page2["total"] == len(every)
    assert [e["id"] for e in page1["events"] + page2["events"]] == [e["id"] for e in every[:10]]
    assert page2["limit"] == 5 and page2["offset"] == 5
    last = ok(client, "/api/events", limit=5, offset=len(every) - 2)
    assert len(last["events"]) == 2
    beyond = ok(client, "/api/events", offset=10_000)
    assert beyond["events"] == [] and beyond["total"] == len(every)
    newest = ok(client, "/api/events", limit=500, order="desc")["events"]
    dates = [e["date"] for e in newest if e["date"]]
    assert dates == sorted(dates, reverse=True)


def test_events_filters_match_the_store_queries(client, st):
    cases = [
        {"actor": "BLR"}, {"actor": "igo"}, {"dyad": "BLR-RUS"},
        {"dyad": "BLR-RUS", "directed": True}, {"root": "16"}, {"root": "4"}, {"cameo": "04"},
        {"since": "2024-03-14"}, {"until": "2024-03"}, {"since": "2024", "until": "2024-03-13"},
        {"actor": "RUS", "root": "03"},
    ]  # fmt: skip
    for f in cases:
        for mentions in (False, True):
            data = ok(client, "/api/events", limit=500, mentions=mentions, **f)
            expected = st.events(mentions=mentions, arrow=True, **f).to_pylist()
            key = "event_id" if mentions else "cluster_id"
            assert sorted(e["id"] for e in data["events"]) == sorted(r[key] for r in expected), f
            assert data["total"] == len(expected), f
    assert ok(client, "/api/events", dyad="BLR-RUS")["total"] > 0
    for e in ok(client, "/api/events", dyad="BLR-RUS", mentions=True, limit=500)["events"]:
        pair = {e["source_code"][:3], e["target_code"][:3]}
        assert pair == {"BLR", "RUS"}, e
    for e in ok(client, "/api/events", dyad="BLR-RUS", directed=True, mentions=True)["events"]:
        assert e["source_code"].startswith("BLR") and e["target_code"].startswith("RUS")


def test_events_mentions_are_every_record(client, st):
    data = ok(client, "/api/events", mentions=True, limit=500)
    assert data["total"] == st.counts()["events"]
    assert all(e["id"] == e["event_id"] for e in data["events"])
    assert all(e["cluster_id"] for e in data["events"])


@pytest.mark.parametrize(
    ("params", "status", "needle"),
    [
        ({"actor": "ZZZ"}, 404, "ZZZ"),
        ({"dyad": "BLR-XXQ"}, 404, "XXQ"),
        ({"actor": "B*R"}, 400, "actor code"),
        ({"dyad": "BLR"}, 400, "dyad"),
        ({"since": "2024-13-01"}, 400, "date"),
        ({"since": "yesterday"}, 400, "date"),
        ({"until": "2024-02-30"}, 400, "date"),
        ({"since": "2024-03-14", "until": "2024-03-01"}, 400, "after"),
        ({"root": "21"}, 400, "root"),
        ({"cameo": "4x"}, 400, "CAMEO"),
        ({"limit": "100000"}, 400, "limit"),
        ({"limit": "0"}, 400, "limit"),
        ({"limit": "ten"}, 400, "limit"),
        ({"offset": "-1"}, 400, "offset"),
        ({"order": "sideways"}, 400, "order"),
        ({"directed": "maybe"}, 400, "directed"),
        ({"actor": "X" * 41}, 400, "actor"),
    ],
)
def test_events_bad_parameters_get_clear_4xx(client, params, status, needle):
    body = err(client, "/api/events", status, params=params)
    assert needle.lower() in (body["error"] + " " + str(body["detail"])).lower(), body


# --------------------------------------------------------------------------- /api/events/{id}


def test_event_has_its_sentence_span_evidence_and_mentions(client, st):
    [row] = st.sql(
        "SELECT e.event_id, e.doc_id, e.trigger, e.span_start, e.span_end, e.source_text, "
        "d.text AS doc FROM events e JOIN documents d USING (doc_id) "
        "WHERE e.source_code = 'BLRGOV' AND e.target_code = 'RUSGOV' AND e.cameo = '040' "
        "ORDER BY e.sentence_index LIMIT 1"
    ).to_dict("records")
    ev = ok(client, f"/api/events/{row['event_id']}")
    assert ev["event_id"] == row["event_id"] and ev["doc_id"] == row["doc_id"]
    assert ev["span"] == [row["span_start"], row["span_end"]]
    assert row["doc"][slice(*ev["span"])] == ev["evidence"]["trigger"] == row["trigger"]
    assert ev["evidence"]["rule"] and ev["evidence"]["mode"] == "asserted"
    assert ev["source"]["code"] == "BLRGOV" and ev["target"]["code"] == "RUSGOV"
    sent = ev["sentence"]
    assert row["doc"][sent["start"] : sent["end"]] == sent["text"]
    by_kind = {h["kind"]: h for h in sent["highlights"]}
    trig = by_kind["trigger"]
    assert sent["text"][trig["start"] : trig["end"]] == row["trigger"]
    assert ev["event_id"] in trig["event_ids"]
    actors = [sent["text"][h["start"] : h["end"]] for h in sent["highlights"]
              if h["kind"] == "actor"]  # fmt: skip
    assert ev["source"]["text"] in actors and ev["target"]["text"] in actors
    assert ev["cluster"]["num_mentions"] == len(ev["mentions"]) >= 1
    assert row["event_id"] in [m["event_id"] for m in ev["mentions"]]
    assert ev["record"]["kind"] == "event"
    assert ev["location"] is None or {"name", "lat", "lon"} <= set(ev["location"])


def test_event_by_cluster_id_opens_its_first_mention_and_lists_all(client, st):
    [c] = st.sql(
        "SELECT cluster_id, first_event_id, num_mentions FROM clusters WHERE num_mentions > 1 "
        "ORDER BY cluster_id LIMIT 1"
    ).to_dict("records")
    ev = ok(client, f"/api/events/{c['cluster_id']}")
    assert ev["event_id"] == c["first_event_id"] and ev["cluster_id"] == c["cluster_id"]
    assert len(ev["mentions"]) == c["num_mentions"] == 2
    assert {m["doc_id"] for m in ev["mentions"]} == {"wire/0315", "wire/0316"}


def test_unknown_event_is_404(client):
    assert err(client, "/api/events/0123456789abcdef0000", 404)["error"] == "unknown event"
    err(client, "/api/events/" + "x" * 201, 400)


# --------------------------------------------------------------------------- /api/actors


def test_actors_by_mentions_with_search(client, st):
    data = ok(client, "/api/actors")
    counts = [a["mentions"] for a in data["actors"]]
    assert counts == sorted(counts, reverse=True)
    assert data["total"] == int(st.sql("SELECT count(*) AS n FROM actors")["n"][0])
    assert data["actors"][0]["code"] == "BLRGOV"
    blr = ok(client, "/api/actors", q="blr")["actors"]
    assert blr and all(a["code"].startswith("BLR") for a in blr)
    by_name = ok(client, "/api/actors", q="lukashenko")["actors"]
    assert [a["code"] for a in by_name][:1] == ["BLRGOV"]
    page = ok(client, "/api/actors", limit=2, offset=1)
    assert [a["code"] for a in page["actors"]] == [a["code"] for a in data["actors"][1:3]]
    assert ok(client, "/api/actors", q="nobody-like-this")["actors"] == []
    err(client, "/api/actors", 400, params={"limit": 5000})
    err(client, "/api/actors", 400, params={"q": "x" * 101})


# --------------------------------------------------------------------------- series


def test_dyad_series_matches_store_stats(client, st):
    for by in ("day", "week", "month", "year"):
        data = ok(client, "/api/dyads/BLR/RUS/series", by=by)
        assert data["by"] == by and data["dyad"] == "BLR-RUS"
        expected = st.stats(dyad="BLR-RUS", by=by, arrow=True).to_pylist()
        assert [r["events"] for r in data["series"]] == [r["events"] for r in expected]
        assert [r["period"] for r in data["series"]] == [
            r["period"].isoformat() if r["period"] else None for r in expected]  # fmt: skip
    row = ok(client, "/api/dyads/blr/rus/series")["series"][0]
    for key in (
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
        "goldstein_mean",
        "goldstein_sum",
        "top_codes",
    ):
        assert key in row  # fmt: skip
    quads = sum(row[k] for k in ("verbal_cooperation", "material_cooperation",
                                 "verbal_conflict", "material_conflict"))  # fmt: skip
    assert quads == row["events"]
    directed = ok(client, "/api/dyads/RUS/BLR/series", directed=True)["series"]
    expected = st.stats(dyad="RUS-BLR", directed=True, arrow=True).to_pylist()
    assert [r["events"] for r in directed] == [r["events"] for r in expected]
    mentions = ok(client, "/api/dyads/BLR/RUS/series", mentions=True)["series"]
    assert sum(r["events"] for r in mentions) >= sum(
        r["events"] for r in ok(client, "/api/dyads/BLR/RUS/series")["series"])  # fmt: skip


def test_series_with_filters(client, st):
    data = ok(client, "/api/series", by="week", actor="BLR")
    expected = st.stats(actor="BLR", by="week", arrow=True).to_pylist()
    assert [r["events"] for r in data["series"]] == [r["events"] for r in expected]


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        ("/api/dyads/ZZZ/RUS/series", {}, 404),
        ("/api/dyads/BLR/QQQ/series", {}, 404),
        ("/api/dyads/B*R/RUS/series", {}, 400),
        ("/api/dyads/BLR/RUS/series", {"by": "decade"}, 400),
        ("/api/dyads/BLR/RUS/series", {"since": "2024-99"}, 400),
        ("/api/dyads/BLR/RUS/series", {"dyad": "BLR-RUS"}, 400),
        ("/api/dyads/BLR/series", {}, 404),
        ("/api/series", {"actor": "ZZZ"}, 404),
    ],
)
def test_series_bad_parameters(client, url, params, status):
    err(client, url, status, params=params)


# --------------------------------------------------------------------------- /api/network


def test_network_nodes_and_edges(client, st):
    data = ok(client, "/api/network")
    ids = [n["id"] for n in data["nodes"]]
    assert "BLRGOV" in ids and "RUSGOV" in ids
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    rows = st.events(arrow=True).to_pylist()
    pairs = [
        (r["source_code"], r["target_code"])
        for r in rows
        if r["source_code"] and r["target_code"] and r["source_code"] != r["target_code"]
    ]
    assert sum(e["count"] for e in data["edges"]) == len(pairs)  # fmt: skip
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("BLRGOV", "RUSGOV"))
    gs = [
        r["goldstein"] for r in rows if (r["source_code"], r["target_code"]) == ("BLRGOV", "RUSGOV")
    ]
    assert edge["count"] == len(gs) and edge["goldstein"] == pytest.approx(sum(gs) / len(gs), 0.01)
    node = next(n for n in data["nodes"] if n["id"] == "BLRGOV")
    assert node["name"] == "Alexander Lukashenko"
    assert node["count"] == sum(
        e["count"] for e in data["edges"] if "BLRGOV" in (e["source"], e["target"])
    )
    strongest = ok(client, "/api/network", edges=2)["edges"]
    assert [e["count"] for e in strongest] == sorted(e["count"] for e in data["edges"])[::-1][:2]
    small = ok(client, "/api/network", nodes=3)
    assert len(small["nodes"]) == 3 and small["total_actors"] == data["total_actors"]
    countries = ok(client, "/api/network", level="country")
    assert {"BLR", "RUS"} <= {n["id"] for n in countries["nodes"]}
    assert all(len(n["id"]) == 3 or n["id"].startswith("IGO") for n in countries["nodes"])
    dyad = ok(client, "/api/network", dyad="BLR-RUS", level="country")
    assert {n["id"] for n in dyad["nodes"]} == {"BLR", "RUS"}
    assert ok(client, "/api/network", root="20")["nodes"] == []


@pytest.mark.parametrize(
    ("params", "status"),
    [({"nodes": 1000}, 400), ({"nodes": 1}, 400), ({"level": "planet"}, 400),
     ({"min_count": 0}, 400), ({"edges": 0}, 400), ({"edges": 5000}, 400),
     ({"actor": "ZZZ"}, 404)],
)  # fmt: skip
def test_network_bad_parameters(client, params, status):
    err(client, "/api/network", status, params=params)


# --------------------------------------------------------------------------- /api/map


def test_map_places(client, st):
    data = ok(client, "/api/map")
    located = st.sql("SELECT count(*) AS n FROM event_clusters WHERE location_lat IS NOT NULL")
    assert data["located"] == int(located["n"][0]) > 0
    assert data["total"] == st.counts()["clusters"]
    assert sum(p["count"] for p in data["places"]) == data["located"]
    sochi = next(p for p in data["places"] if p["name"] == "Sochi")
    assert sochi["country"] == "RUS" and 43 < sochi["lat"] < 44 and 39 < sochi["lon"] < 40
    dyad = ok(client, "/api/map", dyad="BLR-RUS")
    assert "Sochi" in {p["name"] for p in dyad["places"]}
    assert ok(client, "/api/map", actor="IGOEUREEC")["places"] == []
    err(client, "/api/map", 400, params={"limit": 0})
    err(client, "/api/map", 400, params={"limit": 99_999})


# --------------------------------------------------------------------------- /api/articles


def test_article_text_with_highlights(client, st):
    doc = "belarus_sochi_talks"
    a = ok(client, f"/api/articles/{doc}")
    [stored] = st.sql("SELECT text, title FROM documents WHERE doc_id = ?", [doc])["text"]
    assert a["text"] == stored and a["title"].startswith("Lukashenko recounts")
    assert not a["truncated"]
    kinds = {h["kind"] for h in a["highlights"]}
    assert {"actor", "trigger", "quote", "cue"} <= kinds
    for h in a["highlights"]:
        assert 0 <= h["start"] < h["end"] <= len(a["text"])
    triggers = {(h["start"], h["end"]) for h in a["highlights"] if h["kind"] == "trigger"}
    for e in a["events"]:
        assert (e["span_start"], e["span_end"]) in triggers
        assert a["text"][e["span_start"] : e["span_end"]] == e["trigger"]
    quotes = [h for h in a["highlights"] if h["kind"] == "quote"]
    assert len(quotes) == len({(q["span_start"], q["span_end"]) for q in a["quotes"]})
    assert any("Nobody asked for money" in a["text"][h["start"] : h["end"]] for h in quotes)
    # the same words as actor of several events are one highlight listing them all
    keys = [(h["kind"], h["start"], h["end"]) for h in a["highlights"]]
    assert len(keys) == len(set(keys))


def test_article_with_a_slash_in_its_id(client):
    a = ok(client, "/api/articles/wire/0315")
    assert a["doc_id"] == "wire/0315" and a["source"] == "Wire One"
    assert ok(client, "/api/articles/wire%2F0316")["doc_id"] == "wire/0316"


def test_article_markup_comes_back_as_inert_text(client):
    r = client.get(f"/api/articles/{PROBE_ID}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]
    a = r.json()
    assert a["text"] == PROBE_TEXT and "<script>" in a["text"]  # as text, unchanged
    assert a["title"].startswith("<img") and a["source"] == "<b>Probe</b>"
    assert a["events"], "the probe article should have events to open"


def test_unknown_article_is_404(client):
    assert err(client, "/api/articles/no-such-doc", 404)["error"] == "unknown article"


# --------------------------------------------------------------------------- /api/code


def test_code_a_text_returns_events_and_quotes_without_storing(client, st):
    before = st.counts()
    text = ('Russia imposed sanctions on Belarus. "We will respond," Belarusian Foreign '
            "Minister Maxim Ryzhenkov said.")  # fmt: skip
    r = client.post("/api/code", json={"text": text, "date": "2024-03-14"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["text"] == text and out["date"] == "2024-03-14"
    codes = {(e["source"]["code"], e["cameo"], (e["target"] or {}).get("code"))
             for e in out["events"]}  # fmt: skip
    assert ("RUS", "163", "BLR") in codes
    assert out["events"][0]["evidence"]["rule"]
    assert out["quotes"] and out["quotes"][0]["text"] == "We will respond,"
    kinds = {h["kind"] for h in out["highlights"]}
    assert {"actor", "trigger", "quote"} <= kinds
    trig = next(h for h in out["highlights"] if h["kind"] == "trigger")
    assert text[trig["start"] : trig["end"]] == "imposed"
    assert st.counts() == before


def test_code_without_date_and_with_markup(client):
    text = "Poland accused Russia of spying. <script>alert(1)</script>"
    out = client.post("/api/code", json={"text": text}).json()
    assert out["date"] is None and out["text"] == text
    assert any(e["cameo"].startswith("112") for e in out["events"])


def test_code_size_limits(client):
    body = err(client, "/api/code", 413, "POST", json={"text": "a" * 100_001})
    assert body["error"] == "text too large" and "100000" in body["detail"]
    # a body past the request limit is refused before it is read (Content-Length) ...
    huge = json.dumps({"text": "b" * (1024 * 1024 + 10)})
    body = err(client, "/api/code", 413, "POST", content=huge,
               headers={"content-type": "application/json"})  # fmt: skip
    assert body["error"] == "request too large"

    # ... and while it is read, when it comes without one (chunked)
    def chunks():
        yield b'{"text": "'
        for _ in range(80):
            yield b"c" * 16384
        yield b'"}'

    body = err(client, "/api/code", 413, "POST", content=chunks(),
               headers={"content-type": "application/json"})  # fmt: skip
    assert body["error"] == "request too large"


@pytest.mark.parametrize(
    ("payload", "status", "needle"),
    [
        ({"text": ""}, 400, "empty"),
        ({"text": "   \n"}, 400, "empty"),
        ({"text": "Russia attacked Ukraine.", "date": "2024-02-30"}, 400, "date"),
        ({"text": "Russia attacked Ukraine.", "date": "soon"}, 400, "date"),
        ({"date": "2024-01-01"}, 400, "text"),
        ({"text": 42}, 400, "text"),
    ],
)
def test_code_bad_requests(client, payload, status, needle):
    body = err(client, "/api/code", status, "POST", json=payload)
    assert needle in (body["error"] + " " + str(body["detail"])).lower(), body


def test_code_bad_json_and_method(client):
    err(client, "/api/code", 400, "POST", content=b"{not json",
        headers={"content-type": "application/json"})  # fmt: skip
    err(client, "/api/code", 405, "GET")


def test_coder_is_loaded_once_lazily(web_db):
    from fastapi.testclient import TestClient

    from whodid.web import create_app

    made = []

    class Fake:
        def code_doc(self, text, day, doc_id="text"):
            class Doc:
                class _:
                    events: list = []
                    quotes: list = []
                    actors: list = []

            return Doc

    def factory():
        made.append(1)
        return Fake()

    app = create_app(web_db, coder_factory=factory)
    with TestClient(app) as c:
        assert made == [] and not app.state.coder.loaded
        for _ in range(3):
            r = c.post("/api/code", json={"text": "Nothing happened."})
            assert r.status_code == 200 and r.json()["events"] == []
        assert made == [1] and app.state.coder.loaded


# --------------------------------------------------------------------------- safety


def test_unknown_path_and_internal_error_are_json_without_trace(web_db, monkeypatch):
    from fastapi.testclient import TestClient

    from whodid.web import create_app

    app = create_app(web_db)
    with TestClient(app, raise_server_exceptions=False) as c:
        assert err(c, "/api/nothing-here", 404)["error"] == "not found"

        def boom():
            raise RuntimeError("secret internals /etc/passwd")

        monkeypatch.setattr(app.state.db, "info", boom)
        r = c.get("/api/info")
        assert r.status_code == 500
        assert r.json() == {"error": "internal error",
                            "detail": "the server could not answer; see its log"}  # fmt: skip
        assert "secret" not in r.text


def test_host_header_is_checked_when_bound_to_loopback(web_db):
    from fastapi.testclient import TestClient

    from whodid.web import create_app
    from whodid.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(web_db, allowed_hosts=LOOPBACK_HOSTS)) as c:
        for host in ("127.0.0.1:8000", "localhost", "[::1]:8000"):
            assert c.get("/api/info", headers={"host": host}).status_code == 200, host
        body = err(c, "/api/info", 400, headers={"host": "evil.example:8000"})
        assert body["error"] == "bad host"


def test_store_is_opened_read_only(app):
    import duckdb

    assert app.state.db.store.read_only
    with pytest.raises(duckdb.Error):
        app.state.db.store.con.execute("CREATE TABLE intruder (i INTEGER)")


def test_concurrent_requests_get_consistent_answers(client):
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/events?limit=500", "/api/network", "/api/map", "/api/dyads/BLR/RUS/series",
            "/api/actors", "/api/articles/belarus_sochi_talks"] * 6  # fmt: skip
    first = {u: client.get(u).json() for u in set(urls)}
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda u: (u, client.get(u)), urls))
    for u, r in got:
        assert r.status_code == 200 and r.json() == first[u], u


def test_security_headers_on_every_answer(client):
    for url in ("/", "/static/app.js", "/api/info", "/api/nothing"):
        r = client.get(url)
        assert r.headers["x-content-type-options"] == "nosniff", url
        assert "default-src 'self'" in r.headers["content-security-policy"], url


# --------------------------------------------------------------------------- page and assets


def test_page_and_assets_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/app.js" in assets and "/static/style.css" in assets
    for asset in [*assets, "/static/world.json"]:
        assert client.get(asset).status_code == 200, asset
    world = client.get("/static/world.json").json()
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 150
    assert {"name", "iso_a3"} <= set(world["features"][0]["properties"])


def test_no_asset_comes_from_elsewhere():
    """No CDN: the page's files name no other host (the SVG namespace is not a request)."""
    static = ROOT / "src" / "whodid" / "web" / "static"
    for path in static.iterdir():
        if path.suffix not in (".html", ".js", ".css"):
            continue
        text = path.read_text(encoding="utf-8")
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s\"')]*", text))
        urls.discard("http://www.w3.org/2000/svg")
        assert not urls, (path.name, urls)
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path.name


def test_openapi_describes_every_endpoint(client):
    spec = ok(client, "/openapi.json")
    paths = spec["paths"]
    for p in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/dyads/{a}/{b}/series",
        "/api/network",
        "/api/articles/{doc_id}",
        "/api/code",
        "/api/map",
        "/api/series",
        "/api/info",
    ):
        assert p in paths, p  # fmt: skip
    assert "post" in paths["/api/code"] and "413" in paths["/api/code"]["post"]["responses"]
    assert all("422" not in op["responses"] for item in paths.values() for op in item.values())
    assert "400" in paths["/api/events"]["get"]["responses"]
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "directed", "root", "cameo", "since", "until", "limit",
            "offset", "mentions"} <= names  # fmt: skip
    # Swagger UI and ReDoc would load scripts from a CDN: they are not offered
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


# --------------------------------------------------------------------------- the command


def test_serve_command_options_and_missing_database(cli, tmp_path):
    from whodid.cli_web import is_loopback

    res = cli("serve", "--help")
    assert res.exit_code == 0
    for opt in ("--db", "--host", "--port"):
        assert opt in res.stdout
    assert "127.0.0.1" in res.stdout
    res = cli("serve", "--db", tmp_path / "missing.duckdb")
    assert res.exit_code == 1 and "no such database" in res.stderr
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.0.0.2") and not is_loopback("0.0.0.0")
    assert not is_loopback("192.168.1.10") and not is_loopback("example.org")
