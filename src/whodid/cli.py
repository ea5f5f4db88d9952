"""The `whodid` command line."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data from English news: who did what to whom (CAMEO), explained.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _say(message: str, style: str | None = None) -> None:
    """One line on stderr; message text is never read as rich markup (file names may hold "[")."""
    err.print(message, style=style, markup=False)

DictOpt = Annotated[list[Path], typer.Option(exists=True, dir_okay=False, show_default=False)]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--date") from None


def _user_dicts(actors, agents, verbs, discards, replace):
    from .knowledge import UserDictionaries

    if not (actors or agents or verbs or discards):
        return None
    return UserDictionaries(
        actors=[str(p) for p in actors or []],
        agents=[str(p) for p in agents or []],
        verbs=[str(p) for p in verbs or []],
        discards=[str(p) for p in discards or []],
        replace=replace,
    )


def _load_coder(user):
    from .knowledge import LexiconError
    from .pipeline import Coder

    try:
        return Coder(user)
    except LexiconError as exc:
        _say(f"whodid: bad dictionary entry: {exc}", "red")
        raise typer.Exit(3) from None


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date_: Annotated[str | None, typer.Option("--date", help="Article date (YYYY-MM-DD) when the input has none.")] = None,
    actors: DictOpt = None,
    agents: DictOpt = None,
    verbs: DictOpt = None,
    discards: DictOpt = None,
    replace_dictionaries: Annotated[bool, typer.Option(help="Use only the given PETRARCH dictionaries, not whodid's own.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes coding in parallel (each loads the model once); with --dask local, the LocalCluster's worker processes (default: the CPU count).")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", metavar="ADDRESS|local", help="Code on Dask: a running scheduler (tcp://host:8786), or 'local' for a LocalCluster started for this run.")] = None,
) -> None:
    """Code news articles into CAMEO event records."""
    from contextlib import ExitStack

    from .cli_store import _check_dictionaries, _cluster_failure, check_workers

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("choose table, jsonl or csv", param_hint="--format")
    check_workers(workers, dask)
    day = _parse_date(date_)
    user = _user_dicts(actors, agents, verbs, discards, replace_dictionaries)
    with ExitStack() as stack:
        # several processes: local workers or Dask, each worker with its own coder; the
        # knowledge is checked here first, so that a bad dictionary stops before they start
        if dask is not None:
            from .distributed import code_dask, connect

            _check_dictionaries(user)
            try:
                client = stack.enter_context(connect(dask, workers if dask == "local" else None))
            except Exception as exc:
                _cluster_failure(exc, "nothing was coded")

            def code_stream(items):
                return code_dask(items, client, user)
        elif workers > 1:
            from .parallel import LocalWorkers

            _check_dictionaries(user)
            code_stream = stack.enter_context(LocalWorkers(workers, user)).code
        else:
            code_stream = _load_coder(user).code_documents
        _code_run(paths, code_stream, fmt, output, day, quiet)


def _code_run(paths, code_stream, fmt, output, day, quiet) -> None:
    """Read, code (with `code_stream`), write in input order, report; exits with the status."""
    from .cli_store import RunProgress, _cluster_failure
    from .ingest import iter_documents
    from .output import Writer
    from .schema import InputProblem

    try:
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as exc:
        _say(f"whodid: cannot write {output}: {exc.strerror or exc}", "red")
        raise typer.Exit(2) from None
    writer = Writer(out, fmt)
    errors = warnings = docs = sentences = 0
    started = time.perf_counter()

    def report(p: InputProblem) -> None:
        nonlocal errors, warnings
        if p.severity == "error":
            errors += 1
            _say(f"whodid: {p}", "red")
        else:
            warnings += 1
            if not quiet:
                _say(f"whodid: {p}", "yellow")

    def documents():
        for item in iter_documents(paths, day, stdin=sys.stdin):
            if isinstance(item, InputProblem):
                report(item)
                continue
            yield item

    progress = RunProgress("coding", paths, not quiet and err.is_terminal)
    try:
        for coded in code_stream(documents()):
            if coded.document.part == 0:
                docs += 1
            sentences += coded.sentences
            writer.write(coded.events, coded.quotes)
            progress.update(docs, writer.count, sentences)
    except KeyboardInterrupt:
        progress.stop()
        _say("whodid: interrupted; events of completed documents were written", "red")
        writer.close()
        raise typer.Exit(130) from None
    except Exception as exc:
        progress.stop()
        writer.close()
        _cluster_failure(exc, "events of the documents before it were written")
    finally:
        progress.stop()
    writer.close()
    if output:
        out.close()
    if not quiet:
        secs = time.perf_counter() - started
        _say(
            f"whodid: {docs} documents, {sentences} sentences, {writer.count} events, "
            f"{writer.quotes} quotes in {secs:.1f} s ({writer.count / max(secs, 1e-9):.1f} events/s)"
            + (f", {errors} unreadable" if errors else "")
            + (f", {warnings} warnings" if warnings else ""),
        )
    raise typer.Exit(2 if errors else 0)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold set (JSON Lines).")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N records.")] = None,
    details: Annotated[Path | None, typer.Option(help="Write per-record gold/predicted/matched as JSONL.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    actors: DictOpt = None,
    agents: DictOpt = None,
    verbs: DictOpt = None,
    discards: DictOpt = None,
    replace_dictionaries: Annotated[bool, typer.Option(help="Use only the given PETRARCH dictionaries.")] = False,
) -> None:
    """Score whodid against a gold set (CAMEO, PLOVER, penta or quotes, from the file's content)."""
    import json

    from . import evaluate as ev

    coder = _load_coder(_user_dicts(actors, agents, verbs, discards, replace_dictionaries))

    def run(text: str, day: date | None) -> list[dict]:
        doc = coder.code_doc(text, day)
        return [r.to_dict() for r in doc._.events] + [q.to_dict() for q in doc._.quotes]

    try:
        report = ev.evaluate(gold, run, limit=limit)
    except ValueError as exc:
        _say(f"whodid: {exc}", "red")
        raise typer.Exit(2) from None
    if details:
        report.write_details(details)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        typer.echo(ev.format_report(report))


@app.command()
def check() -> None:
    """Load and validate every knowledge file; print what is loaded."""
    from .dates import load_time_words
    from .knowledge import LexiconError, load_knowledge
    from .knowledge.tables import data_path
    from .places import load_gazetteer

    try:
        kn = load_knowledge()
        time_words = data_path("time_words.tsv")
        load_time_words(time_words)  # read by whodid.dates
        gazetteer = load_gazetteer()  # validates place_aliases.tsv against GeoNames
    except LexiconError as exc:
        _say(f"whodid: {exc}", "red")
        raise typer.Exit(3) from None
    files = [*kn.files, str(time_words), str(data_path("place_aliases.tsv"))]
    typer.echo(f"knowledge files: {len(files)}")
    for f in files:
        typer.echo(f"  {Path(f).name}")
    typer.echo(
        f"actors {len(kn.actors)}, aliases {len(kn.aliases)}, agents {len(kn.agents)}, "
        f"verb triggers {len(kn.verbs)} ({kn.verbs.pattern_count()} patterns), "
        f"noun triggers {len(kn.nouns)} ({kn.nouns.pattern_count()} patterns), "
        f"fallback verb triggers {len(kn.verbs_fallback)} ({kn.verbs_fallback.pattern_count()} patterns), "
        f"CAMEO codes {len(kn.cameo)}, places {len(gazetteer)}"
    )


@app.command()
def version() -> None:
    """Print whodid's version."""
    typer.echo(f"whodid {__version__}")


from . import cli_store  # noqa: E402,F401
from . import cli_web as cli_web  # noqa: E402,F401


def main() -> None:
    app()


if __name__ == "__main__":
    main()
