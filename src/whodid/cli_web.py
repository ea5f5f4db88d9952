"""`whodid serve`: the web page and REST API over an event store, on this machine.

Registered on `whodid.cli.app` when cli.py imports this module. The store is opened
read-only; bound to 127.0.0.1 unless told otherwise, since the store may hold anything.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from .cli import _say, app


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: only this machine can connect."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: Annotated[
        Path, typer.Option("--db", help="Event store (DuckDB file), opened read-only.")
    ] = Path("whodid.duckdb"),
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but loopback exposes the store.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    log_level: Annotated[
        str, typer.Option(help="uvicorn log level (info, warning, error).")
    ] = "warning",
) -> None:
    """Serve the event store: a page at / and a REST API at /api (OpenAPI at /openapi.json)."""
    import uvicorn

    from .store import StoreError
    from .web import create_app
    from .web.app import LOOPBACK_HOSTS

    loopback = is_loopback(host)
    allowed = set(LOOPBACK_HOSTS) | {host.strip("[]").lower()} if loopback else None
    try:
        web = create_app(db, allowed_hosts=allowed)
    except StoreError as exc:
        _say(f"whodid: {exc}", "red")
        raise typer.Exit(1) from None
    if not loopback:
        _say(f"whodid: warning: serving on {host}: anyone who can reach this machine can read "
             "the store and have texts coded", "yellow")  # fmt: skip
    shown = f"[{host}]" if ":" in host else host
    _say(f"whodid: serving {db} (read-only) at http://{shown}:{port}/ "
         f"(API: /api/..., description: /openapi.json); Ctrl-C stops")  # fmt: skip
    try:
        uvicorn.run(web, host=host, port=port, log_level=log_level, server_header=False)
    except KeyboardInterrupt:  # pragma: no cover - uvicorn handles the signal itself
        pass
