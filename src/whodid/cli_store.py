"""The event-store commands of `whodid`: ingest, events, stats, export, recluster.

Registered on `whodid.cli.app` when cli.py imports this module. Queries open the database
read-only, so they never block (or are blocked by) each other; an ingest holds the file.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from .cli import DictOpt, _load_coder, _parse_date, _say, _user_dicts, app, err

DbOpt = Annotated[Path, typer.Option("--db", help="Event store (DuckDB file).", show_default=True)]
_DEFAULT_DB = Path("whodid.duckdb")
ActorOpt = Annotated[
    str | None, typer.Option(help="Actor code prefix, as source or target (BLR, RUSMIL, IGO).")
]
DyadOpt = Annotated[
    str | None, typer.Option(help="SRC-TGT code prefixes (BLR-RUS), either direction.")
]
DirectedOpt = Annotated[bool, typer.Option("--directed", help="--dyad only source→target.")]
RootOpt = Annotated[str | None, typer.Option(help="CAMEO root (01-20).")]
CameoOpt = Annotated[str | None, typer.Option(help="CAMEO code prefix (04, 163, 0231).")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD, YYYY-MM, YYYY).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this date, inclusive.")]
MentionsOpt = Annotated[
    bool, typer.Option("--mentions", help="Every event mention, not deduplicated clusters.")
]


def _open(db: Path, read_only: bool = True):
    from .store import Store, StoreError

    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        _say(f"whodid: {exc}", "red")
        raise typer.Exit(1) from None


def _filters(actor, dyad, directed, root, cameo, since, until):
    from .store import Filters

    try:
        return Filters(actor, dyad, directed, root, cameo, since, until).normalised()
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _count_inputs(paths: Iterable[str]) -> int | None:
    """About how many documents the paths hold (for the progress bar's ETA); None if unknown."""
    from .ingest import JSONL_SUFFIXES, SUFFIXES

    total = 0

    def count_file(p: Path) -> int:
        if p.suffix.lower() not in JSONL_SUFFIXES:
            return 1
        n = 0
        try:
            with open(p, "rb") as fh:
                for line in fh:
                    n += bool(line.strip())
        except OSError:
            return 0
        return n

    for raw in paths:
        if raw == "-":
            return None
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                        total += count_file(Path(root) / name)
        elif p.is_file():
            total += count_file(p)
    return total


class RunProgress:
    """Progress of a coding run on stderr, across all workers: documents done of those found,
    events, documents and sentences per second, and the time left (from the input's size
    counted up front). Updates are throttled; nothing is drawn unless `show`."""

    def __init__(self, label: str, paths: Iterable[str], show: bool):
        self.started = time.perf_counter()
        self._last = 0.0
        self._progress = None
        if not show:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
            TextColumn("{task.fields[events]} events"), TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=err, transient=True,
        )  # fmt: skip
        self._task = self._progress.add_task(label, total=_count_inputs(paths), events=0,
                                             rate="")  # fmt: skip
        self._progress.start()

    def update(self, documents: int, events: int, sentences: int, force: bool = False) -> None:
        now = time.perf_counter()
        if self._progress is None or (now - self._last < 0.1 and not force):
            return
        self._last = now
        secs = max(now - self.started, 1e-9)
        rate = f"{documents / secs:.1f} docs/s, {sentences / secs:.0f} sent/s"
        self._progress.update(self._task, completed=documents, events=events, rate=rate)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def check_workers(workers: int, dask: str | None) -> None:
    """`--workers` sizes local processes or the LocalCluster of `--dask local`; a running
    cluster's size is set where its workers are started."""
    if dask is not None and dask != "local" and workers > 1:
        raise typer.BadParameter(
            "with a scheduler address, start workers with `dask worker ADDRESS`; "
            "--workers applies to local processes and to --dask local",
            param_hint="--workers",
        )


PARALLEL_BATCH_SIZE = 50
WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers", "-w", min=1,
        help="Local processes coding in parallel (each loads the model once); with "
        "--dask local, the LocalCluster's worker processes (default: the CPU count).",
    ),
]  # fmt: skip
DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask", metavar="ADDRESS|local",
        help="Code on Dask: a running scheduler (tcp://host:8786), or 'local' for a "
        "LocalCluster started for this run.",
    ),
]  # fmt: skip


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, or - for stdin.")
    ],
    db: DbOpt = _DEFAULT_DB,
    date_: Annotated[
        str | None,
        typer.Option("--date", help="Article date (YYYY-MM-DD) when the input has none."),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            min=1, show_default=False,
            help="Documents per transaction (a crash loses at most one batch); with --workers "
            "or --dask, also the partition one worker codes. Default 200, or 50 with workers.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Recode documents even when unchanged.")
    ] = False,
    dedup_window: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Dedup: days after a cluster's first mention (default 1); "
            "a change recomputes all clusters.",
        ),
    ] = None,
    dedup_key: Annotated[
        str | None, typer.Option(help="Dedup: comma-separated event fields that must agree.")
    ] = None,
    actors: DictOpt = None,
    agents: DictOpt = None,
    verbs: DictOpt = None,
    discards: DictOpt = None,
    replace_dictionaries: Annotated[
        bool, typer.Option(help="Use only the given PETRARCH dictionaries, not whodid's own.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")
    ] = False,
    workers: WorkersOpt = 1,
    dask: DaskOpt = None,
    parts: Annotated[
        Path | None,
        typer.Option(
            help="With --dask: where workers write each batch as Parquet before it is "
            "loaded (default: DB.parts; on a real cluster, a directory every worker shares).",
        ),
    ] = None,
) -> None:
    """Code articles and store them, their sentences, events, quotes and event clusters."""
    from .store import IngestReport, StoreError

    check_workers(workers, dask)
    parallel = workers > 1 or dask is not None
    if batch_size is None:
        # a worker's partition: small enough that there are many more of them than workers
        batch_size = PARALLEL_BATCH_SIZE if parallel else 200
    day = _parse_date(date_)
    rule = _rule_option(db, dedup_window, dedup_key)
    user = _user_dicts(actors, agents, verbs, discards, replace_dictionaries)
    if parallel:
        coder = None
        _check_dictionaries(user)  # a bad dictionary stops here, not in a worker
    else:
        coder = _load_coder(user)
    store = _open(db, read_only=False)
    show = not quiet and err.is_terminal

    def on_problem(p) -> None:
        if p.severity == "error":
            _say(f"whodid: {p}", "red")
        elif not quiet:
            _say(f"whodid: {p}", "yellow")

    progress = RunProgress("ingest", paths, show)

    def on_progress(r: IngestReport) -> None:
        progress.update(r.documents, r.events, r.sentences)

    report = None
    try:
        with store:
            if rule is not None and rule != store.rule and not quiet:
                _say(f"whodid: dedup rule is now: {rule.describe()} (recomputing clusters)")
            report = store.ingest_paths(
                paths, default_date=day, coder=coder, batch_size=batch_size, force=force,
                rule=rule, on_problem=on_problem, on_progress=on_progress, workers=workers,
                dask=dask, user=user, parts_dir=parts,
            )  # fmt: skip
    except KeyboardInterrupt:
        progress.stop()
        _say("whodid: interrupted; the batch in flight was rolled back, committed batches are "
             "kept: run the same command again to complete the ingest", "red")  # fmt: skip
        raise typer.Exit(130) from None
    except StoreError as exc:
        _say(f"whodid: {exc}", "red")
        raise typer.Exit(1) from None
    except Exception as exc:
        _cluster_failure(exc, "batches committed so far are kept: run the same command "
                         "again to complete the ingest")  # fmt: skip
    finally:
        progress.stop()
    if not quiet:
        size = _size(db)
        secs = max(report.seconds, 1e-9)
        _say(
            f"whodid: {report.documents} documents ({report.new} new, {report.replaced} replaced, "
            f"{report.unchanged} unchanged), {report.sentences} sentences, "
            f"{report.stored_events} events, {report.quotes} quotes stored in "
            f"{report.seconds:.1f} s ({report.documents / secs:.1f} docs/s, "
            f"{report.events / secs:.1f} events/s); {db} is {size}"
            + (f"; {report.errors} unreadable" if report.errors else "")
            + (f", {report.warnings} warnings" if report.warnings else ""),
        )
    raise typer.Exit(2 if report.errors else 0)


def _check_dictionaries(user) -> None:
    """Load the knowledge (with any user dictionaries) here, so that a bad entry stops the
    run with exit 3 before workers start."""
    from .knowledge import LexiconError, load_knowledge

    try:
        load_knowledge(user)
    except LexiconError as exc:
        _say(f"whodid: bad dictionary entry: {exc}", "red")
        raise typer.Exit(3) from None


def _cluster_failure(exc: Exception, after: str) -> None:
    """Exit 1 with one line for what a cluster run can fail on (no scheduler, workers unlike
    this machine, a partition that killed its workers too often); re-raise anything else."""
    from distributed import KilledWorker
    from distributed import TimeoutError as DaskTimeout

    from .distributed import DaskError

    if isinstance(exc, KilledWorker):
        message = f"a partition killed its workers too often (out of memory?): {exc}"
    elif isinstance(exc, (DaskError, DaskTimeout, OSError)):
        message = str(exc)
    else:
        raise exc
    _say(f"whodid: {message}; {after}", "red")
    raise typer.Exit(1) from None


def _size(db: Path) -> str:
    n = sum(p.stat().st_size for p in (db, Path(f"{db}.wal")) if p.exists())
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


def _rule_option(db: Path, window: int | None, key: str | None):
    """The dedup rule the options ask for (the stored one where an option is absent)."""
    from .store import DedupRule, StoreError

    if window is None and key is None:
        return None
    stored = DedupRule()
    if db.exists():
        try:
            from .store import Store

            with Store(db) as st:
                stored = st.rule
        except StoreError:
            pass
    fields = tuple(f.strip() for f in key.split(",") if f.strip()) if key else stored.fields
    try:
        return DedupRule(
            window_days=stored.window_days if window is None else window, fields=fields
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def recluster(
    db: DbOpt = _DEFAULT_DB,
    window: Annotated[
        int | None, typer.Option(min=0, help="Days after a cluster's first mention.")
    ] = None,
    key: Annotated[
        str | None, typer.Option(help="Comma-separated event fields that must agree.")
    ] = None,
) -> None:
    """Recompute every event cluster, under a new dedup rule if given."""
    from .store import StoreError

    rule = _rule_option(db, window, key)
    with _open(db, read_only=False) as st:
        try:
            rule = st.recluster(rule)
        except StoreError as exc:
            _say(f"whodid: {exc}", "red")
            raise typer.Exit(1) from None
        n = st.sql("SELECT count(*) AS n FROM clusters")["n"][0]
    typer.echo(f"{n} clusters: {rule.describe()}")


def _output(output: Path | None):
    try:
        return open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as exc:
        _say(f"whodid: cannot write {output}: {exc.strerror or exc}", "red")
        raise typer.Exit(2) from None


@app.command()
def events(
    db: DbOpt = _DEFAULT_DB,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    directed: DirectedOpt = False,
    root: RootOpt = None,
    cameo: CameoOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[
        int | None, typer.Option(min=0, help="At most N rows (table: 100 unless given).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    mentions: MentionsOpt = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Query stored events: clusters (deduplicated) by default, every mention on request."""
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("choose table, jsonl or csv", param_hint="--format")
    f = _filters(actor, dyad, directed, root, cameo, since, until)
    shown = limit if limit is not None or fmt != "table" else 100
    with _open(db) as st:
        if fmt == "table":
            rows = st.reader(f, mentions=mentions, limit=shown).read_all().to_pylist()
            total = None
            if limit is None and len(rows) == shown:
                total = st.count(f, mentions=mentions)
            out = _output(output)
            _print_events(rows, mentions, out, total)
        else:
            out = _output(output)
            st._write_text(st.reader(f, mentions=mentions, limit=shown, record=fmt == "jsonl"),
                           out, fmt, mentions)  # fmt: skip
    if output:
        out.close()


def _actor_cell(code: str | None, name: str | None):
    from rich.text import Text

    if code is None and name is None:
        return Text("—")
    cell = Text(f"{code or '?'} ")
    if name:
        cell.append(name if len(name) <= 24 else name[:23] + "…", style="dim")
    return cell


def _console(out):
    from rich.console import Console

    probe = Console(file=out)
    return Console(file=out, width=probe.width if probe.is_terminal else 200, highlight=False)


def _print_events(rows: list[dict[str, Any]], mentions: bool, out, total: int | None) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console(out)
    table = Table(header_style="bold", show_edge=False, pad_edge=False)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("source", no_wrap=True, overflow="ellipsis", style="cyan", max_width=26)
    table.add_column("target", no_wrap=True, overflow="ellipsis", style="magenta", max_width=26)
    table.add_column("cameo", no_wrap=True, style="bold", min_width=5)
    table.add_column("event", no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("G", justify="right", no_wrap=True, min_width=5)
    if mentions:
        table.add_column("doc:sent", no_wrap=True, overflow="ellipsis", style="dim", max_width=24)
        table.add_column("trigger", no_wrap=True, overflow="ellipsis", style="yellow", max_width=12)
    else:
        table.add_column("m/a/s", justify="right", no_wrap=True, min_width=5)
        table.add_column(
            "first report", no_wrap=True, overflow="ellipsis", style="dim", max_width=24
        )
    table.add_column("sentence", no_wrap=True, overflow="ellipsis", max_width=60)
    for r in rows:
        g = r.get("goldstein")
        cells = [
            Text(r["date"].isoformat() if r.get("date") else "—"),
            _actor_cell(r.get("source_code"), r.get("source_name")),
            _actor_cell(r.get("target_code"), r.get("target_name")),
            Text(r["cameo"]),
            Text((r.get("label") or "").split(",")[0]),
            "" if g is None else f"{g:+.1f}",
            Text(f"{r['doc_id']}:{r['sentence_index']}"),
        ]
        if mentions:
            cells.append(Text(r.get("trigger") or ""))
        else:
            counts = f"{r['num_mentions']}/{r['num_articles']}/{r['num_sources']}"
            cells.insert(6, counts)
        cells.append(Text(r.get("sentence") or ""))
        table.add_row(*cells)
    console.print(table)
    unit = "mentions" if mentions else "event clusters"
    more = f" (of {total}; use --limit)" if total is not None and total > len(rows) else ""
    console.print(f"{len(rows)} {unit}{more}")


def _period(value: date | None, by: str) -> str:
    if value is None:
        return "undated"
    if by == "day":
        return value.isoformat()
    if by == "week":
        y, w, _ = value.isocalendar()
        return f"{y}-W{w:02d}"
    if by == "month":
        return value.strftime("%Y-%m")
    return str(value.year)


_STAT_COLUMNS = [
    "period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict", "goldstein_sum", "goldstein_mean", "top_codes",
]  # fmt: skip


@app.command()
def stats(
    db: DbOpt = _DEFAULT_DB,
    dyad: DyadOpt = None,
    actor: ActorOpt = None,
    directed: DirectedOpt = False,
    root: RootOpt = None,
    cameo: CameoOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    top: Annotated[int, typer.Option(min=1, help="How many top event codes per period.")] = 3,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    mentions: MentionsOpt = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Time series: events per quad class, Goldstein sum and mean, top event codes."""
    from .store.query import BY

    if by not in BY:
        raise typer.BadParameter(f"choose {', '.join(BY)}", param_hint="--by")
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("choose table, jsonl or csv", param_hint="--format")
    f = _filters(actor, dyad, directed, root, cameo, since, until)
    with _open(db) as st:
        rows = st.stats(
            actor=f.actor, dyad=f.dyad, directed=f.directed, root=f.root, cameo=f.cameo,
            since=f.since, until=f.until, by=by, top=top, mentions=mentions, arrow=True,
        ).to_pylist()  # fmt: skip
    out = _output(output)
    for r in rows:
        r["period"] = _period(r["period"], by)
        r["top_codes"] = r["top_codes"] or []
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=_STAT_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow(
                {**r, "top_codes": " ".join(f"{c['cameo']}:{c['count']}" for c in r["top_codes"])}
            )
    else:
        _print_stats(rows, mentions, out)
    if output:
        out.close()


def _print_stats(rows: list[dict[str, Any]], mentions: bool, out) -> None:
    from rich.table import Table

    console = _console(out)
    table = Table(header_style="bold", show_edge=False, pad_edge=False)
    for name, justify in (
        ("period", "left"), ("mentions" if mentions else "events", "right"),
        ("verb.coop", "right"), ("mat.coop", "right"), ("verb.confl", "right"),
        ("mat.confl", "right"), ("G sum", "right"), ("G mean", "right"), ("top codes", "left"),
    ):  # fmt: skip
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for r in rows:
        mean = r["goldstein_mean"]
        table.add_row(
            r["period"], str(r["events"]), str(r["verbal_cooperation"]),
            str(r["material_cooperation"]), str(r["verbal_conflict"]),
            str(r["material_conflict"]), f"{r['goldstein_sum'] or 0:+.1f}",
            "" if mean is None else f"{mean:+.2f}",
            " ".join(f"{c['cameo']}×{c['count']}" for c in r["top_codes"]),
        )  # fmt: skip
    console.print(table)


@app.command("export")
def export_(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    db: DbOpt = _DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, jsonl or gdelt.")
    ] = "parquet",
    mentions: MentionsOpt = False,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    directed: DirectedOpt = False,
    root: RootOpt = None,
    cameo: CameoOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Export events (clusters, or every mention) with actors, codes, dates, places, sentence."""
    from .store.export import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "gdelt" and mentions:
        raise typer.BadParameter("gdelt rows are deduplicated events: drop --mentions")
    f = _filters(actor, dyad, directed, root, cameo, since, until)
    with _open(db) as st:
        try:
            n = st.export(output, fmt, mentions=mentions, filters=f)
        except OSError as exc:
            _say(f"whodid: cannot write {output}: {exc.strerror or exc}", "red")
            raise typer.Exit(2) from None
    if not quiet:
        unit = "mentions" if mentions else "event clusters"
        _say(f"whodid: {n} {unit} written to {output} ({fmt})")
