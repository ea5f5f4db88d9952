"""The event store through its Python API: ingest, idempotency, replacement, dedup, queries,
stats, exports, failures, huge documents, migrations and forward-compatible records."""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from test_store_corpus import ARTICLES, snapshot, write_corpus
from whodid.schema import CodedDocument, Document
from whodid.store import SCHEMA_VERSION, DedupRule, Store, StoreError
from whodid.store.export import GDELT_COLUMNS
from whodid.store.schema import MIGRATIONS, Migration, connect


def ingest(db: Path, coder, articles=None, **options) -> object:
    with Store(db, read_only=False) as st:
        return st.ingest(list(ARTICLES if articles is None else articles), coder=coder, **options)


@pytest.fixture(scope="module")
def store_db(tmp_path_factory, coder) -> Path:
    """The corpus ingested once, in batches of 4; tests only read it."""
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    report = ingest(db, coder, batch_size=4)
    assert report.new == len(ARTICLES) and report.errors == 0
    return db


@pytest.fixture
def st(store_db):
    with Store(store_db) as store:
        yield store


def clusters_of(st: Store, **filters) -> list[dict]:
    return st.events(arrow=True, **filters).to_pylist()


def triples(rows: list[dict]) -> set[tuple]:
    return {(r["source_code"], r["target_code"], r["cameo"]) for r in rows}


# --------------------------------------------------------------------------- ingest


def test_ingest_stores_every_record_of_the_coder(st, coder):
    docs = [Document(id=a["id"], text=a["text"], date=date.fromisoformat(a["date"]) if "date" in a
                     else None) for a in ARTICLES]  # fmt: skip
    coded = {c.document.id: c for c in coder.code_documents(docs)}
    stored = st.sql("SELECT doc_id, record FROM events")
    by_doc: dict[str, list[dict]] = {}
    for doc_id, record in zip(stored["doc_id"], stored["record"], strict=True):
        by_doc.setdefault(doc_id, []).append(json.loads(record))
    for doc_id, c in coded.items():
        expected = sorted((e.to_dict() for e in c.events), key=json.dumps)
        assert sorted(by_doc.get(doc_id, []), key=json.dumps) == expected, doc_id
    counts = st.counts()
    assert counts["documents"] == len(ARTICLES)
    assert counts["events"] == sum(len(c.events) for c in coded.values())
    assert counts["cluster_members"] == counts["events"]
    assert counts["sentences"] == sum(c.sentences for c in coded.values())
    doc = st.sql("SELECT * FROM documents WHERE doc_id = 'minsk-herald-0304'").iloc[0]
    assert doc["title"] == "Energy deal signed" and doc["source"] == "Minsk Herald"
    assert doc["url"] == "https://example.org/minsk/0304" and doc["n_sentences"] == 2
    assert len(doc["content_hash"]) == 64


def test_sentences_are_spans_of_the_document_text(st):
    rows = st.con.execute(
        "SELECT s.char_start, s.char_end, s.text, d.text FROM sentences s JOIN documents d "
        "USING (doc_id) ORDER BY s.doc_id, s.sentence_index"
    ).fetchall()
    assert rows
    for start, end, text, doc_text in rows:
        assert doc_text[start:end] == text
    [(first, second)] = st.con.execute(
        "SELECT list(text ORDER BY sentence_index)[1], list(text ORDER BY sentence_index)[2] "
        "FROM sentences WHERE doc_id = 'minsk-herald-0304'"
    ).fetchall()
    assert first == "Belarus signed an energy agreement with Russia on Monday."
    assert second == "Poland condemned Belarus after the border incident."
    # every event's sentence is its stored sentence
    mismatched = st.con.execute(
        "SELECT count(*) FROM events e JOIN sentences s USING (doc_id, sentence_index) "
        "WHERE json_extract_string(e.record, '$.sentence') <> s.text"
    ).fetchall()[0][0]
    assert mismatched == 0


def test_reingest_changes_nothing(tmp_path, coder):
    db = tmp_path / "a.duckdb"
    ingest(db, coder, batch_size=3)
    before = snapshot(db)
    with Store(db) as st:
        times = st.con.execute("SELECT doc_id, ingested_at FROM documents").fetchall()
    report = ingest(db, coder, batch_size=3)
    assert (report.new, report.replaced, report.unchanged) == (0, 0, len(ARTICLES))
    assert report.events == 0  # nothing was coded again
    assert snapshot(db) == before
    with Store(db) as st:
        assert st.con.execute("SELECT doc_id, ingested_at FROM documents").fetchall() == times


def test_changed_document_replaces_its_own_records(tmp_path, coder):
    db = tmp_path / "a.duckdb"
    ingest(db, coder)
    with Store(db) as st:
        before = st.con.execute("SELECT event_id, doc_id FROM events").fetchall()
        [energy] = [r for r in clusters_of(st, dyad="BLR-RUS", directed=True, cameo="057")
                    if r["num_articles"] == 2]  # fmt: skip
    changed = [dict(a) for a in ARTICLES]
    changed[1]["text"] = "Russia condemned Poland after the border incident."  # moscow-daily-0305
    report = ingest(db, coder, changed)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, len(ARTICLES) - 1)
    with Store(db) as st:
        after = st.con.execute("SELECT event_id, doc_id FROM events").fetchall()
        others_before = {e for e in before if e[1] != "moscow-daily-0305"}
        others_after = {e for e in after if e[1] != "moscow-daily-0305"}
        assert others_before == others_after
        moscow = st.events(mentions=True, arrow=True).to_pylist()
        moscow = [r for r in moscow if r["doc_id"] == "moscow-daily-0305"]
        assert triples(moscow) == {("RUS", "POL", "111")}
        assert st.counts()["cluster_members"] == st.counts()["events"]
        # the energy cluster lost its second article
        [cluster] = [r for r in clusters_of(st, dyad="BLR-RUS", directed=True, cameo="057")
                     if r["date"] == date(2024, 3, 4)]  # fmt: skip
        assert cluster["num_articles"] == 1 and energy["num_articles"] == 2
        assert st.sql("SELECT text FROM documents WHERE doc_id = 'moscow-daily-0305'")["text"][0] \
            == changed[1]["text"]  # fmt: skip


def test_ids_are_stable_across_databases(tmp_path, coder):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    ingest(a, coder, batch_size=100)
    ingest(b, coder, batch_size=2)
    assert snapshot(a) == snapshot(b)


def test_keyboard_interrupt_keeps_committed_batches_and_a_rerun_completes(tmp_path, coder):
    db = tmp_path / "a.duckdb"
    ref = tmp_path / "ref.duckdb"
    ingest(ref, coder)

    def interrupt(report):
        if report.documents == 6:  # batch (5, 6) in flight
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(db, coder, batch_size=2, on_progress=interrupt)
    with Store(db) as st:
        stored = st.counts()["documents"]
    assert stored == 4  # two committed batches; the third was rolled back
    ingest(db, coder, batch_size=2)
    assert snapshot(db) == snapshot(ref)


# --------------------------------------------------------------------------- dedup


def test_same_event_from_several_articles_is_one_cluster(st):
    rows = clusters_of(st, dyad="BLR-RUS", directed=True, cameo="057")
    assert [(r["date"], r["num_mentions"], r["num_articles"], r["num_sources"]) for r in rows] == [
        (date(2024, 3, 4), 2, 2, 2),  # Minsk Herald 03-04 and Moscow Daily 03-05: one day apart
        (date(2024, 3, 7), 1, 1, 1),  # Baltic Wire, three days later: another event
    ]
    first = rows[0]
    assert first["end_date"] == date(2024, 3, 5)
    assert first["doc_id"] == "minsk-herald-0304"
    assert first["sentence"] == "Belarus signed an energy agreement with Russia on Monday."
    mentions = [(m["doc_id"], m["sentence_index"]) for m in first["mentions"]]
    assert mentions == [("minsk-herald-0304", 0), ("moscow-daily-0305", 0)]
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for m in first["mentions"]:
        assert texts[m["doc_id"]][m["span_start"] : m["span_end"]] == "signed"


def test_queries_count_clusters_by_default_and_mentions_on_request(st):
    clusters = clusters_of(st, dyad="BLR-RUS", cameo="057")
    mentions = st.events(dyad="BLR-RUS", cameo="057", mentions=True, arrow=True).to_pylist()
    assert len(clusters) == 4 and len(mentions) == 6  # both directions; 3 articles each
    assert sum(r["num_mentions"] for r in clusters) == len(mentions)
    assert {m["cluster_id"] for m in mentions} == {c["cluster_id"] for c in clusters}
    monthly = st.stats(dyad="BLR-RUS", cameo="057", by="month", arrow=True).to_pylist()
    assert [(r["period"], r["events"]) for r in monthly] == [(date(2024, 3, 1), 4)]
    monthly = st.stats(dyad="BLR-RUS", cameo="057", mentions=True, arrow=True).to_pylist()
    assert [(r["period"], r["events"]) for r in monthly] == [(date(2024, 3, 1), 6)]


def test_dedup_rule_is_configurable(tmp_path, coder):
    db = tmp_path / "a.duckdb"
    ingest(db, coder, rule=DedupRule(window_days=0))
    with Store(db) as st:
        assert st.rule == DedupRule(window_days=0)
        rows = clusters_of(st, dyad="BLR-RUS", directed=True, cameo="057")
        assert [r["num_articles"] for r in rows] == [1, 1, 1]  # same day only
    with Store(db, read_only=False) as st:
        st.recluster(DedupRule(window_days=3))
    with Store(db) as st:
        rows = clusters_of(st, dyad="BLR-RUS", directed=True, cameo="057")
        assert [r["num_articles"] for r in rows] == [3]  # 03-04 .. 03-07
    # a later ingest keeps the stored rule
    ingest(db, coder)
    with Store(db) as st:
        assert st.rule.window_days == 3
    # a rule on fewer fields merges what the default keeps apart: any BLR->RUS event per day
    with Store(db, read_only=False) as st:
        st.recluster(DedupRule(window_days=1, fields=("source_country", "target_country")))
        rows = st.events(dyad="BLR-RUS", directed=True, since="2024-04-03", until="2024-04-03",
                         arrow=True).to_pylist()  # fmt: skip
        assert [r["cameo"] for r in rows] == ["040"]
    with pytest.raises(ValueError, match="unknown dedup field"):
        DedupRule(fields=("nonsense",))
    with pytest.raises(ValueError, match="window_days"):
        DedupRule(window_days=-1)


def test_clusters_do_not_depend_on_ingest_order(tmp_path, coder, store_db):
    shuffled = list(ARTICLES)
    random.Random(7).shuffle(shuffled)
    db = tmp_path / "shuffled.duckdb"
    ingest(db, coder, shuffled, batch_size=1)
    assert snapshot(db)["clusters"] == snapshot(store_db)["clusters"]
    with Store(db, read_only=False) as st:
        st.recluster()
    assert snapshot(db)["clusters"] == snapshot(store_db)["clusters"]
    assert snapshot(db)["cluster_members"] == snapshot(store_db)["cluster_members"]


def test_undated_events_are_clusters_of_their_own(st):
    rows = clusters_of(st, dyad="RUS-BLR", directed=True, cameo="13")
    [undated] = [r for r in rows if r["date"] is None]
    assert undated["num_mentions"] == 1 and undated["doc_id"] == "undated-0001"


# --------------------------------------------------------------------------- queries


def test_dyad_matches_both_directions_unless_directed(st):
    both = triples(clusters_of(st, dyad="BLR-RUS"))
    assert {("BLR", "RUS", "057"), ("RUS", "BLR", "057"), ("RUS", "BLR", "163")} <= both
    assert both == triples(clusters_of(st, dyad="RUS-BLR"))
    directed = triples(clusters_of(st, dyad="BLR-RUS", directed=True))
    assert directed and all(s.startswith("BLR") and t.startswith("RUS") for s, t, _ in directed)
    reverse = triples(clusters_of(st, dyad="RUS-BLR", directed=True))
    assert ("RUS", "BLR", "163") in reverse and ("BLR", "RUS", "057") not in reverse
    assert directed | reverse == both
    # prefixes: RUS matches RUSMIL and RUSGOV
    assert ("RUSMIL", "UKR", "190") in triples(clusters_of(st, actor="RUS"))
    assert ("LTU", "RUSGOV", "161") in triples(clusters_of(st, dyad="LTU-RUS"))
    assert clusters_of(st, dyad="BLR-JPN") == []


def test_filters_by_code_root_and_date(st):
    march = clusters_of(st, since="2024-03", until="2024-03")
    assert march and all(date(2024, 3, 1) <= r["date"] <= date(2024, 3, 31) for r in march)
    assert {r["cameo"] for r in clusters_of(st, root="16")} == {"163", "161"}
    assert {r["cameo"] for r in clusters_of(st, root=16)} == {"163", "161"}
    assert triples(clusters_of(st, cameo="112")) == {("POL", "RUS", "1125")}
    assert len(clusters_of(st, limit=2)) == 2
    with pytest.raises(ValueError, match="not a dyad"):
        st.events(dyad="BLR")
    with pytest.raises(ValueError, match="not a date"):
        st.events(since="March")
    with pytest.raises(ValueError, match="CAMEO root"):
        st.events(root="21")


def test_stats_per_period_quad_class_goldstein_and_top_codes(st):
    rows = st.stats(by="month", arrow=True).to_pylist()
    clusters = clusters_of(st)
    assert [r["period"] for r in rows] == [date(2024, 3, 1), date(2024, 4, 1), None]
    for r in rows:
        quads = (r["verbal_cooperation"], r["material_cooperation"], r["verbal_conflict"],
                 r["material_conflict"])  # fmt: skip
        assert sum(quads) == r["events"]
        units = [c for c in clusters if (c["date"] and c["date"].replace(day=1)) == r["period"]]
        assert r["events"] == len(units)
        assert r["goldstein_sum"] == pytest.approx(sum(c["goldstein"] for c in units), abs=0.01)
        assert r["goldstein_mean"] == pytest.approx(r["goldstein_sum"] / r["events"], abs=0.01)
    march = rows[0]
    assert march["top_codes"][0] == {"cameo": "057", "count": 4}
    weekly = st.stats(dyad="BLR-RUS", by="week", arrow=True).to_pylist()
    assert weekly[0]["period"] == date(2024, 3, 4)  # ISO weeks start on Monday
    assert sum(r["events"] for r in weekly) == len(clusters_of(st, dyad="BLR-RUS"))
    assert sum(r["events"] for r in st.stats(by="year", arrow=True).to_pylist()) == len(clusters)


def test_results_are_pandas_or_arrow(st):
    import pandas as pd
    import pyarrow as pa

    assert isinstance(st.events(), pd.DataFrame)
    assert isinstance(st.events(arrow=True), pa.Table)
    assert isinstance(st.stats(), pd.DataFrame)
    df = st.sql("SELECT code, mentions FROM actors WHERE code = ?", ["BLR"])
    assert df["mentions"][0] >= 8


# --------------------------------------------------------------------------- export


def test_export_parquet_csv_jsonl_read_back(st, tmp_path):
    clusters = clusters_of(st)
    n = st.export(tmp_path / "c.parquet", "parquet")
    table = pq.read_table(tmp_path / "c.parquet")
    assert n == table.num_rows == len(clusters)
    assert {"cluster_id", "date", "source_code", "target_code", "cameo", "num_mentions",
            "num_articles", "num_sources", "sentence", "location_name", "mentions"} \
        <= set(table.column_names)  # fmt: skip
    rows = {r["cluster_id"]: r for r in table.to_pylist()}
    assert {k: rows[k]["num_mentions"] for k in rows} == {
        c["cluster_id"]: c["num_mentions"] for c in clusters
    }
    st.export(tmp_path / "m.parquet", "parquet", mentions=True)
    mentions = pq.read_table(tmp_path / "m.parquet")
    assert mentions.num_rows == st.counts()["events"]
    assert "record" not in mentions.column_names and "sentence" in mentions.column_names

    st.export(tmp_path / "c.csv", "csv")
    with open(tmp_path / "c.csv", newline="", encoding="utf-8") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert len(csv_rows) == len(clusters)
    energy = next(r for r in csv_rows if r["num_articles"] == "2")
    assert energy["mentions"].split(";")[0].startswith("minsk-herald-0304:0:")

    buf = io.StringIO()
    assert st.export(buf, "jsonl") == len(clusters)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert {r["kind"] for r in records} == {"event_cluster"}
    assert sum(len(r["mentions"]) for r in records) == st.counts()["events"]
    buf = io.StringIO()
    st.export(buf, "jsonl", mentions=True)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert {r["kind"] for r in records} == {"event"}
    assert all(r["event_id"] and r["cluster_id"] and r["evidence"]["rule"] for r in records)


def test_export_gdelt_has_its_61_columns(st, tmp_path):
    out = tmp_path / "events.tsv"
    n = st.export(out, "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(clusters_of(st))
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    ids = set()
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 61
        ids.add(int(fields[col["GLOBALEVENTID"]]))
        if fields[col["SQLDATE"]]:
            date(int(fields[col["Year"]]), 1, 1)
            assert fields[col["SQLDATE"]].startswith(fields[col["MonthYear"]])
        assert fields[col["EventRootCode"]] == fields[col["EventCode"]][:2]
        assert fields[col["EventBaseCode"]] == fields[col["EventCode"]][:3]
        assert fields[col["QuadClass"]] in "1234"
        assert len(fields[col["DATEADDED"]]) == 14
    assert len(ids) == len(lines)
    energy = [line.split("\t") for line in lines if "\t057\t" in line]
    first = next(f for f in energy if f[col["SQLDATE"]] == "20240304"
                 and f[col["Actor1Code"]] == "BLR")  # fmt: skip
    assert first[col["Actor2Code"]] == "RUS" and first[col["Actor1Name"]] == "BELARUS"
    assert (first[col["NumMentions"]], first[col["NumArticles"]], first[col["NumSources"]]) \
        == ("2", "2", "2")  # fmt: skip
    assert first[col["IsRootEvent"]] == "1"
    assert first[col["SOURCEURL"]] == "https://example.org/minsk/0304"
    assert first[col["AvgTone"]] == ""
    troops = next(line.split("\t") for line in lines if "\tRUSMIL\t" in line)
    assert troops[col["Actor1CountryCode"]] == "RUS" and troops[col["Actor1Type1Code"]] == "MIL"


# --------------------------------------------------------------------------- bad input


def test_bad_documents_are_recorded_and_others_stored(tmp_path, coder):
    corpus = write_corpus(tmp_path / "wire.jsonl", bad=True)
    db = tmp_path / "a.duckdb"
    seen = []
    with Store(db, read_only=False) as st:
        report = st.ingest_paths([corpus], coder=coder, on_problem=seen.append)
    assert report.errors == 2 and report.new == len(ARTICLES)
    assert {p.origin for p in seen} == {f"{corpus}:3", f"{corpus}:4"}
    with Store(db) as st:
        failures = st.failures()
        assert sorted(failures["origin"]) == [f"{corpus}:3", f"{corpus}:4"]
        assert all(failures["severity"] == "error")
        reasons = " ".join(failures["reason"])
        assert "JSON" in reasons and "text" in reasons
        assert st.counts()["documents"] == len(ARTICLES)
        first_seen = st.con.execute("SELECT first_seen FROM failures").fetchall()
    with Store(db, read_only=False) as st:
        report = st.ingest_paths([corpus], coder=coder)
        assert report.errors == 2 and report.unchanged == len(ARTICLES)
        assert len(st.failures()) == 2  # recorded once, not once per run
        assert st.con.execute("SELECT first_seen FROM failures").fetchall() == first_seen


def test_bad_dicts_are_failures_too(tmp_path, coder):
    db = tmp_path / "a.duckdb"
    with Store(db, read_only=False) as st:
        report = st.ingest([{"id": "x"}, {"id": "y", "text": "Japan condemned North Korea."}],
                           coder=coder)  # fmt: skip
        assert report.errors == 1 and report.new == 1
        [reason] = st.failures()["reason"]
        assert "text" in reason


# --------------------------------------------------------------------------- huge documents


def test_document_in_parts_is_one_document(tmp_path, coder):
    from whodid.ingest import iter_documents

    body = " ".join(f"Poland accused Russia of spying on day {i}." for i in range(12))
    path = tmp_path / "long.txt"
    path.write_text(body + "\n", encoding="utf-8")
    parts = list(iter_documents([path], date(2024, 5, 1), max_part_chars=150))
    assert len(parts) > 3 and all(isinstance(p, Document) for p in parts)
    db = tmp_path / "a.duckdb"
    with Store(db, read_only=False) as st:
        report = st.ingest(parts, coder=coder, batch_size=1)
        assert report.new == 1
        text = st.sql("SELECT text FROM documents")["text"][0]
        assert text == body + "\n"
        sents = st.con.execute(
            "SELECT sentence_index, char_start, char_end, text FROM sentences ORDER BY 1"
        ).fetchall()
        assert [s[0] for s in sents] == list(range(12))
        assert all(text[s:e] == t for _, s, e, t in sents)
        spans = st.con.execute("SELECT span_start, span_end, trigger FROM events").fetchall()
        assert len(spans) == 12 and all(text[s:e] == t for s, e, t in spans)
        again = st.ingest(list(iter_documents([path], date(2024, 5, 1), max_part_chars=150)),
                          coder=coder, batch_size=1)  # fmt: skip
        assert (again.new, again.replaced, again.unchanged) == (0, 0, 1)
        assert st.counts()["events"] == 12


# --------------------------------------------------------------------------- schema


def test_schema_is_versioned_and_migrated_on_open(tmp_path):
    db = tmp_path / "a.duckdb"
    with Store(db, read_only=False) as st:
        assert st.schema_version == SCHEMA_VERSION
    extra = Migration(SCHEMA_VERSION + 1, "test column",
                      ("ALTER TABLE events ADD COLUMN test_note VARCHAR",))  # fmt: skip
    con = connect(db, read_only=True, migrations=[*MIGRATIONS, extra])  # migrates, reopens
    try:
        assert "test_note" in [c[0] for c in con.execute("DESCRIBE events").fetchall()]
        ver = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        assert ver == [(str(SCHEMA_VERSION + 1),)]
    finally:
        con.close()
    with pytest.raises(StoreError, match="newer than this whodid"):
        Store(db)
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb")


def test_old_database_gets_every_migration(tmp_path):
    db = tmp_path / "old.duckdb"
    duckdb.connect(str(db)).close()  # an empty database: version 0
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st.counts() == dict.fromkeys(st.counts(), 0)


def test_read_only_store_refuses_to_write(store_db, coder):
    with Store(store_db) as st, pytest.raises(StoreError, match="read-only"):
        st.ingest([], coder=coder)


def test_arrow_schemas_match_the_tables(st):
    from whodid.store import ingest as store_ingest

    for table, schema in (
        ("documents", store_ingest.DOCUMENT_SCHEMA),
        ("sentences", store_ingest.SENTENCE_SCHEMA),
        ("events", store_ingest.EVENT_SCHEMA),
        ("quotes", store_ingest.QUOTE_SCHEMA),
    ):
        columns = [c[0] for c in st.con.execute(f"DESCRIBE {table}").fetchall()]
        assert columns == schema.names, table


# --------------------------------------------------------------------------- later record fields


@dataclass
class _FutureEvent:
    """An event record with the fields a later coder adds (date precision, location)."""

    record: dict

    def to_dict(self) -> dict:
        return self.record

    def __getattr__(self, name):
        return self.record[name]


@dataclass
class _FutureCoded:
    document: Document
    events: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    sentences: int = 1
    quotes: list = field(default_factory=list)


def test_quotes_and_later_event_fields_fill_their_columns(tmp_path):
    from whodid.store import StoreWriter

    text = '"We will respond," Lukashenko said in Minsk.'
    doc = Document(id="future-1", text=text, date=date(2024, 3, 14), origin="<test>")
    event = {
        "kind": "event", "doc_id": "future-1", "sentence_index": 0, "sentence": text,
        "span": [6, 13], "date": "2024-03-12", "date_precision": "day", "date_text": "Tuesday",
        "source": {"code": "BLRGOV", "country": "BLR", "sector": "GOV", "text": "Lukashenko",
                   "name": "Alexander Lukashenko", "span": [19, 29]},
        "target": None, "cameo": "010", "root": "01", "label": "Make statement",
        "goldstein": 0.0, "quad_class": 1, "plover": None,
        "evidence": {"trigger": "respond", "rule": "verbs.txt:1", "mode": "asserted",
                     "reciprocal": False, "notes": []},
        "location": {"name": "Minsk", "country": "BLR", "lat": 53.9, "lon": 27.5667,
                     "geonameid": 625144},
        "new_field_nobody_knows": [1, 2],
    }  # fmt: skip
    quote = {
        "kind": "quote", "doc_id": "future-1", "sentence_index": 0, "text": "We will respond,",
        "span": [1, 17], "cue": "said", "cue_span": [30, 34], "direct": True,
        "speaker": {"text": "Lukashenko", "span": [19, 29], "name": "Alexander Lukashenko",
                    "code": "BLRGOV"},
    }  # fmt: skip
    coded = _FutureCoded(doc, [_FutureEvent(event)], quotes=[quote])
    db = tmp_path / "a.duckdb"
    with Store(db, read_only=False) as st:
        writer = StoreWriter(st.con, st.use_rule())
        result = writer.write([coded])
        assert (result.new, result.events, result.quotes) == (["future-1"], 1, 1)
        [row] = st.events(mentions=True, arrow=True).to_pylist()
        assert row["date"] == date(2024, 3, 12) and row["date_precision"] == "day"
        assert row["date_text"] == "Tuesday" and row["location_name"] == "Minsk"
        assert row["location_geonameid"] == 625144 and row["location_lat"] == 53.9
        [stored] = st.sql("SELECT record FROM events")["record"]
        assert json.loads(stored)["new_field_nobody_knows"] == [1, 2]
        [q] = st.sql("SELECT * FROM quotes").to_dict("records")
        assert (q["text"], q["cue"], q["direct"], q["speaker_code"]) == (
            "We will respond,",
            "said",
            True,
            "BLRGOV",
        )
        assert text[q["span_start"] : q["span_end"]] == "We will respond,"
        assert text[q["speaker_start"] : q["speaker_end"]] == "Lukashenko"
        assert (q["cue_start"], q["cue_end"]) == (30, 34)
        actors = st.sql("SELECT code, mentions FROM actors").to_dict("records")
        assert actors == [{"code": "BLRGOV", "mentions": 2}]  # event source and quote speaker
        [cluster] = clusters_of(st)
        assert cluster["location_name"] == "Minsk"
        # sentences fall back to those the events name when the coder gives no boundaries
        assert st.con.execute("SELECT text FROM sentences").fetchall() == [(text,)]
        # the same document again is unchanged; a CodedDocument without quotes also works
        assert writer.write([coded]).unchanged == ["future-1"]
        plain = CodedDocument(Document(id="plain", text="Nothing here."), sentences=1)
        assert writer.write([plain]).new == ["plain"]


def test_coarse_event_dates_merge_only_with_equally_coarse_ones(tmp_path):
    from whodid.store import StoreWriter

    def coded(doc_id: str, precision: str) -> _FutureCoded:
        text = "Russia held military exercises."
        event = {
            "kind": "event", "doc_id": doc_id, "sentence_index": 0, "sentence": text,
            "span": [12, 16], "date": "2023-01-01", "date_precision": precision,
            "date_text": "last year" if precision == "year" else "1 January",
            "source": {"code": "RUS", "country": "RUS", "sector": None, "text": "Russia",
                       "name": "Russia", "span": [0, 6]},
            "target": None, "cameo": "150", "root": "15", "label": "Demonstrate power",
            "goldstein": -7.2, "quad_class": 4, "plover": "MOBILIZE",
            "evidence": {"trigger": "held", "rule": "verbs.txt:1", "mode": "asserted",
                         "reciprocal": False, "notes": []},
        }  # fmt: skip
        doc = Document(id=doc_id, text=text, date=date(2024, 2, 15), source=doc_id)
        return _FutureCoded(doc, [_FutureEvent(event)])

    with Store(tmp_path / "a.duckdb", read_only=False) as st:
        StoreWriter(st.con, st.use_rule()).write(
            [coded("a", "year"), coded("b", "year"), coded("c", "day")]
        )
        rows = st.sql("SELECT num_articles FROM clusters ORDER BY num_articles")
        assert list(rows["num_articles"]) == [1, 2]
