"""Page load of `whodid serve` over a store of 100,000 events (target: under 2 s).

    python benchmarks/web.py [--events 100000] [--db benchmarks/out/web-100k.duckdb]
                             [--rebuild] [--runs 5] [--no-browser]

Builds (or reuses) a synthetic store: rows written straight into the store's tables with
the Store/DuckDB API (documents, sentences, events with plausible actors, codes, dates and
places, clusters), which takes seconds, where coding 100,000 events would take an hour.
Then starts `whodid serve` on a free loopback port and measures what opening the page
costs: the HTML, the script, the style sheet, the world map, and the page's first API calls
(store info, first page of events, the series, the network, the map data), each on its own
and all together as a browser fetches them (six at a time), first while the server is cold
and then warm, with no filter and with a dyad filter. With Chromium and Selenium installed
it also times the real page in headless Chromium, from navigation to the last chart drawn.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "benchmarks" / "out" / "web-100k.duckdb"
TARGET_SECONDS = 2.0

ACTORS = [
    ("RUS", "Russia"), ("RUSGOV", "Vladimir Putin"), ("RUSMIL", "Russia"), ("UKR", "Ukraine"),
    ("UKRGOV", "Volodymyr Zelensky"), ("UKRMIL", "Ukraine"), ("BLR", "Belarus"),
    ("BLRGOV", "Alexander Lukashenko"), ("POL", "Poland"), ("POLGOV", "Poland"),
    ("LTU", "Lithuania"), ("LVA", "Latvia"), ("EST", "Estonia"), ("DEU", "Germany"),
    ("DEUGOV", "Olaf Scholz"), ("FRA", "France"), ("FRAGOV", "Emmanuel Macron"),
    ("GBR", "United Kingdom"), ("USA", "United States"), ("USAGOV", "Joe Biden"),
    ("USAMIL", "United States"), ("CHN", "China"), ("CHNGOV", "Xi Jinping"), ("TUR", "Turkey"),
    ("TURGOV", "Recep Tayyip Erdogan"), ("IRN", "Iran"), ("ISR", "Israel"),
    ("ISRMIL", "Israel"), ("PSE", "Palestine"), ("SYR", "Syria"), ("IGOWSTNAT", "NATO"),
    ("IGOEUREEC", "European Union"), ("IGOUNO", "United Nations"), ("JPN", "Japan"),
    ("PRK", "North Korea"), ("KOR", "South Korea"), ("IND", "India"), ("PAK", "Pakistan"),
    ("KAZ", "Kazakhstan"), ("GEO", "Georgia"),
]  # fmt: skip
CODES = [
    ("010", "Make statement", 0.0, 1, None, "said"), ("020", "Appeal", 3.0, 1, "REQUEST", "urged"),
    ("036", "Express intent to meet or negotiate", 4.0, 1, "AGREE", "offered talks with"),
    ("040", "Consult", 1.0, 1, "CONSULT", "met"),
    ("042", "Make a visit", 1.9, 1, "CONSULT", "visited"),
    ("043", "Host a visit", 2.8, 1, "CONSULT", "hosted"),
    ("051", "Praise or endorse", 3.4, 1, "SUPPORT", "praised"),
    ("057", "Sign formal agreement", 8.0, 1, "AGREE", "signed a deal with"),
    ("061", "Cooperate economically", 6.4, 2, "COOPERATE", "traded with"),
    ("070", "Provide aid", 7.0, 2, "AID", "sent aid to"),
    ("0233", "Appeal for humanitarian aid", 3.4, 1, "REQUEST", "asked for aid from"),
    ("081", "Ease administrative sanctions", 5.0, 2, "RETREAT", "eased sanctions on"),
    ("112", "Accuse", -2.0, 3, "ACCUSE", "accused"),
    ("111", "Criticize or denounce", -2.0, 3, "ACCUSE", "condemned"),
    ("125", "Reject proposal", -4.0, 3, "REJECT", "rejected"),
    ("130", "Threaten", -4.4, 3, "THREATEN", "threatened"),
    ("160", "Reduce relations", -4.0, 3, "SANCTION", "cut ties with"),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, 3, "SANCTION", "imposed sanctions on"),
    ("172", "Impose administrative sanctions", -5.0, 4, "COERCE", "expelled diplomats of"),
    ("150", "Demonstrate military or police power", -7.2, 4, "MOBILIZE", "flew jets near"),
    ("190", "Use conventional military force", -10.0, 4, "ASSAULT", "attacked"),
    ("195", "Employ aerial weapons", -10.0, 4, "ASSAULT", "bombed"),
]  # fmt: skip
PLACES = [
    ("Moscow", "RUS", 55.75, 37.62, 524901), ("Kyiv", "UKR", 50.45, 30.52, 703448),
    ("Minsk", "BLR", 53.90, 27.57, 625144), ("Warsaw", "POL", 52.23, 21.01, 756135),
    ("Vilnius", "LTU", 54.69, 25.28, 593116), ("Riga", "LVA", 56.95, 24.11, 456172),
    ("Berlin", "DEU", 52.52, 13.41, 2950159), ("Paris", "FRA", 48.85, 2.35, 2988507),
    ("London", "GBR", 51.51, -0.13, 2643743), ("Washington", "USA", 38.90, -77.04, 4140963),
    ("Beijing", "CHN", 39.91, 116.40, 1816670), ("Ankara", "TUR", 39.92, 32.85, 323786),
    ("Tehran", "IRN", 35.69, 51.42, 112931), ("Jerusalem", "ISR", 31.77, 35.22, 281184),
    ("Gaza", "PSE", 31.50, 34.47, 281133), ("Damascus", "SYR", 33.51, 36.29, 170654),
    ("Brussels", "BEL", 50.85, 4.35, 2800866), ("Geneva", "CHE", 46.20, 6.14, 2660646),
    ("Tokyo", "JPN", 35.69, 139.69, 1850147), ("Pyongyang", "PRK", 39.03, 125.75, 1871859),
    ("Seoul", "KOR", 37.57, 126.98, 1835848), ("New Delhi", "IND", 28.64, 77.22, 1261481),
    ("Islamabad", "PAK", 33.72, 73.04, 1176615), ("Astana", "KAZ", 51.18, 71.45, 1526273),
    ("Tbilisi", "GEO", 41.69, 44.83, 611717), ("Kharkiv", "UKR", 49.98, 36.25, 706483),
    ("Sochi", "RUS", 43.60, 39.72, 491422), ("Brest", "BLR", 52.10, 23.70, 629634),
]  # fmt: skip
SOURCES = ["Wire A", "Wire B", "Daily C", "Herald D", "Post E", None]
START = date(2018, 1, 1)
DAYS = 7 * 365


def _rid(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


def _country(code: str) -> str:
    return code if code.startswith("IGO") else code[:3]


def build(db: Path, n_events: int, seed: int = 7) -> None:
    """Write a synthetic store of `n_events` events (5 per document) at `db`."""
    from whodid.store import Store

    rnd = random.Random(seed)
    if db.exists():
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now().replace(microsecond=0)
    docs: dict[str, list] = {k: [] for k in ("doc_id", "content_hash", "title", "date", "source",
                                             "url", "origin", "text", "n_chars", "n_sentences",
                                             "n_events", "n_quotes", "coder_version",
                                             "ingested_at")}  # fmt: skip
    sents: dict[str, list] = {k: [] for k in ("doc_id", "sentence_index", "char_start",
                                              "char_end", "text")}  # fmt: skip
    ev_cols = ("event_id", "doc_id", "sentence_index", "span_start", "span_end", "date",
               "date_precision", "source_code", "source_country", "source_sector", "source_text",
               "source_name", "source_start", "source_end", "target_code", "target_country",
               "target_sector", "target_text", "target_name", "target_start", "target_end",
               "cameo", "root", "label", "goldstein", "quad_class", "plover", "trigger", "rule",
               "mode", "reciprocal", "location_name", "location_country", "location_lat",
               "location_lon", "location_geonameid", "dedup_key", "record")  # fmt: skip
    evs: dict[str, list] = {k: [] for k in ev_cols}
    quotes: dict[str, list] = {k: [] for k in ("quote_id", "doc_id", "sentence_index", "text",
                                               "span_start", "span_end", "cue", "cue_start",
                                               "cue_end", "direct", "speaker_text",
                                               "speaker_start", "speaker_end", "speaker_name",
                                               "speaker_code", "speaker_rule",
                                               "record")}  # fmt: skip
    # a few busy dyads, as in real news, and a long tail
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(ACTORS))]
    n_docs = (n_events + 4) // 5
    made = 0
    for d in range(n_docs):
        doc_id = f"synthetic-{d:06d}"
        day = START + timedelta(days=rnd.randrange(DAYS))
        parts, offset = [], 0
        n_here = min(5, n_events - made)
        for k in range(n_here):
            src, tgt = rnd.choices(ACTORS, weights, k=2)
            while tgt[0] == src[0]:
                tgt = rnd.choices(ACTORS, weights)[0]
            cameo, label, gold, quad, plover, verb = rnd.choice(CODES)
            place = rnd.choice(PLACES) if rnd.random() < 0.4 else None
            where = f" in {place[0]}" if place else ""
            text = f"{src[1]} {verb} {tgt[1]}{where} on day {k + 1}."
            start = offset
            parts.append(text)
            offset += len(text) + 1
            sents["doc_id"].append(doc_id)
            sents["sentence_index"].append(k)
            sents["char_start"].append(start)
            sents["char_end"].append(start + len(text))
            sents["text"].append(text)
            s0 = start
            t0 = start + len(src[1]) + 1
            g0 = t0 + len(verb) + 1
            ev_date = day - timedelta(days=rnd.choice((0, 0, 0, 1)))
            key = "|".join(
                str(x)
                for x in (
                    _country(src[0]),
                    src[0][3:] or None,
                    _country(tgt[0]),
                    tgt[0][3:] or None,
                    cameo,
                    "day",
                )
            )
            record = {
                "kind": "event", "doc_id": doc_id, "sentence_index": k, "sentence": text,
                "span": [t0, t0 + len(verb)], "date": ev_date.isoformat(),
                "source": {"code": src[0], "text": src[1], "span": [s0, s0 + len(src[1])]},
                "target": {"code": tgt[0], "text": tgt[1], "span": [g0, g0 + len(tgt[1])]},
                "cameo": cameo, "evidence": {"trigger": verb, "rule": "synthetic:1",
                                             "mode": "asserted", "reciprocal": False,
                                             "notes": []},
            }  # fmt: skip
            row = {
                "event_id": _rid(doc_id, k), "doc_id": doc_id, "sentence_index": k,
                "span_start": t0, "span_end": t0 + len(verb), "date": ev_date,
                "date_precision": "day", "source_code": src[0], "source_country": _country(src[0]),
                "source_sector": src[0][3:] or None, "source_text": src[1], "source_name": src[1],
                "source_start": s0, "source_end": s0 + len(src[1]), "target_code": tgt[0],
                "target_country": _country(tgt[0]), "target_sector": tgt[0][3:] or None,
                "target_text": tgt[1], "target_name": tgt[1], "target_start": g0,
                "target_end": g0 + len(tgt[1]), "cameo": cameo, "root": cameo[:2],
                "label": label, "goldstein": gold, "quad_class": quad, "plover": plover,
                "trigger": verb, "rule": "synthetic:1", "mode": "asserted", "reciprocal": False,
                "location_name": place[0] if place else None,
                "location_country": place[1] if place else None,
                "location_lat": place[2] if place else None,
                "location_lon": place[3] if place else None,
                "location_geonameid": place[4] if place else None,
                "dedup_key": key, "record": json.dumps(record),
            }  # fmt: skip
            for c in ev_cols:
                evs[c].append(row[c])
            made += 1
        text = " ".join(parts)
        if rnd.random() < 0.3:  # a quote of the first sentence's source
            first = sents["text"][-n_here]
            quotes["quote_id"].append(_rid("q", doc_id))
            for c, v in (("doc_id", doc_id), ("sentence_index", 0), ("text", first),
                         ("span_start", 0), ("span_end", len(first)), ("cue", "said"),
                         ("cue_start", None), ("cue_end", None), ("direct", False),
                         ("speaker_text", None), ("speaker_start", None), ("speaker_end", None),
                         ("speaker_name", evs["source_name"][-n_here]),
                         ("speaker_code", evs["source_code"][-n_here]),
                         ("speaker_rule", "synthetic"), ("record", "{}")):  # fmt: skip
                quotes[c].append(v)
        src_name = rnd.choice(SOURCES)
        for c, v in (("doc_id", doc_id), ("content_hash", _rid("h", doc_id)),
                     ("title", f"Synthetic report {d}"), ("date", day), ("source", src_name),
                     ("url", None), ("origin", "synthetic"), ("text", text),
                     ("n_chars", len(text)), ("n_sentences", n_here), ("n_events", n_here),
                     ("n_quotes", 0), ("coder_version", "synthetic"),
                     ("ingested_at", now)):  # fmt: skip
            docs[c].append(v)
    # clusters: same key within the window of a day, as the dedup rule would have them
    order = sorted(range(len(evs["event_id"])), key=lambda i: (evs["dedup_key"][i], evs["date"][i]))
    cl: dict[str, list] = {k: [] for k in ("cluster_id", "dedup_key", "start_date", "end_date",
                                           "first_event_id", "num_mentions", "num_articles",
                                           "num_sources")}  # fmt: skip
    members: dict[str, list] = {"event_id": [], "cluster_id": []}
    doc_source = dict(zip(docs["doc_id"], docs["source"], strict=True))
    i = 0
    while i < len(order):
        a = order[i]
        key, start = evs["dedup_key"][a], evs["date"][a]
        j = i
        group = []
        while j < len(order) and evs["dedup_key"][order[j]] == key and (
                evs["date"][order[j]] - start).days <= 1:  # fmt: skip
            group.append(order[j])
            j += 1
        cid = _rid("c", key, start)
        cl["cluster_id"].append(cid)
        cl["dedup_key"].append(key)
        cl["start_date"].append(start)
        cl["end_date"].append(max(evs["date"][g] for g in group))
        cl["first_event_id"].append(evs["event_id"][group[0]])
        cl["num_mentions"].append(len(group))
        cl["num_articles"].append(len({evs["doc_id"][g] for g in group}))
        cl["num_sources"].append(len({doc_source[evs["doc_id"][g]] for g in group} - {None}))
        for g in group:
            members["event_id"].append(evs["event_id"][g])
            members["cluster_id"].append(cid)
        i = j
    with Store(db, read_only=False) as st:
        con = st.con
        con.begin()
        for table, data in (("documents", docs), ("sentences", sents), ("events", evs),
                            ("quotes", quotes), ("clusters", cl),
                            ("cluster_members", members)):  # fmt: skip
            arrow = pa.table(data)
            con.register("_rows", arrow)
            cols = ", ".join(data)
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _rows")
            con.unregister("_rows")
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('dedup_rule', ?)",
            [json.dumps({"window_days": 1, "fields": ["source_country", "source_sector",
                                                      "target_country", "target_sector",
                                                      "cameo", "date_precision"]})],
        )  # fmt: skip
        con.commit()
        con.execute("CHECKPOINT")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[float, int]:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:  # noqa: S310 - our loopback server
        body = r.read()
    return time.perf_counter() - t, len(body)


def page_requests(dyad: str | None) -> list[tuple[str, str]]:
    """What the page asks for on opening, in the order it asks."""
    f = f"&dyad={dyad}" if dyad else ""
    series = (f"/api/dyads/{dyad.split('-')[0]}/{dyad.split('-')[1]}/series?by=month"
              if dyad else "/api/series?by=month")  # fmt: skip
    return [
        ("script", "/static/app.js"), ("style", "/static/style.css"), ("info", "/api/info"),
        ("events", f"/api/events?limit=50&offset=0&order=desc{f}"), ("series", series),
        ("network", f"/api/network?level=code&nodes=30&edges=120{f}"),
        ("map data", f"/api/map?{f[1:]}"), ("world map", "/static/world.json"),
    ]  # fmt: skip


def load_once(base: str, dyad: str | None) -> tuple[float, dict[str, float]]:
    """The page as a browser loads it: HTML first, then six requests at a time."""
    each: dict[str, float] = {}
    t0 = time.perf_counter()
    each["html"], _ = _get(base + "/")
    with ThreadPoolExecutor(6) as pool:
        reqs = page_requests(dyad)
        for (name, _), (secs, _n) in zip(reqs, pool.map(lambda r: _get(base + r[1]), reqs),
                                         strict=True):  # fmt: skip
            each[name] = secs
    return time.perf_counter() - t0, each


def browser_load(base: str, url_query: str = "") -> float | None:
    """Navigation to last chart drawn in headless Chromium, or None without a browser."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    if not (chromium and driver):
        return None
    os.environ.setdefault("SE_OFFLINE", "true")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--window-size=1400,2000"):  # fmt: skip
        opts.add_argument(a)
    with tempfile.TemporaryDirectory() as profile:
        opts.add_argument(f"--user-data-dir={profile}")
        drv = webdriver.Chrome(service=Service(executable_path=driver), options=opts)
        try:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                drv.get(base + "/" + url_query)
                while True:
                    body = drv.find_element("tag name", "body")
                    if (body.get_attribute("data-loaded") == "1"
                            and body.get_attribute("data-pending") == "0"):  # fmt: skip
                        break
                    if time.perf_counter() - t > 60:
                        raise RuntimeError("page did not finish loading in 60 s")
                    time.sleep(0.01)
                times.append(time.perf_counter() - t)
            return min(times[1:]) if len(times) > 1 else times[0]
        finally:
            drv.quit()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--rebuild", action="store_true", help="Build the store even if it exists.")
    ap.add_argument("--runs", type=int, default=5, help="Warm page loads to time.")
    ap.add_argument("--no-browser", action="store_true", help="Skip the Chromium timing.")
    args = ap.parse_args(argv)

    import duckdb

    stale = True
    if args.db.exists() and not args.rebuild:
        con = duckdb.connect(str(args.db), read_only=True)
        stale = con.execute("SELECT count(*) FROM events").fetchall()[0][0] != args.events
        con.close()
    if stale:
        t = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} with {args.events:,} events in {time.perf_counter() - t:.1f} s")
    size = args.db.stat().st_size / 1e6
    print(f"store: {args.db} ({size:.0f} MB)")

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    whodid = Path(sys.executable).with_name("whodid")
    cmd = [str(whodid)] if whodid.exists() else [sys.executable, "-m", "whodid.cli"]
    t = time.perf_counter()
    proc = subprocess.Popen([*cmd, "serve", "--db", str(args.db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/static/style.css", timeout=1).read()  # noqa: S310
                break
            except OSError:
                if proc.poll() is not None:
                    print(proc.stderr.read().decode(), file=sys.stderr)
                    return 1
                if time.perf_counter() - t > 60:
                    print("server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.05)
        print(f"server up in {time.perf_counter() - t:.2f} s")
        info = json.loads(urllib.request.urlopen(base + "/api/info").read())  # noqa: S310
        print(f"{info['mentions']:,} event mentions, {info['clusters']:,} clusters, "
              f"{info['documents']:,} documents")  # fmt: skip

        worst = 0.0
        for dyad in (None, "RUS-UKR"):
            label = f"dyad {dyad}" if dyad else "no filter"
            total, each = load_once(base, dyad)
            print(f"\n[{label}] first load: {total * 1000:.0f} ms")
            print("  " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in each.items()) + " (ms)")
            totals = []
            per: dict[str, list[float]] = {}
            for _ in range(args.runs):
                tt, ee = load_once(base, dyad)
                totals.append(tt)
                for k, v in ee.items():
                    per.setdefault(k, []).append(v)
            med = statistics.median(totals)
            print(f"[{label}] warm loads: median {med * 1000:.0f} ms, worst "
                  f"{max(totals) * 1000:.0f} ms over {args.runs}")  # fmt: skip
            print(
                "  each alone, median: "
                + ", ".join(f"{k} {statistics.median(v) * 1000:.0f}" for k, v in per.items())
                + " (ms)"
            )
            worst = max(worst, total, max(totals))
        seq = {}
        for name, path in [
            ("html", "/"),
            *page_requests(None),
            ("actors (after load)", "/api/actors?limit=1000"),
        ]:
            secs, n = _get(base + path)
            seq[name] = (secs, n)
        print("\none at a time: " + ", ".join(f"{k} {s * 1000:.0f} ms ({n / 1024:.0f} kB)"
                                              for k, (s, n) in seq.items()))  # fmt: skip
        if not args.no_browser:
            for q, label in (("", "no filter"), ("?dyad=RUS-UKR", "dyad RUS-UKR")):
                secs = browser_load(base, q)
                if secs is None:
                    print("\nheadless Chromium: not installed, not timed")
                    break
                print(f"headless Chromium, navigation to last chart drawn ({label}): "
                      f"{secs * 1000:.0f} ms")  # fmt: skip
                worst = max(worst, secs)
        verdict = "OK" if worst < TARGET_SECONDS else "TOO SLOW"
        print(f"\nworst page load {worst * 1000:.0f} ms; target {TARGET_SECONDS:.0f} s: {verdict}")
        return 0 if worst < TARGET_SECONDS else 1
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    raise SystemExit(main())
