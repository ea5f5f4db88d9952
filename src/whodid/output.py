"""Writing coded records as JSON Lines, CSV or a terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from .schema import Event

# Flat CSV columns, in order: stable, documented in the README.
CSV_COLUMNS = [
    "kind", "doc_id", "sentence_index", "span_start", "span_end", "date",
    "source_code", "source_country", "source_sector", "source_text", "source_name",
    "target_code", "target_country", "target_sector", "target_text", "target_name",
    "cameo", "root", "label", "goldstein", "quad_class", "plover",
    "trigger", "rule", "mode", "reciprocal", "sentence",
]  # fmt: skip


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
        self.count = 0
        self._csv: csv.DictWriter | None = None
        self._rows: list[dict[str, Any]] = []
        if fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            record = e.to_dict()
            self.count += 1
            if self.fmt == "jsonl":
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self._csv is not None:
                self._csv.writerow(flat(record))
            else:
                self._rows.append(record)
        if self.fmt != "table":
            self.out.flush()

    def close(self) -> None:
        if self.fmt == "table":
            print_table(self._rows, self.out)
        self.out.flush()


def _actor_cell(actor: dict[str, Any] | None):
    from rich.text import Text

    if not actor:
        return Text("—")
    text = actor["text"] if len(actor["text"]) <= 28 else actor["text"][:27] + "…"
    cell = Text(f"{actor['code']} ")
    cell.append(text, style="dim")
    return cell


def print_table(records: list[dict[str, Any]], out: TextIO) -> None:
    """A readable rich table of events: who did what to whom, with the trigger and rule."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    probe = Console(file=out)
    console = Console(file=out, width=probe.width if probe.is_terminal else 180, highlight=False)
    table = Table(header_style="bold", expand=False, show_edge=False, pad_edge=False)
    table.add_column("doc:sent", style="dim", no_wrap=True, overflow="ellipsis", max_width=26)
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
