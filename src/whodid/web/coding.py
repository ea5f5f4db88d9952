"""`POST /api/code`: code a pasted text with one coder per server process.

Loading the parser and the knowledge files takes seconds, so the coder is built on the first
request only, and a lock keeps requests from sharing it at once (a spaCy pipeline and the
whodid component are not meant for concurrent calls). Nothing coded here is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date as Date
from typing import Any

from .data import merge_spans

MAX_TEXT_CHARS = 100_000


class CoderHolder:
    """The process's coder, created lazily by `factory` (default: whodid's default coder)."""

    def __init__(self, coder: Any = None, factory: Callable[[], Any] | None = None):
        self._coder = coder
        self._factory = factory
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._coder is not None

    def code(self, text: str, day: Date | None) -> dict[str, Any]:
        """Events, quotes, actor mentions and highlight spans of one text."""
        with self._lock:
            if self._coder is None:
                if self._factory is not None:
                    self._coder = self._factory()
                else:
                    from ..pipeline import default_coder

                    self._coder = default_coder()
            doc = self._coder.code_doc(text, day, doc_id="pasted")
            events = [e.to_dict() for e in doc._.events]
            quotes = [qt.to_dict() for qt in doc._.quotes]
            actors = [_mention(m, doc) for m in doc._.actors or []]
        spans: list[dict[str, Any]] = []
        for i, e in enumerate(events):
            e["event_id"] = f"e{i}"
            spans += _event_spans(e)
        for i, qt in enumerate(quotes):
            qt["quote_id"] = f"q{i}"
            spans += _quote_spans(qt)
        for a in actors:
            if a["code"]:
                spans.append({"start": a["span"][0], "end": a["span"][1], "kind": "actor",
                              "role": "mention", "code": a["code"],
                              "label": " ".join(x for x in (a["code"], a["name"] and
                                                            f"({a['name']})") if x)})  # fmt: skip
        return {
            "date": day.isoformat() if day else None,
            "text": text,
            "events": events,
            "quotes": quotes,
            "actors": actors,
            "highlights": merge_spans(spans, len(text)),
        }


def _mention(m: Any, doc: Any) -> dict[str, Any]:
    span = doc[m.start : m.end]
    return {
        "text": span.text, "span": [span.start_char, span.end_char], "code": m.code,
        "name": m.name, "kind": m.kind,
    }  # fmt: skip


def _event_spans(e: dict[str, Any]) -> list[dict[str, Any]]:
    out = [{"start": e["span"][0], "end": e["span"][1], "kind": "trigger",
            "event_id": e["event_id"],
            "label": " ".join(x for x in (e["cameo"], e.get("label")) if x)}]  # fmt: skip
    for side in ("source", "target"):
        actor = e.get(side)
        if actor and actor.get("span"):
            code = actor.get("code")
            out.append({"start": actor["span"][0], "end": actor["span"][1], "kind": "actor",
                        "role": side, "code": code, "event_id": e["event_id"],
                        "label": code or "unresolved"})  # fmt: skip
    return out


def _quote_spans(qt: dict[str, Any]) -> list[dict[str, Any]]:
    sp = qt.get("speaker") or {}
    who = sp.get("code") or sp.get("name") or "unknown speaker"
    out = [{"start": qt["span"][0], "end": qt["span"][1], "kind": "quote",
            "quote_id": qt["quote_id"], "code": sp.get("code"),
            "label": f"quote of {who}"}]  # fmt: skip
    if qt.get("cue_span"):
        out.append({"start": qt["cue_span"][0], "end": qt["cue_span"][1], "kind": "cue",
                    "quote_id": qt["quote_id"], "label": f"cue: {qt.get('cue')}"})  # fmt: skip
    if sp.get("span"):
        out.append({"start": sp["span"][0], "end": sp["span"][1], "kind": "actor",
                    "role": "speaker", "code": sp.get("code"), "quote_id": qt["quote_id"],
                    "label": f"speaker {sp.get('code') or 'unresolved'}"})  # fmt: skip
    return out
