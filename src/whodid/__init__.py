"""whodid: political event data from English news, coded in CAMEO and explained.

    import whodid
    for event in whodid.code_text("Belarus and Russia held talks in Minsk.", date="2024-03-01"):
        print(event.source.code, event.cameo, event.target.code if event.target else None)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .schema import ActorRef, CodedDocument, Document, Event, Evidence, InputProblem  # noqa: E402

__all__ = [
    "ActorRef",
    "CodedDocument",
    "Document",
    "Event",
    "Evidence",
    "InputProblem",
    "code_documents",
    "code_text",
    "__version__",
]


def code_text(text: str, date=None) -> list[Event]:
    """Events of one article's text; `date` (date or ISO string) is the article date."""
    from .pipeline import code_text as _code_text

    return _code_text(text, date)


def code_documents(documents):
    """Coded documents (events per document), in input order, streaming."""
    from .pipeline import code_documents as _code_documents

    return _code_documents(documents)
