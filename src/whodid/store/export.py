"""Writing query results: Parquet, CSV, JSON Lines and GDELT 2.0 event rows.

Rows stream from DuckDB as Arrow record batches, so an export's memory does not grow with
the database. Clusters are the default unit; `mentions=True` writes every event mention.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from datetime import date as Date
from datetime import datetime
from typing import Any, TextIO

import pyarrow as pa

__all__ = ["FORMATS", "GDELT_COLUMNS", "cluster_record", "gdelt_row", "mention_record"]

FORMATS = ("parquet", "csv", "jsonl", "gdelt")

# GDELT 2.0 event table, in its column order (61 columns; the file has no header).
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
assert len(GDELT_COLUMNS) == 61


def _clean(v: Any) -> Any:
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (Date, datetime)):
        return v.isoformat()
    return v


def _actor(row: dict[str, Any], side: str, keys: tuple[str, ...]) -> dict[str, Any] | None:
    actor = {k: _clean(row.get(f"{side}_{k}")) for k in keys}
    return actor if any(v is not None for v in actor.values()) else None


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    loc = {
        "name": row.get("location_name"),
        "country": row.get("location_country"),
        "lat": _clean(row.get("location_lat")),
        "lon": _clean(row.get("location_lon")),
        "geonameid": row.get("location_geonameid"),
    }
    return loc if any(v is not None for v in loc.values()) else None


def cluster_record(row: dict[str, Any]) -> dict[str, Any]:
    """One cluster as JSON: the first mention's codes, the counts, and every mention."""
    return {
        "kind": "event_cluster",
        "cluster_id": row["cluster_id"],
        "date": _clean(row["date"]),
        "end_date": _clean(row["end_date"]),
        "source": _actor(row, "source", ("code", "country", "sector", "name")),
        "target": _actor(row, "target", ("code", "country", "sector", "name")),
        "cameo": row["cameo"],
        "root": row["root"],
        "label": row["label"],
        "goldstein": _clean(row["goldstein"]),
        "quad_class": row["quad_class"],
        "plover": row["plover"],
        "num_mentions": row["num_mentions"],
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "location": _location(row),
        "doc_id": row["doc_id"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "url": row["doc_url"],
        "mentions": [
            {
                "event_id": m["event_id"],
                "doc_id": m["doc_id"],
                "sentence_index": m["sentence_index"],
                "span": [m["span_start"], m["span_end"]],
            }
            for m in row.get("mentions") or []
        ],
    }


def mention_record(row: dict[str, Any]) -> dict[str, Any]:
    """One mention as JSON: the coder's own record, plus its event and cluster ids."""
    rec = json.loads(row["record"]) if row.get("record") else {}
    return {"event_id": row["event_id"], "cluster_id": row["cluster_id"], **rec}


def _mentions_cell(mentions: list[dict[str, Any]] | None) -> str:
    return ";".join(
        f"{m['doc_id']}:{m['sentence_index']}:{m['span_start']}-{m['span_end']}"
        for m in mentions or []
    )


def csv_rows(reader: pa.RecordBatchReader, columns: list[str]) -> Iterator[dict[str, Any]]:
    for batch in reader:
        for row in batch.to_pylist():
            if "mentions" in row:
                row["mentions"] = _mentions_cell(row["mentions"])
            yield {c: _clean(row.get(c)) for c in columns}


def write_csv(reader: pa.RecordBatchReader, out: TextIO) -> int:
    columns = [c for c in reader.schema.names if c != "record"]
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    w.writeheader()
    n = 0
    for row in csv_rows(reader, columns):
        w.writerow(row)
        n += 1
    return n


def write_jsonl(reader: pa.RecordBatchReader, out: TextIO, mentions: bool) -> int:
    n = 0
    for batch in reader:
        for row in batch.to_pylist():
            rec = mention_record(row) if mentions else cluster_record(row)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(reader: pa.RecordBatchReader, path: str) -> int:
    import pyarrow.parquet as pq

    n = 0
    schema = reader.schema
    if "record" in schema.names:
        schema = schema.remove(schema.get_field_index("record"))
    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        for batch in reader:
            if "record" in batch.schema.names:
                batch = batch.drop_columns(["record"])
            w.write_batch(batch)
            n += batch.num_rows
    return n


def _types(code: str | None, country: str | None) -> list[str]:
    """Role codes after the country in a CAMEO actor code: RUSGOVMIL -> [GOV, MIL]."""
    if not code or not country or code.startswith("IGO") or not code.startswith(country):
        return []
    rest = code[len(country) :]
    return [rest[i : i + 3] for i in range(0, len(rest), 3)][:3]


def _g(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v).replace("\t", " ").replace("\n", " ")


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """A cluster as the 61 GDELT 2.0 event fields (those whodid has; the rest empty)."""
    day: Date | None = row["date"]
    out = dict.fromkeys(GDELT_COLUMNS, "")
    out["GLOBALEVENTID"] = str(int(row["cluster_id"][:15], 16))
    if day is not None:
        out["SQLDATE"] = day.strftime("%Y%m%d")
        out["MonthYear"] = day.strftime("%Y%m")
        out["Year"] = str(day.year)
        out["FractionDate"] = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
    for n, side in ((1, "source"), (2, "target")):
        code, country = row[f"{side}_code"], row[f"{side}_country"]
        out[f"Actor{n}Code"] = _g(code)
        name = row[f"{side}_name"]
        out[f"Actor{n}Name"] = _g(name.upper() if name else None)
        if country and len(country) == 3:
            out[f"Actor{n}CountryCode"] = country
        types = _types(code, country)
        for i, t in enumerate(types, 1):
            out[f"Actor{n}Type{i}Code"] = t
    out["IsRootEvent"] = "1" if any(m["sentence_index"] == 0 for m in row["mentions"]) else "0"
    cameo = row["cameo"]
    out["EventCode"] = cameo
    out["EventBaseCode"] = cameo[:3]
    out["EventRootCode"] = _g(row["root"])
    out["QuadClass"] = _g(row["quad_class"])
    out["GoldsteinScale"] = _g(row["goldstein"])
    out["NumMentions"] = _g(row["num_mentions"])
    out["NumSources"] = _g(row["num_sources"])
    out["NumArticles"] = _g(row["num_articles"])
    if _location(row):
        out["ActionGeo_FullName"] = _g(row["location_name"])
        out["ActionGeo_CountryCode"] = _g(row["location_country"])
        out["ActionGeo_Lat"] = _g(row["location_lat"])
        out["ActionGeo_Long"] = _g(row["location_lon"])
        out["ActionGeo_FeatureID"] = _g(row["location_geonameid"])
    added = row.get("added")
    if added is not None:
        out["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    out["SOURCEURL"] = _g(row["doc_url"])
    return [out[c] for c in GDELT_COLUMNS]


def write_gdelt(reader: pa.RecordBatchReader, out: TextIO) -> int:
    n = 0
    for batch in reader:
        for row in batch.to_pylist():
            out.write("\t".join(gdelt_row(row)) + "\n")
            n += 1
    return n
