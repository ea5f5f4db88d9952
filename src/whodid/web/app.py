"""The FastAPI application: REST API over a read-only event store, and the page at `/`.

`create_app(db)` opens the store read-only and returns an ASGI app; `whodid serve` runs it
with uvicorn. Every answer is JSON; an error is ``{"error": message, "detail": …}`` with a
4xx/5xx status and never a stack trace. Requests are checked before they reach a route:
their size (413 past `max_body` bytes), and, when the server is bound to the loopback
interface, their Host header (a page on another site cannot reach the API through DNS
rebinding). The page and its assets are files of this package: no CDN, nothing fetched.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import StoreError
from ..store.query import Filters, parse_code
from .coding import MAX_TEXT_CHARS, CoderHolder
from .data import ApiError, Database, bad

log = logging.getLogger("whodid.web")

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 500
MAX_BODY = 1024 * 1024  # bytes: a 100,000-character text fits even fully \u-escaped
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]  # fmt: skip

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


# ---------------------------------------------------------------------- response models


class ErrorOut(BaseModel):
    error: str = Field(description="What went wrong, in a few words.")
    detail: Any = Field(None, description="Which parameter, which limit, which id.")


class Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventRow(Row):
    id: str = Field(description="Cluster id (or event id with mentions=true): opens the event.")
    event_id: str = Field(description="The (first) mention's event id.")
    cluster_id: str | None = None
    date: str | None = None
    source_code: str | None = None
    source_name: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    cameo: str
    label: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    num_mentions: int | None = None
    location_name: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    doc_id: str
    sentence_index: int
    sentence: str | None = None


class EventsOut(BaseModel):
    events: list[EventRow]
    total: int = Field(description="How many clusters (or mentions) match in all.")
    limit: int
    offset: int


class EventOut(Row):
    event_id: str
    cluster_id: str | None
    doc_id: str
    date: str | None
    span: list[int | None]
    source: dict[str, Any]
    target: dict[str, Any] | None
    cameo: str
    evidence: dict[str, Any]
    sentence: dict[str, Any] | None = Field(
        description="text, start, end (document offsets) and highlights (sentence offsets)"
    )
    mentions: list[dict[str, Any]] = Field(description="Every mention of the event's cluster.")


class ActorsOut(BaseModel):
    actors: list[Row]
    total: int
    limit: int
    offset: int


class SeriesOut(BaseModel):
    by: str
    dyad: str | None = None
    series: list[Row] = Field(
        description="Per period: events, counts per quad class, goldstein_sum/mean, top_codes."
    )


class NetworkOut(BaseModel):
    nodes: list[Row]
    edges: list[Row] = Field(description="source → target: count, mean goldstein.")
    total_actors: int
    total_edges: int


class MapOut(BaseModel):
    places: list[Row]
    located: int
    total: int


class ArticleOut(Row):
    doc_id: str
    title: str | None
    text: str = Field(description="The text, to be shown as text (it is never markup).")
    highlights: list[Row] = Field(
        description="{start, end, kind: actor|trigger|quote|cue, label, …} in code points."
    )
    events: list[Row]
    quotes: list[Row]


class CodeIn(BaseModel):
    text: str = Field(description=f"The article text (at most {MAX_TEXT_CHARS:,} characters).")
    date: str | None = Field(None, description="Article date, YYYY-MM-DD.")


class CodeOut(Row):
    text: str
    date: str | None
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    highlights: list[Row]


# ---------------------------------------------------------------------- middleware


class Guard:
    """Host check, request size limit and security headers, before anything else runs."""

    def __init__(self, app: Any, *, max_body: int, allowed_hosts: frozenset[str] | None):
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        if self.allowed_hosts is not None:
            host = _host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.allowed_hosts:
                await _send_error(secured, 400, "bad host", f"Host {host!r} is not served")
                return
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await _send_error(secured, 400, "bad request", "invalid Content-Length")
                return
            if int(length) > self.max_body:
                await _send_error(secured, 413, "request too large",
                                  f"{int(length)} bytes; the limit is {self.max_body}")  # fmt: skip
                return
        received = 0
        limit = self.max_body

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, f"more than {limit} bytes")
            return message

        await self.app(scope, counted, secured)


def _host_name(value: str) -> str:
    """``localhost:8000`` → ``localhost``; ``[::1]:8000`` → ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


async def _send_error(send: Send, status: int, error: str, detail: Any) -> None:
    response = JSONResponse({"error": error, "detail": detail}, status_code=status)
    await send({"type": "http.response.start", "status": status,
                "headers": response.raw_headers})  # fmt: skip
    await send({"type": "http.response.body", "body": response.body})


# ---------------------------------------------------------------------- parameters


class EventFilters:
    """The filters of `whodid events`, as query parameters (resolved per request)."""

    def __init__(
        self,
        actor: Annotated[str | None, Query(max_length=40, description=(
            "Actor code prefix, as source or target (BLR, RUSMIL, IGO)."))] = None,
        dyad: Annotated[str | None, Query(max_length=80, description=(
            "SRC-TGT code prefixes (BLR-RUS), either direction unless directed."))] = None,
        directed: Annotated[bool, Query(description="Dyad only source→target.")] = False,
        root: Annotated[str | None, Query(max_length=4, description="CAMEO root, 01-20.")] = None,
        cameo: Annotated[str | None, Query(max_length=4, description=(
            "CAMEO code prefix (04, 163, 0231)."))] = None,
        since: Annotated[str | None, Query(max_length=10, description=(
            "From this date (YYYY-MM-DD, YYYY-MM or YYYY)."))] = None,
        until: Annotated[str | None, Query(max_length=10, description=(
            "Up to this date, inclusive."))] = None,
        mentions: Annotated[bool, Query(description=(
            "Every event mention instead of deduplicated clusters."))] = False,
    ):  # fmt: skip
        self.raw = (actor, dyad, directed, root, cameo, since, until)
        self.mentions = mentions


Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (1-{MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip.")]
By = Annotated[Literal["day", "week", "month", "year"], Query(description="Period.")]


# ---------------------------------------------------------------------- the app


def create_app(
    db: str | Path,
    *,
    coder: Any = None,
    coder_factory: Callable[[], Any] | None = None,
    allowed_hosts: frozenset[str] | set[str] | None = None,
    max_body: int = MAX_BODY,
    max_text: int = MAX_TEXT_CHARS,
) -> FastAPI:
    """The web app over the store at `db`, opened read-only now (StoreError if it cannot be).

    `coder` (or `coder_factory`) replaces the default coder used by POST /api/code;
    `allowed_hosts`, when given, are the only Host names served (None: any).
    """
    database = Database(db)
    holder = CoderHolder(coder, coder_factory)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="whodid",
        version=__version__,
        description=(
            "Political event data from a whodid event store: events (deduplicated clusters "
            "or mentions), actors, dyad series, the actor network, located events, articles "
            "with highlighted actors, triggers and quotes, and coding of a pasted text. "
            "Errors are JSON: {error, detail}."
        ),
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN: not offered
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = database
    app.state.coder = holder
    app.add_middleware(
        Guard,
        max_body=max_body,
        allowed_hosts=frozenset(allowed_hosts) if allowed_hosts is not None else None,
    )
    _error_handlers(app)
    errors: dict[int | str, dict[str, Any]] = {
        400: {"model": ErrorOut, "description": "Bad parameter"},
        404: {"model": ErrorOut, "description": "Unknown actor, event or article"},
    }

    def filters(p: EventFilters) -> Filters:
        return database.filters(*p.raw)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/api/info", summary="What the store holds")
    def info() -> dict[str, Any]:
        return {**database.info(), "version": __version__, "max_page": MAX_PAGE,
                "max_text": max_text}  # fmt: skip

    @app.get("/api/events", response_model=EventsOut, responses=errors,
             summary="Events matching the filters of `whodid events`, one page")  # fmt: skip
    def events(
        p: Annotated[EventFilters, Depends()],
        limit: Page = 50,
        offset: Offset = 0,
        order: Annotated[Literal["asc", "desc"], Query(description="By date.")] = "asc",
    ) -> dict[str, Any]:
        rows, total = database.events(filters(p), mentions=p.mentions, limit=limit,
                                      offset=offset, descending=order == "desc")  # fmt: skip
        return {"events": rows, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/events/{event_id}", response_model=EventOut, responses=errors,
             summary="One event with its sentence, spans, evidence and mentions")  # fmt: skip
    def event(
        event_id: Annotated[str, PathParam(max_length=200, description="Event or cluster id.")],
    ) -> dict[str, Any]:
        return database.event(event_id)

    @app.get("/api/actors", response_model=ActorsOut, responses=errors,
             summary="Actors by number of mentions")  # fmt: skip
    def actors(
        q: Annotated[str | None, Query(max_length=100, description=(
            "Code prefix or part of the name."))] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:  # fmt: skip
        rows, total = database.actors(q.strip() if q else None, limit, offset)
        return {"actors": rows, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/dyads/{a}/{b}/series", response_model=SeriesOut, responses=errors,
             summary="A dyad's events per period: counts per quad class, Goldstein")  # fmt: skip
    def dyad_series(
        a: Annotated[str, PathParam(max_length=40)],
        b: Annotated[str, PathParam(max_length=40)],
        p: Annotated[EventFilters, Depends()],
        by: By = "month",
    ) -> dict[str, Any]:
        try:
            codes = parse_code(a), parse_code(b)
        except ValueError as exc:
            raise bad(str(exc)) from None
        actor, dyad, directed, root, cameo, since, until = p.raw
        if dyad:
            raise bad("the dyad is in the path: give no dyad parameter")
        f = database.filters(actor, "-".join(codes), directed, root, cameo, since, until)
        return {"by": by, "dyad": f.dyad, "series": database.series(f, by, p.mentions)}

    @app.get("/api/series", response_model=SeriesOut, responses=errors,
             summary="Events per period under any filters")  # fmt: skip
    def series(p: Annotated[EventFilters, Depends()], by: By = "month") -> dict[str, Any]:
        f = filters(p)
        return {"by": by, "dyad": f.dyad, "series": database.series(f, by, p.mentions)}

    @app.get(
        "/api/network",
        response_model=NetworkOut,
        responses=errors,
        summary="Who acts on whom: actors as nodes, counts and mean Goldstein as edges",
    )
    def network(
        p: Annotated[EventFilters, Depends()],
        level: Annotated[Literal["code", "country"], Query(description=(
            "Nodes are actor codes (RUSMIL) or countries (RUS)."))] = "code",
        nodes: Annotated[int, Query(ge=2, le=200, description="Most active actors shown.")] = 40,
        min_count: Annotated[int, Query(ge=1, description="Hide rarer edges.")] = 1,
        edges: Annotated[int, Query(ge=1, le=1000, description=(
            "Strongest edges shown."))] = 1000,
    ) -> dict[str, Any]:  # fmt: skip
        return database.network(filters(p), mentions=p.mentions, level=level, max_nodes=nodes,
                                min_count=min_count, max_edges=edges)  # fmt: skip

    @app.get("/api/map", response_model=MapOut, responses=errors,
             summary="Located events grouped by place")  # fmt: skip
    def places(
        p: Annotated[EventFilters, Depends()],
        limit: Annotated[int, Query(ge=1, le=5000, description="Most active places.")] = 1000,
    ) -> dict[str, Any]:
        return database.places(filters(p), mentions=p.mentions, limit=limit)

    @app.get(
        "/api/articles/{doc_id:path}",
        response_model=ArticleOut,
        responses=errors,
        summary="An article's text with the spans of actors, triggers and quotes",
    )
    def article(doc_id: Annotated[str, PathParam(max_length=1000)]) -> dict[str, Any]:
        return database.article(doc_id)

    @app.post("/api/code", response_model=CodeOut,
              responses={**errors, 413: {"model": ErrorOut, "description": "Text too large"}},
              summary="Code a text (not stored): its events and quotes")  # fmt: skip
    def code(body: CodeIn) -> dict[str, Any]:
        if len(body.text) > max_text:
            raise ApiError(413, "text too large",
                           f"{len(body.text)} characters; the limit is {max_text}")  # fmt: skip
        if not body.text.strip():
            raise bad("text is empty")
        day = None
        if body.date:
            try:
                day = Date.fromisoformat(body.date)
            except ValueError:
                raise bad(f"{body.date!r} is not a date (YYYY-MM-DD)") from None
        return holder.code(body.text, day)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _openapi_without_422(app)
    return app


def _error_handlers(app: FastAPI) -> None:
    """Every error as {error, detail}: our own, HTTP's, validation's, and the unexpected."""

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message, "detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            body = {"error": "not found", "detail": f"no such path: {request.url.path}"}
        elif exc.status_code == 413:
            body = {"error": "request too large", "detail": exc.detail}
        else:
            body = {"error": _phrase(exc.status_code), "detail": exc.detail}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return JSONResponse({"error": "bad parameter", "detail": "; ".join(parts)},
                            status_code=400)  # fmt: skip

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return JSONResponse({"error": "store unavailable", "detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error answering %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": "internal error", "detail": "the server could not answer; see its log"},
            status_code=500,
        )


def _phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"


def _openapi_without_422(app: FastAPI) -> None:
    """Bad parameters are answered 400 with {error, detail}: say so in the description."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)  # fmt: skip
        for item in schema.get("paths", {}).values():
            for op in item.values():
                responses = op.get("responses", {})
                if responses.pop("422", None) is not None and "400" not in responses:
                    responses["400"] = {
                        "description": "Bad parameter",
                        "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/ErrorOut"}}},
                    }  # fmt: skip
        comps = schema.get("components", {}).get("schemas", {})
        comps.pop("HTTPValidationError", None)
        comps.pop("ValidationError", None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
