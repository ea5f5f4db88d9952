"""Sentence look-up by token, computed once per Doc.

spaCy's `Token.sent` walks the parse to find sentence boundaries on every call; the coder
asks for it many times per sentence, so the boundaries are cached in `doc.user_data`.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.tokens import Doc, Span, Token

_KEY = "whodid.sents"


def sentences(doc: Doc) -> list[Span]:
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[0] != len(doc):
        spans = list(doc.sents) if len(doc) else []
        cached = (len(doc), spans, [s.start for s in spans])
        doc.user_data[_KEY] = cached
    return cached[1]


def sent_of(tok: Token) -> Span:
    """The sentence of a token (same as `tok.sent`, without recomputing the boundaries)."""
    doc = tok.doc
    spans = sentences(doc)
    starts = doc.user_data[_KEY][2]
    return spans[bisect_right(starts, tok.i) - 1]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("whodid.text")
    if text is None:
        text = doc.text
        doc.user_data["whodid.text"] = text
    return text


def words(doc: Doc) -> tuple[list[str], list[str]]:
    """Lower-case forms and lemmas of all tokens, computed once per Doc (from the token
    arrays, without building a Python object per token)."""
    cached = doc.user_data.get("whodid.words")
    if cached is None:
        from spacy.attrs import LEMMA, LOWER

        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, LEMMA])
        memo: dict[int, str] = {}

        def text(h: int, lower: bool) -> str:
            key = h * 2 + lower
            s = memo.get(key)
            if s is None:
                s = strings[h].lower() if lower else strings[h]
                memo[key] = s
            return s

        lowers = [text(int(h), False) for h in arr[:, 0]] if len(doc) else []
        lemmas = [text(int(h), True) for h in arr[:, 1]] if len(doc) else []
        cached = (lowers, lemmas)
        doc.user_data["whodid.words"] = cached
    return cached


def tokens_where(doc: Doc, attr: str, *values: str) -> list[Token]:
    """The tokens whose `attr` (DEP, LOWER, ORTH, …) is one of `values`, found on the Doc's
    array rather than token by token (a repair that looks at a few tokens need not make a
    Python object of every one)."""
    wanted = numpy.array([doc.vocab.strings.add(v) for v in values], dtype="uint64")
    found = numpy.isin(doc.to_array(attr), wanted).nonzero()[0]
    return [doc[int(i)] for i in found]
