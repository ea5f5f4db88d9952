"""A small news corpus for the event-store tests, and helpers to compare databases (no tests).

Three papers report Belarus and Russia signing an energy agreement: two on consecutive days
(one event, two articles, two sources) and one three days later (another cluster).
"""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = [
    {
        "id": "minsk-herald-0304",
        "date": "2024-03-04",
        "source": "Minsk Herald",
        "url": "https://example.org/minsk/0304",
        "title": "Energy deal signed",
        "text": "Belarus signed an energy agreement with Russia on Monday. "
        "Poland condemned Belarus after the border incident.",
    },
    {
        "id": "moscow-daily-0305",
        "date": "2024-03-05",
        "source": "Moscow Daily",
        "text": "Belarus signed an energy agreement with Russia in Moscow.",
    },
    {
        "id": "baltic-wire-0307",
        "date": "2024-03-07",
        "source": "Baltic Wire",
        "text": "Belarus signed an energy agreement with Russia.",
    },
    {
        "id": "kyiv-post-0320",
        "date": "2024-03-20",
        "source": "Kyiv Post",
        "text": "Russia imposed sanctions on Belarus. "
        "Russian troops attacked Ukrainian positions near Bakhmut.",
    },
    {
        "id": "warsaw-times-0402",
        "date": "2024-04-02",
        "source": "Warsaw Times",
        "text": "Poland accused Russia of spying. Lithuania expelled two Russian diplomats.",
    },
    {
        "id": "minsk-herald-0403",
        "date": "2024-04-03",
        "source": "Minsk Herald",
        "text": "Belarus and Russia held talks in Minsk.",
    },
    {
        "id": "tokyo-wire-0403",
        "date": "2024-04-03",
        "source": "Tokyo Wire",
        "text": "Japan condemned North Korea after the missile launch.",
    },
    {
        "id": "weather-0404",
        "date": "2024-04-04",
        "text": "The weather was mild on Tuesday.",
    },
    {
        "id": "undated-0001",
        "text": "Russia threatened Belarus with new tariffs.",
    },
]

# two unreadable lines for a JSONL file: malformed JSON, and no "text"
BAD_LINES = ['{"id": "broken", "text": "no closing brace"\n', '{"id": "no-text"}\n']


def write_corpus(path: Path, articles: list[dict] | None = None, bad: bool = False) -> Path:
    lines = [json.dumps(a) + "\n" for a in (ARTICLES if articles is None else articles)]
    if bad:
        lines[2:2] = BAD_LINES
    path.write_text("".join(lines), encoding="utf-8")
    return path


# what a rerun must reproduce exactly (times of ingest and of failures excluded)
SNAPSHOT_QUERIES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id",
    "sentences": "SELECT * FROM sentences ORDER BY doc_id, sentence_index",
    "events": "SELECT * FROM events ORDER BY event_id",
    "quotes": "SELECT * FROM quotes ORDER BY quote_id",
    "clusters": "SELECT * FROM clusters ORDER BY cluster_id",
    "cluster_members": "SELECT * FROM cluster_members ORDER BY event_id",
    "failures": "SELECT origin, reason, doc_id, severity FROM failures ORDER BY origin, reason",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    from whodid.store import Store

    with Store(db) as st:
        return {name: st.con.execute(q).fetchall() for name, q in SNAPSHOT_QUERIES.items()}
