"""Import PETRARCH-2's CAMEO verb patterns as whodid's fallback verb lexicon.

    python tools/import_petrarch_verbs.py [../shared/reference/petrarch2/CAMEO.2.0.txt]

Writes src/whodid/knowledge/data/verbs_petrarch.txt in whodid's pattern language. Only verbs
that whodid's own verbs.txt does not know are imported, and only their context patterns
(PETRARCH's block defaults, which code a verb whatever its object, over-produce events: a
verb alone is no event here unless a pattern with context words matches). The coder consults
this lexicon only for lemmas missing from verbs.txt.

Source: PETRARCH-2 CAMEO.2.0.txt, Copyright (c) 2015 Open Event Data Alliance, MIT License
(see NOTICE).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whodid.knowledge.model import Element, Pattern  # noqa: E402
from whodid.knowledge.patterns import load_pattern_file  # noqa: E402
from whodid.knowledge.petrarch import read_verbs  # noqa: E402

OUT = ROOT / "src/whodid/knowledge/data/verbs_petrarch.txt"
_WORD = re.compile(r"^[a-z0-9'][a-z0-9'\-.]*$")
_PREPOSITIONS = {"for", "from", "to", "with", "against", "on", "in", "at", "by", "of", "into", "over", "about",
                 "after", "as", "upon", "toward", "towards", "between", "through", "across", "around", "under"}


def _element(el: Element, side: str) -> str | None:
    if el.slot:
        if el.slot == "both":
            return "$" if side == "pre" else "+"
        return "+" if el.slot == "target" else "$"
    alts = []
    for alt in el.alts:
        if not all(_WORD.match(w) for w in alt):
            return None
        alts.append("_".join(alt))
    return " | ".join(dict.fromkeys(alts)) if alts else None


def _pattern(p: Pattern) -> str | None:
    if p.code is None or not (p.pre or p.post):
        return None  # discards and bare defaults are not imported
    parts = []
    for side, elements in (("pre", p.pre), ("post", p.post)):
        for el in elements:
            text = _element(el, side)
            if text is None:
                return None
            parts.append(text)
        if side == "pre":
            parts.append("*")
    if sum(1 for x in parts if x in ("+", "$")) > 2:
        return None
    words = [x for x in parts if x not in ("+", "$", "*")]
    if len(words) == 1 and words[0] in _PREPOSITIONS:
        # a preposition alone ("control … for" → 042, "bar … from" → 160) binds whatever
        # follows the verb: too loose for a fallback
        return None
    reverse = p.reverse if p.code[:3] not in ("042", "043") else None  # a visit is the visitor's act only
    code = p.code + (f":{reverse}" if reverse and reverse != p.code else "")
    flag = " recip" if reverse and reverse == p.code else ""
    return f"- {' '.join(parts):<50} [{code}{flag}]"


def main(source: Path) -> None:
    ours = load_pattern_file(ROOT / "src/whodid/knowledge/data/verbs.txt", "verb")
    known = set(ours.triggers)
    lex = read_verbs(source)
    blocks: dict[tuple[str, ...], list[str]] = defaultdict(list)
    kept = skipped = 0
    for head, triggers in sorted(lex.triggers.items()):
        if head in known:
            continue
        for t in triggers:
            lines = []
            for p in t.patterns:
                line = _pattern(p)
                if line is None:
                    skipped += 1
                    continue
                lines.append(line)
            if not lines or not _WORD.match(t.text.replace("_", "")):
                continue
            blocks[tuple(dict.fromkeys(lines))].append(t.text)
            kept += len(lines)
    out = [
        "# version: 1",
        "# whodid fallback verb lexicon, imported from PETRARCH-2's CAMEO.2.0.txt",
        "# (Copyright (c) 2015 Open Event Data Alliance, MIT License; see NOTICE) by",
        "# tools/import_petrarch_verbs.py. Do not edit by hand: edit verbs.txt, whose verbs",
        "# take precedence (this file is consulted only for lemmas verbs.txt lacks).",
        "# Only context patterns are imported; a verb alone codes nothing here.",
        "",
    ]
    for lines, names in sorted(blocks.items(), key=lambda kv: kv[1][0]):
        names = sorted(dict.fromkeys(names))
        out.append(f"== {', '.join(names)}  [---]")
        out.extend(lines)
        out.append("")
    OUT.write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {OUT}: {sum(len(v) for v in blocks.values())} verbs, {kept} patterns ({skipped} not expressible)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/petrarch2/CAMEO.2.0.txt")
