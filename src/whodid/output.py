"""Writing coded records as JSON Lines, CSV or a terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from .schema import Event, Quote

# Flat CSV columns, in order: stable, documented in the README.
CSV_COLUMNS = [
    "kind", "doc_id", "sentence_index", "span_start", "span_end", "date",
    "source_code", "source_country", "source_sector", "source_text", "source_name",
    "target_code", "target_country", "target_sector", "target_text", "target_name",
    "cameo", "root", "label", "goldstein", "quad_class", "plover",
    "trigger", "rule", "mode", "reciprocal", "sentence",
    # quote records (kind "quote"): the speaker fills the source_* columns and the cue `trigger`
    "quote_text", "direct",
    # when and where (events)
    "date_precision", "date_text", "location_name", "location_country", "location_lat",
    "location_lon", "location_geonameid",
]  # fmt: skip


def flat_quote(record: dict[str, Any]) -> dict[str, Any]:
    """One quote record as a flat CSV row: the speaker in the source columns."""
    sp = record.get("speaker") or {}
    return {
        "kind": "quote",
        "doc_id": record["doc_id"],
        "sentence_index": record["sentence_index"],
        "span_start": record["span"][0],
        "span_end": record["span"][1],
        "source_code": sp.get("code"),
        "source_country": (sp.get("code") or "")[:3] or None,
        "source_text": sp.get("text"),
        "source_name": sp.get("name"),
        "trigger": record.get("cue"),
        "rule": sp.get("rule"),
        "quote_text": record["text"],
        "direct": record["direct"],
    }


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """One event record as a flat row for CSV."""
    row: dict[str, Any] = {
        "kind": record["kind"],
        "doc_id": record["doc_id"],
        "sentence_index": record["sentence_index"],
        "span_start": record["span"][0],
        "span_end": record["span"][1],
        "date": record["date"],
    }
    for side in ("source", "target"):
        actor = record.get(side) or {}
        for key in ("code", "country", "sector", "text", "name"):
            row[f"{side}_{key}"] = actor.get(key)
    for key in ("cameo", "root", "label", "goldstein", "quad_class", "plover", "sentence"):
        row[key] = record.get(key)
    row["date_precision"] = record.get("date_precision")
    row["date_text"] = record.get("date_text")
    loc = record.get("location") or {}
    for key in ("name", "country", "lat", "lon", "geonameid"):
        row[f"location_{key}"] = loc.get(key)
    ev = record.get("evidence") or {}
    row["trigger"] = ev.get("trigger")
    row["rule"] = ev.get("rule")
    row["mode"] = ev.get("mode")
    row["reciprocal"] = ev.get("reciprocal")
    return row


class Writer:
    """Streams records to `out` in one of the formats; `close()` flushes a table."""

    def __init__(self, out: TextIO, fmt: str = "jsonl"):
        if fmt not in ("jsonl", "csv", "table"):
            raise ValueError(f"unknown format {fmt!r}")
        self.out = out
        self.fmt = fmt
        self.count = 0  # events written
        self.quotes = 0  # quotes written
        self._csv: csv.DictWriter | None = None
        self._rows: list[dict[str, Any]] = []
        self._quote_rows: list[dict[str, Any]] = []
        if fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: Iterable[Event], quotes: Iterable[Quote] = ()) -> None:
        for e in events:
            self._emit(e.to_dict())
        for q in quotes:
            self._emit(q.to_dict())
        if self.fmt != "table":
            self.out.flush()

    def _emit(self, record: dict[str, Any]) -> None:
        if record["kind"] == "event":
            self.count += 1
        else:
            self.quotes += 1
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self._csv.writerow(flat(record) if record["kind"] == "event" else flat_quote(record))
        elif record["kind"] == "event":
            self._rows.append(record)
        else:
            self._quote_rows.append(record)

    def close(self) -> None:
        if self.fmt == "table":
            print_table(self._rows, self.out)
            if self._quote_rows:
                print_quotes(self._quote_rows, self.out)
        self.out.flush()


def _actor_cell(actor: dict[str, Any] | None):
    from rich.text import Text

    if not actor:
        return Text("—")
    text = actor["text"] if len(actor["text"]) <= 28 else actor["text"][:27] + "…"
    cell = Text(f"{actor['code']} ")
    cell.append(text, style="dim")
    return cell


def _console_table(out: TextIO):
    """A console (terminal width, or 180 columns into a file) and a table whose first column
    is the record's document and sentence."""
    from rich.console import Console
    from rich.table import Table

    probe = Console(file=out)
    console = Console(file=out, width=probe.width if probe.is_terminal else 180, highlight=False)
    table = Table(header_style="bold", expand=False, show_edge=False, pad_edge=False)
    table.add_column("doc:sent", style="dim", no_wrap=True, overflow="ellipsis", max_width=26)
    return console, table


def print_table(records: list[dict[str, Any]], out: TextIO) -> None:
    """A readable rich table of events: who did what to whom, with the trigger and rule."""
    from rich.text import Text

    console, table = _console_table(out)
    table.add_column("source", no_wrap=True, overflow="ellipsis", style="cyan", max_width=30)
    table.add_column("", no_wrap=True, min_width=1)
    table.add_column("target", no_wrap=True, overflow="ellipsis", style="magenta", max_width=30)
    table.add_column("cameo", no_wrap=True, style="bold", min_width=5)
    table.add_column("event", no_wrap=True, overflow="ellipsis", max_width=34)
    table.add_column("G", justify="right", no_wrap=True, min_width=5)
    table.add_column("trigger", no_wrap=True, style="yellow", overflow="ellipsis", max_width=14)
    table.add_column("rule", no_wrap=True, style="dim", min_width=13)
    for r in records:
        ev = r["evidence"]
        label = (r["label"] or "").split(",")[0]
        if ev.get("mode") == "intent":
            label += " (intent)"
        table.add_row(
            Text(f"{r['doc_id']}:{r['sentence_index']}"),
            _actor_cell(r["source"]),
            "↔" if ev.get("reciprocal") else "→",
            _actor_cell(r["target"]),
            Text(r["cameo"]),
            Text(label),
            "" if r["goldstein"] is None else f"{r['goldstein']:+.1f}",
            Text(ev["trigger"]),
            Text(ev["rule"]),
        )
    console.print(table)
    docs = len({r["doc_id"] for r in records})
    console.print(f"{len(records)} events from {docs} documents")


def print_quotes(records: list[dict[str, Any]], out: TextIO) -> None:
    """A readable table of quotations: speaker, cue, the words."""
    from rich.text import Text

    console, table = _console_table(out)
    table.add_column("speaker", no_wrap=True, overflow="ellipsis", style="cyan", max_width=34)
    table.add_column("cue", no_wrap=True, style="yellow", max_width=14, overflow="ellipsis")
    table.add_column("", no_wrap=True)
    table.add_column("quote", overflow="ellipsis", no_wrap=True, max_width=90)
    for r in records:
        sp = r.get("speaker") or {}
        who = Text(f"{sp.get('code') or '?'} ")
        who.append(sp.get("name") or sp.get("text") or "—", style="dim")
        table.add_row(Text(f"{r['doc_id']}:{r['sentence_index']}"), who, Text(r.get("cue") or ""),
                      "“" if r["direct"] else "~", Text(r["text"].replace("\n", " ")))  # fmt: skip
    console.print(table)
    console.print(f"{len(records)} quotes")
