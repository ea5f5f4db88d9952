"""whodid's web page and REST API over an event store (`whodid serve`).

    from whodid.web import create_app
    app = create_app("whodid.duckdb")          # an ASGI app; the store is opened read-only

See `app.py` for the endpoints and `static/` for the page (plain HTML, CSS and JavaScript,
with a bundled low-resolution world map).
"""

from __future__ import annotations

from .app import MAX_BODY, MAX_PAGE, create_app
from .coding import MAX_TEXT_CHARS

__all__ = ["MAX_BODY", "MAX_PAGE", "MAX_TEXT_CHARS", "create_app"]
