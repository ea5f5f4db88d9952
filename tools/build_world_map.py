"""Build the web page's bundled world map (src/whodid/web/static/world.json).

The map is Natural Earth's 1:110m admin-0 countries (public domain), as shipped in the
`pyogrio` wheel's test fixtures (``pyogrio/tests/fixtures/naturalearth_lowres``). whodid does
not depend on pyogrio: fetch its wheel once, offline afterwards, and run this script on it::

    pip download --no-deps -d /tmp/ne pyogrio==0.13.0
    python tools/build_world_map.py /tmp/ne/pyogrio-0.13.0-*.whl

(a path to ``naturalearth_lowres.shp`` works too). The shapefile and its .dbf are read with
the small reader below, rings are simplified (Douglas-Peucker) and rounded, and the result is
written as a compact GeoJSON FeatureCollection with each country's ``name`` and ``iso_a3``.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import zipfile
from pathlib import Path

FIXTURE = "pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "src" / "whodid" / "web" / "static" / "world.json"


def read_inputs(path: Path) -> tuple[bytes, bytes]:
    """The .shp and .dbf bytes from a pyogrio wheel or from a .shp beside its .dbf."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as z:
            return z.read(FIXTURE + ".shp"), z.read(FIXTURE + ".dbf")
    return path.read_bytes(), path.with_suffix(".dbf").read_bytes()


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Every record's rings (polygon shapes, type 5) from shapefile bytes."""
    out = []
    pos = 100
    while pos < len(shp):
        _num, words = struct.unpack(">ii", shp[pos : pos + 8])
        body = shp[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (kind,) = struct.unpack("<i", body[:4])
        if kind == 0:
            out.append([])
            continue
        if kind != 5:
            raise ValueError(f"shape type {kind} is not a polygon")
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44 : 44 + 4 * nparts]))
        at = 44 + 4 * nparts
        coords = struct.unpack(f"<{2 * npoints}d", body[at : at + 16 * npoints])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, npoints]
        out.append([points[bounds[i] : bounds[i + 1]] for i in range(nparts)])
    return out


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    """Records of a dBASE III table, every field as stripped text."""
    nrec, header_len, rec_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(nrec):
        rec = dbf[header_len + i * rec_len : header_len + (i + 1) * rec_len]
        at = 1  # deletion flag
        row = {}
        for name, length in fields:
            row[name] = rec[at : at + length].decode("utf-8", "replace").strip()
            at += length
        rows.append(row)
    return rows


def simplify(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on one closed ring (first and last points kept)."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = ring[a], ring[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = 0.0, -1
        for i in range(a + 1, b):
            x, y = ring[i]
            if norm == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, at = d, i
        if best > tolerance and at > 0:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def ring_area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)))


def build(path: Path, tolerance: float, digits: int, min_area: float) -> dict:
    shp, dbf = read_inputs(path)
    shapes, rows = read_polygons(shp), read_dbf(dbf)
    features = []
    for rings, row in zip(shapes, rows, strict=True):
        polys = []
        for ring in rings:
            if ring_area(ring) < min_area:
                continue
            small = simplify(ring, tolerance)
            pts = [[round(x, digits), round(y, digits)] for x, y in small]
            pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(pts) >= 4:
                polys.append([pts])
        if not polys:
            continue
        features.append({
            "type": "Feature",
            "properties": {"name": row["name"], "iso_a3": row["iso_a3"]},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        })  # fmt: skip
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), simplified",
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="pyogrio wheel, or naturalearth_lowres.shp")
    ap.add_argument("--output", type=Path, default=OUT)
    ap.add_argument("--tolerance", type=float, default=0.2, help="degrees (Douglas-Peucker)")
    ap.add_argument("--digits", type=int, default=1, help="decimals kept")
    ap.add_argument("--min-area", type=float, default=0.5, help="drop smaller rings (deg²×2)")
    args = ap.parse_args(argv)
    data = build(args.source, args.tolerance, args.digits, args.min_area)
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.output.stat().st_size
    print(
        f"{args.output}: {len(data['features'])} countries, {size / 1024:.0f} kB", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
