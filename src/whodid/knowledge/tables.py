"""Reading whodid's declarative data files with errors that point at file and line.

Every data file is UTF-8 text: `#` starts a comment line, blank lines are ignored,
and a `# version: N` line near the top states the format version. Tabular files
are tab-separated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

_VERSION = re.compile(r"^#\s*version:\s*(\S+)")


class LexiconError(ValueError):
    """A bad entry in a data file; the message names the file and line."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Row:
    """One data line: its fields and where it came from (used in every record's `rule`)."""

    fields: tuple[str, ...]
    path: str
    line: int

    @property
    def origin(self) -> str:
        return f"{Path(self.path).name}:{self.line}"

    def error(self, message: str) -> LexiconError:
        return LexiconError(self.path, self.line, message)


def data_path(name: str) -> Path:
    """Path of a bundled data file (inside the installed package)."""
    return Path(str(resources.files("whodid.knowledge") / "data" / name))


def read_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of the meaningful lines of a data file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LexiconError(path, line, "not valid UTF-8") from exc
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield n, line.rstrip("\r\n")


def file_version(path: str | Path) -> str | None:
    """The `# version: N` of a data file, if it states one."""
    with open(path, encoding="utf-8-sig") as fh:
        for _, line in zip(range(20), fh, strict=False):
            m = _VERSION.match(line.strip())
            if m:
                return m.group(1)
    return None


def read_table(
    path: str | Path, min_fields: int, max_fields: int | None = None, required: tuple[int, ...] | None = None
) -> Iterator[Row]:
    """Yield the tab-separated rows of a data file, checking the number of fields.

    `required` lists the columns that must not be empty (default: the first `min_fields`).
    """
    max_fields = max_fields or min_fields
    required = tuple(range(min_fields)) if required is None else required
    for n, line in read_lines(path):
        fields = tuple(f.strip() for f in line.split("\t"))
        # trailing empty optional columns may be omitted
        if not (min_fields <= len(fields) <= max_fields):
            raise LexiconError(
                path, n, f"expected {min_fields}-{max_fields} tab-separated fields, found {len(fields)}"
            )
        empty = [i + 1 for i in required if i < len(fields) and not fields[i]]
        if empty:
            raise LexiconError(path, n, f"empty required field (column {empty[0]})")
        yield Row(fields + ("",) * (max_fields - len(fields)), str(path), n)
